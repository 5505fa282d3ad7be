namespace Switchboard.Crm.SipAccounts;

/// <summary>
/// A STUN or TURN server for the web phone's ICE, as WebRTC's RTCIceServer has it: one or more
/// URLs (stun:, stuns:, turn:, turns:) and, for TURN, a user name and credential.
/// </summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);

/// <summary>An ICE server as administrators read it back: whether it has a credential, never the credential.</summary>
public sealed record IceServerSummary(IReadOnlyList<string> Urls, string? Username, bool HasCredential);

/// <summary>An ICE server in the body of <c>PUT /api/users/{id}/sip-account</c>.</summary>
public sealed record IceServerRequest(IReadOnlyList<string>? Urls, string? Username, string? Credential);

/// <summary>What an account's ICE servers must be.</summary>
public static class IceServerRules
{
    public const int MaxServers = 8;
    public const int MaxUrls = 8;

    /// <summary>The servers, or the problem with them (null when they are fine).</summary>
    public static (List<IceServer> Servers, string? Problem) Check(IReadOnlyList<IceServerRequest?>? requests)
    {
        List<IceServer> servers = [];
        if (requests is null)
        {
            return (servers, null);
        }

        if (requests.Count > MaxServers)
        {
            return (servers, $"At most {MaxServers} STUN or TURN servers.");
        }

        foreach (var request in requests)
        {
            var urls = request?.Urls?.Select(u => u?.Trim() ?? "").ToList() ?? [];
            if (urls.Count is 0 or > MaxUrls || urls.Any(u => !IsIceUrl(u)))
            {
                return (servers, "Each server has 1 to 8 URLs of the form stun:host[:port], stuns:, turn:host[:port][?transport=udp|tcp] or turns:.");
            }

            var username = string.IsNullOrWhiteSpace(request!.Username) ? null : request.Username.Trim();
            var credential = string.IsNullOrEmpty(request.Credential) ? null : request.Credential;
            if (username?.Length > 200 || username?.Any(char.IsControl) == true || credential?.Length > 500)
            {
                return (servers, "A TURN user name holds at most 200 characters and a credential at most 500.");
            }

            // Browsers refuse a TURN server without both (RTCPeerConnection throws InvalidAccessError).
            if (urls.Any(u => u.StartsWith("turn", StringComparison.OrdinalIgnoreCase)) && (username is null || credential is null))
            {
                return (servers, "A TURN server needs its user name and credential.");
            }

            servers.Add(new IceServer(urls, username, credential));
        }

        return (servers, null);
    }

    private static bool IsIceUrl(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || url.Length > 500 || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "stun" or "stuns" or "turn" or "turns" && url.Length > colon + 1;
    }
}
