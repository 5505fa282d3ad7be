namespace Switchboard.Crm.Contacts;

/// <summary>
/// "Starts with these digits" as a range of strings, [prefix, <see cref="UpperBound"/>), which every
/// engine answers from an ordinary index in byte order (SQLite's BINARY collation, PostgreSQL's "C").
/// (SQLite's LIKE ignores an index with the default, case-sensitive collation.)
/// </summary>
internal static class DigitPrefix
{
    // The character right after '9': every digit string that starts with a prefix sorts below the
    // prefix followed by it, and every other string at or above the prefix sorts above it.
    private const char AfterNine = ':';

    /// <summary>The least string above every digit string that starts with <paramref name="prefix"/>.</summary>
    public static string UpperBound(string prefix) => prefix + AfterNine;
}
