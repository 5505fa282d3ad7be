using Microsoft.Extensions.Options;
using Switchboard.Crm.Contacts;

namespace Switchboard.Crm.Tests.Contacts;

public sealed class PhoneNumberNormalizerTests
{
    private static PhoneNumberNormalizer Normalizer(string region = "RU", string prefix = "9") =>
        new(Options.Create(new CrmOptions { DefaultRegion = region, OutsideLinePrefix = prefix }));

    [Theory]
    [InlineData("+7 495 123-45-67", "+74951234567")]
    [InlineData("8 (495) 123-45-67", "+74951234567")]
    [InlineData("74951234567", "+74951234567")]
    [InlineData("4951234567", "+74951234567")]
    [InlineData("  +74951234567  ", "+74951234567")]
    [InlineData("984951112233", "+74951112233")]
    [InlineData("00 44 20 7946 0958", "+442079460958")]
    [InlineData("8 10 44 20 7946 0958", "+442079460958")]
    [InlineData("9 00 44 20 7946 0958", "+442079460958")]
    public void Numbers_in_every_usual_format_become_E164(string raw, string e164) =>
        Assert.Equal(e164, Normalizer().Normalize(raw)?.E164);

    [Theory]
    [InlineData("101")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("unknown")]
    [InlineData("+7 (495) abc-45-67")]
    [InlineData("+")]
    [InlineData("00")]
    [InlineData("9")]
    [InlineData("sip:101@pbx.example")]
    [InlineData("123456789012345678901234567890")]
    public void Extensions_empty_anonymous_and_garbage_numbers_normalise_to_nothing(string? raw) =>
        Assert.Null(Normalizer().Normalize(raw));

    [Fact]
    public void Very_long_input_is_refused_without_parsing() =>
        Assert.Null(Normalizer().Normalize(new string('1', 10_000)));

    [Fact]
    public void A_valid_number_that_starts_with_the_prefix_keeps_its_first_digit() =>
        // 916... is a Moscow mobile; stripping its 9 would turn it into another number.
        Assert.Equal("+79161234567", Normalizer().Normalize("9161234567")?.E164);

    [Fact]
    public void Without_an_outside_line_prefix_a_prefixed_number_is_not_understood() =>
        Assert.Null(Normalizer(prefix: "").Normalize("984951112233"));

    [Fact]
    public void National_formats_are_read_in_the_configured_region() =>
        Assert.Equal("+442079460958", Normalizer(region: "GB").Normalize("020 7946 0958")?.E164);

    [Fact]
    public void An_unknown_region_is_refused_at_start() =>
        Assert.Throws<ArgumentException>(() => Normalizer(region: "XX"));

    [Fact]
    public void Reversed_digits_turn_the_end_of_the_number_into_its_start()
    {
        var number = Normalizer().Normalize("+74951234567")!;

        Assert.Equal("76543215947", number.ReversedDigits);
        Assert.Equal("7654321594", number.ReversedTrailingDigits(10));
        Assert.Equal("4951234567", number.TrailingDigits(10));
    }
}
