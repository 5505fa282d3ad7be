namespace Switchboard.Crm.Setup;

/// <summary>
/// Settings of a new installation (configuration section <c>Setup</c>): the first administrator,
/// created when the CRM has no users yet. The password comes from the environment
/// (<c>Setup__AdminPassword</c>), never from a file in the repository, and is never logged.
/// </summary>
public sealed class SetupOptions
{
    public const string SectionName = "Setup";
    public const string AdminPasswordEnvironmentVariable = "Setup__AdminPassword";

    public string AdminLogin { get; set; } = "admin";

    public string? AdminPassword { get; set; }
}
