using Switchboard.Messaging.Hub;

namespace Switchboard.Messaging.Tests;

public class CommandInputTests
{
    [Theory]
    [InlineData("+7 (495) 123-45-67", "+74951234567")]
    [InlineData("984951112233", "984951112233")]
    [InlineData(" 102 ", "102")]
    [InlineData("*72#", "*72#")]
    public void Numbers_are_accepted_as_people_type_them(string typed, string expected) =>
        Assert.Equal(expected, CommandInput.Number(typed, "number"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("call me")]
    [InlineData("+7+495")]
    [InlineData("123456789012345678901234567890123")]
    public void Anything_else_is_refused_with_a_reason(string? typed)
    {
        var refused = Assert.Throws<CommandRefusedException>(() => CommandInput.Number(typed, "number"));

        Assert.Equal("invalid_number", refused.Code);
        Assert.Contains("number", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789*#ABCD", true)]
    [InlineData("12a", true)]
    [InlineData("", false)]
    [InlineData("12E", false)]
    [InlineData(null, false)]
    public void Dtmf_digits_are_checked(string? digits, bool valid)
    {
        if (valid)
        {
            Assert.Equal(digits!.ToUpperInvariant(), CommandInput.Digits(digits));
        }
        else
        {
            Assert.Equal("invalid_digits", Assert.Throws<CommandRefusedException>(() => CommandInput.Digits(digits)).Code);
        }
    }
}
