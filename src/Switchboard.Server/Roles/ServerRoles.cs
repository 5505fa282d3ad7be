namespace Switchboard.Server.Roles;

/// <summary>Chooses the role named by <c>Role</c> (<c>--role</c> on the command line): <c>all</c>, <c>crm</c> or <c>messaging</c>.</summary>
internal static class ServerRoles
{
    public const string Key = "Role";
    public const string All = "all";
    public const string Crm = "crm";
    public const string Messaging = "messaging";

    public static IServerRole FromConfiguration(IConfiguration configuration)
    {
        var name = configuration[Key] is { Length: > 0 } configured ? configured.Trim() : All;
        return name.ToUpperInvariant() switch
        {
            "ALL" => new AllRole(),
            "CRM" => new CrmRole(),
            "MESSAGING" => new MessagingRole(),
            _ => throw new InvalidOperationException(
                $"Role is '{name}'; it must be '{All}' (everything in one process), '{Crm}' (the CRM only) or '{Messaging}' (the Messaging Service and the PBX connector, with the CRM at Crm:Url)."),
        };
    }
}
