namespace Switchboard.Crm.Auth;

/// <summary>A signed access token and the moment it stops being accepted.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
