namespace Switchboard.Crm.Contacts;

/// <summary>A valid phone number in E.164 form (<c>+74951234567</c>), with the forms the store indexes.</summary>
public sealed record NormalizedPhoneNumber
{
    internal NormalizedPhoneNumber(string e164, string nationalNumber)
    {
        E164 = e164;
        NationalNumber = nationalNumber;
        var digits = e164.AsSpan(1).ToArray();
        Array.Reverse(digits);
        ReversedDigits = new string(digits);
    }

    public string E164 { get; }

    /// <summary>The national significant number: <see cref="E164"/> without its country code (<c>4951234567</c>).</summary>
    public string NationalNumber { get; }

    /// <summary>The digits of <see cref="E164"/> last to first, so "ends with" becomes "starts with".</summary>
    public string ReversedDigits { get; }

    /// <summary>The last <paramref name="count"/> digits (all of them when there are fewer).</summary>
    public string TrailingDigits(int count) => E164[Math.Max(1, E164.Length - count)..];

    /// <summary>The reversed last <paramref name="count"/> digits (all of them when there are fewer).</summary>
    public string ReversedTrailingDigits(int count) => ReversedDigits[..Math.Min(count, ReversedDigits.Length)];

    public override string ToString() => E164;
}
