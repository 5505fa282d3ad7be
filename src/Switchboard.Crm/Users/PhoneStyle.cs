namespace Switchboard.Crm.Users;

/// <summary>
/// How a user's panel reaches their phone. In JSON the names are camel case (<c>thirdParty</c>,
/// <c>webPhone</c>), as the panel reads them from <c>GET /api/me</c>.
/// </summary>
public enum PhoneStyle
{
    /// <summary>The desk phone or softphone is watched and driven through the Messaging Service's link to the PBX.</summary>
    ThirdParty,

    /// <summary>The browser is the phone: it registers the user's SIP account over WebSocket (needs one).</summary>
    WebPhone,
}
