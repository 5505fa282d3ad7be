using System.Globalization;
using System.Text;

namespace Switchboard.CrmLoad.Generation;

/// <summary>The countries the synthetic numbers come from; Russia is the default region, as in the demo.</summary>
internal enum Country : byte
{
    Ru,
    Gb,
    Us,
    De,
}

/// <summary>A number before any formatting: its country and national significant digits (<c>4951234567</c>).</summary>
internal readonly record struct PlannedNumber(Country Country, string National)
{
    public string CountryCode => PhonePlan.CountryCode(Country);

    public string E164 => "+" + CountryCode + National;
}

/// <summary>
/// Makes plausible numbers of a few countries (80 % Russian, then British, American and German,
/// mobiles and landlines) and writes them the ways people type them into a CRM and the ways PBXs
/// send them. Whether a number is valid is not decided here: the CRM's own normalizer decides.
/// </summary>
internal static class PhonePlan
{
    private static readonly string[] RuMobile = ["903", "905", "906", "909", "910", "915", "916", "917", "925", "926", "977", "985", "999"];
    private static readonly string[] RuLandline = ["495", "499", "812", "343", "383", "863"];
    private static readonly string[] UsAreas = ["212", "213", "312", "415", "617", "646", "718", "202", "305", "512"];
    private static readonly string[] DeMobile = ["151", "152", "160", "170", "171", "176", "177"];

    public static string CountryCode(Country country) => country switch
    {
        Country.Ru => "7",
        Country.Gb => "44",
        Country.Us => "1",
        Country.De => "49",
        _ => throw new ArgumentOutOfRangeException(nameof(country)),
    };

    /// <summary>A random number: 80 % RU, 8 % GB, 7 % US, 5 % DE.</summary>
    public static PlannedNumber Next(Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 80 => NextRu(random),
            < 88 => NextGb(random),
            < 95 => NextUs(random),
            _ => NextDe(random),
        };
    }

    /// <summary>How a person types the number into the CRM; the CRM keeps it as typed (<c>Raw</c>).</summary>
    public static string Typed(PlannedNumber number, Random random)
    {
        var n = number.National;
        return number.Country switch
        {
            Country.Ru => random.Next(5) switch
            {
                0 => $"+7 {n[..3]} {n[3..6]}-{n[6..8]}-{n[8..]}",
                1 => $"8 ({n[..3]}) {n[3..6]}-{n[6..8]}-{n[8..]}",
                2 => $"+7 ({n[..3]}) {n[3..6]}-{n[6..8]}-{n[8..]}",
                3 => $"8 {n[..3]} {n[3..]}",
                _ => "+7" + n,
            },
            Country.Gb => (random.Next(2) == 0 ? "+44 " : "0044 ") + GroupGb(n),
            Country.Us => random.Next(3) switch
            {
                0 => $"+1 ({n[..3]}) {n[3..6]}-{n[6..]}",
                1 => $"+1 {n[..3]}-{n[3..6]}-{n[6..]}",
                _ => $"+1 {n[..3]} {n[3..6]} {n[6..]}",
            },
            Country.De => "+49 " + GroupDe(n),
            _ => throw new ArgumentOutOfRangeException(nameof(number)),
        };
    }

    /// <summary>How a PBX sends or an agent dials the number (outside-line prefix 9 included), with the format's name.</summary>
    public static (string Text, string Format) AsPbxSends(PlannedNumber number, Random random)
    {
        var n = number.National;
        if (number.Country == Country.Ru)
        {
            return random.Next(7) switch
            {
                0 => ($"+7 {n[..3]} {n[3..6]}-{n[6..8]}-{n[8..]}", "+7 495 123-45-67"),
                1 => ($"8 ({n[..3]}) {n[3..6]}-{n[6..8]}-{n[8..]}", "8 (495) 123-45-67"),
                2 => ("7" + n, "74951234567"),
                3 => (n, "4951234567"),
                4 => ("+7" + n, "+74951234567"),
                5 => ("8" + n, "84951234567"),
                _ => ("98" + n, "984951234567"),
            };
        }

        var code = number.CountryCode;
        return random.Next(4) switch
        {
            0 => ($"00 {code} {Grouped(number)}", "00 44 20 7946 0958"),
            1 => ("+" + code + n, "+442079460958"),
            2 => ("00" + code + n, "00442079460958"),
            _ => ("900" + code + n, "900442079460958"),
        };
    }

    private static string Grouped(PlannedNumber number) => number.Country switch
    {
        Country.Gb => GroupGb(number.National),
        Country.De => GroupDe(number.National),
        _ => $"{number.National[..3]} {number.National[3..6]} {number.National[6..]}",
    };

    private static string GroupGb(string n) => n[0] == '2' ? $"{n[..2]} {n[2..6]} {n[6..]}" : $"{n[..4]} {n[4..]}";

    private static string GroupDe(string n) => n[0] == '1' ? $"{n[..3]} {n[3..]}" : $"{n[..2]} {n[2..]}";

    private static PlannedNumber NextRu(Random random)
    {
        // Two mobiles for each landline; subscriber numbers do not start with 0 or 1.
        var prefix = random.Next(3) < 2 ? Pick(RuMobile, random) : Pick(RuLandline, random);
        return new PlannedNumber(Country.Ru, prefix + Digits(random, 7, firstFrom: 2));
    }

    private static PlannedNumber NextGb(Random random) =>
        random.Next(5) < 3
            ? new PlannedNumber(Country.Gb, "20" + Pick(["7", "3", "8"], random) + Digits(random, 7))
            : new PlannedNumber(Country.Gb, "7" + (char)('4' + random.Next(6)) + Digits(random, 8));

    private static PlannedNumber NextUs(Random random) =>
        new(Country.Us, Pick(UsAreas, random) + Digits(random, 3, firstFrom: 2) + Digits(random, 4));

    private static PlannedNumber NextDe(Random random) => random.Next(10) switch
    {
        < 5 => new PlannedNumber(Country.De, "30" + Digits(random, 8, firstFrom: 2)),
        < 7 => new PlannedNumber(Country.De, "89" + Digits(random, 8, firstFrom: 2)),
        _ => new PlannedNumber(Country.De, Pick(DeMobile, random) + Digits(random, 8)),
    };

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    private static string Digits(Random random, int count, int firstFrom = 0)
    {
        var text = new StringBuilder(count);
        text.Append(random.Next(firstFrom, 10).ToString(CultureInfo.InvariantCulture));
        for (var i = 1; i < count; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        return text.ToString();
    }
}
