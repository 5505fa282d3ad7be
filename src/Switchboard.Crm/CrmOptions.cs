namespace Switchboard.Crm;

/// <summary>Settings of the CRM (configuration section <c>Crm</c>).</summary>
public sealed class CrmOptions
{
    public const string SectionName = "Crm";

    public const int MinTrailingDigits = 4;
    public const int MaxTrailingDigits = 15;

    /// <summary>The region (ISO 3166 code) whose national formats numbers without a country code are read in.</summary>
    public string DefaultRegion { get; set; } = "RU";

    /// <summary>
    /// The digit(s) agents dial to reach an outside line, stripped when what follows is a valid
    /// number and the whole is not: <c>984951112233</c> is <c>+74951112233</c>. Empty for none.
    /// </summary>
    public string OutsideLinePrefix { get; set; } = "9";

    /// <summary>
    /// How many trailing digits must agree for the lookup's last resort, and for the call log's
    /// number filter; from <see cref="MinTrailingDigits"/> to <see cref="MaxTrailingDigits"/>.
    /// Ten is the national number of most countries: enough to tell numbers apart, short enough to
    /// ignore how the country code was written.
    /// </summary>
    public int TrailingDigits { get; set; } = 10;

    /// <summary>The most rows one CSV export of the call log holds (the first ones in the chosen order).</summary>
    public int ExportMaxRows { get; set; } = 100_000;
}
