namespace Switchboard.Messaging.CrmLink;

/// <summary>How the Messaging Service reaches the CRM in its own role (configuration section <c>Crm</c>).</summary>
public sealed class CrmLinkOptions
{
    public const string SectionName = "Crm";

    /// <summary>The CRM's base address, e.g. <c>http://127.0.0.1:5180</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The account the Messaging Service signs in with to look callers up and save calls; an administrator in the CRM.</summary>
    public string? ServiceLogin { get; set; }

    /// <summary>That account's password: from the environment (<c>Crm__ServicePassword</c>), never from a file in the repository, never logged.</summary>
    public string? ServicePassword { get; set; }

    /// <summary>How long the CRM's answer about a user's token is reused before it is asked again.</summary>
    public TimeSpan UserCacheTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a new call may wait for the caller lookup before it is announced without a match.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The base address with a trailing slash, so that relative paths keep any path prefix.</summary>
    internal Uri BaseAddress => new(Url!.ToString().TrimEnd('/') + "/");
}
