using Switchboard.Crm.Contacts;

namespace Switchboard.Crm.Tests.Contacts;

public sealed class DigitPrefixTests
{
    [Theory]
    [InlineData("123", new[] { "123", "1230", "1239", "123999" }, new[] { "12", "122999", "124", "1240" })]
    [InlineData("999", new[] { "999", "9990", "99999" }, new[] { "99", "998", "9989" })]
    [InlineData("0", new[] { "0", "00", "09999" }, new[] { "1", "10" })]
    public void The_range_holds_exactly_the_digit_strings_that_start_with_the_prefix(string prefix, string[] inside, string[] outside)
    {
        var upper = DigitPrefix.UpperBound(prefix);
        bool InRange(string s) => string.CompareOrdinal(s, prefix) >= 0 && string.CompareOrdinal(s, upper) < 0;

        Assert.All(inside, s => Assert.True(InRange(s), s));
        Assert.All(outside, s => Assert.False(InRange(s), s));
    }
}
