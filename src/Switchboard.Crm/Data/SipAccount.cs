namespace Switchboard.Crm.Data;

/// <summary>
/// A user's web-phone account: what the browser registers with over SIP WebSocket. The password
/// must reach the owner's browser, so it is kept encrypted (ASP.NET Core Data Protection), not hashed.
/// </summary>
public sealed class SipAccount
{
    public Guid UserId { get; set; }
    public User? User { get; set; }

    /// <summary>The SIP address of record, e.g. <c>sip:101@pbx.example.org</c>.</summary>
    public required string Address { get; set; }

    public required string AuthUser { get; set; }

    /// <summary>The password as Data Protection protected it; never the password itself.</summary>
    public required string ProtectedPassword { get; set; }

    /// <summary>The SIP server's WebSocket, e.g. <c>wss://pbx.example.org:8089/ws</c>.</summary>
    public required string WebSocketUrl { get; set; }

    public string? DisplayName { get; set; }

    public DtmfTransport DtmfTransport { get; set; }

    /// <summary>
    /// The STUN and TURN servers (JSON of <see cref="SipAccounts.IceServer"/>) as Data Protection
    /// protected them, since TURN credentials are as secret as the password; null for none.
    /// </summary>
    public string? ProtectedIceServers { get; set; }
}
