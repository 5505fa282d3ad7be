using Switchboard.CrmLoad.Generation;

namespace Switchboard.CrmLoad.Measuring;

/// <summary>What one lookup asks for, and what it should find.</summary>
internal enum LookupKind
{
    /// <summary>A number of the CRM, in one of the formats PBXs send.</summary>
    Known,

    /// <summary>A line: the colleague who owns it.</summary>
    Extension,

    /// <summary>A valid number that is (almost surely) in no record.</summary>
    Unknown,

    /// <summary>Not a number: anonymous callers, truncated or odd caller ids.</summary>
    Garbage,
}

/// <summary>One lookup's input; for a known number, the index of the number in the CRM.</summary>
internal sealed record LookupSample(LookupKind Kind, string Input, string Format, int NumberIndex);

/// <summary>
/// The numbers a PBX asks about: 65 % numbers of the CRM in the formats PBXs send (+7 495 123-45-67,
/// 8 (495) 123-45-67, 74951234567, 4951234567, 984951234567, 00 44 20 7946 0958...), 10 %
/// internal extensions (mostly lines that exist), 15 % valid numbers of nobody, 10 % garbage.
/// </summary>
internal static class LookupWorkload
{
    private static readonly string[] Garbage =
    [
        "anonymous", "Anonymous", "unknown", "Restricted", "+", "12", "abc", "0000000000000000000000000",
        "+7 (495) 12", "<sip:alice@example.org>", "495-12", "+999 1234", "  ", "8 800", "*97",
    ];

    public static LookupSample[] Make(SyntheticCrm crm, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var random = new Random(seed);
        var samples = new LookupSample[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            samples[i] = roll switch
            {
                < 65 when crm.Numbers.Length > 0 => Known(crm, random.Next(crm.Numbers.Length), random),
                < 75 => Extension(random),
                < 90 => Unknown(random),
                _ => new LookupSample(LookupKind.Garbage, Garbage[random.Next(Garbage.Length)], "garbage", -1),
            };
        }

        return samples;
    }

    public static LookupSample Known(SyntheticCrm crm, int numberIndex, Random random)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var (text, format) = PhonePlan.AsPbxSends(crm.Plans[numberIndex], random);
        return new LookupSample(LookupKind.Known, text, format, numberIndex);
    }

    private static LookupSample Extension(Random random) =>
        random.Next(10) == 0
            ? new LookupSample(LookupKind.Extension, (200 + random.Next(100)).ToString(System.Globalization.CultureInfo.InvariantCulture), "no such line", -1)
            : new LookupSample(LookupKind.Extension, SyntheticCrm.LineName(random.Next(SyntheticCrm.LineCount)), "line", -1);

    private static LookupSample Unknown(Random random)
    {
        var (text, format) = PhonePlan.AsPbxSends(PhonePlan.Next(random), random);
        return new LookupSample(LookupKind.Unknown, text, format, -1);
    }
}
