namespace Switchboard.Crm.Auth;

public sealed record LoginRequest(string? Login, string? Password);

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt);
