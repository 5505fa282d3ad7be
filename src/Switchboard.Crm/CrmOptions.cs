namespace Switchboard.Crm;

/// <summary>Settings of the CRM (configuration section <c>Crm</c>).</summary>
public sealed class CrmOptions
{
    public const string SectionName = "Crm";

    /// <summary>The region (ISO 3166 code) whose national formats numbers without a country code are read in.</summary>
    public string DefaultRegion { get; set; } = "RU";

    /// <summary>
    /// The digit(s) agents dial to reach an outside line, stripped when what follows is a valid
    /// number and the whole is not: <c>984951112233</c> is <c>+74951112233</c>. Empty for none.
    /// </summary>
    public string OutsideLinePrefix { get; set; } = "9";
}
