namespace Switchboard.Crm.Contacts;

/// <summary>
/// "Starts with these digits" as a range of strings, [prefix, next), which every engine answers
/// from an ordinary index. (SQLite's LIKE ignores an index with the default, case-sensitive collation.)
/// </summary>
internal static class DigitPrefix
{
    /// <summary>The least digit string above every string that starts with <paramref name="prefix"/>; null when there is none ("999").</summary>
    public static string? Next(string prefix)
    {
        var digits = prefix.ToCharArray();
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] < '9')
            {
                digits[i]++;
                return new string(digits, 0, i + 1);
            }
        }

        return null;
    }
}
