using Switchboard.Crm.Contacts;

namespace Switchboard.Crm.Tests.Contacts;

public sealed class DigitPrefixTests
{
    [Theory]
    [InlineData("123", "124")]
    [InlineData("129", "13")]
    [InlineData("1999", "2")]
    [InlineData("0", "1")]
    public void The_next_prefix_is_the_least_string_above_every_extension(string prefix, string next) =>
        Assert.Equal(next, DigitPrefix.Next(prefix));

    [Fact]
    public void Nines_have_no_upper_bound() => Assert.Null(DigitPrefix.Next("999"));
}
