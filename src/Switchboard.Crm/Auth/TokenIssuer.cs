using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Auth;

/// <summary>Issues the JWTs that the CRM endpoints and the hub accept, and says how to validate them.</summary>
public sealed class TokenIssuer
{
    private readonly SigningKeyStore _keys;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    internal TokenIssuer(SigningKeyStore keys, AuthOptions options, TimeProvider time)
    {
        _keys = keys;
        _lifetime = options.TokenLifetime > TimeSpan.Zero ? options.TokenLifetime : new AuthOptions().TokenLifetime;
        _time = time;
    }

    /// <summary>How long a token lasts from the moment it is issued.</summary>
    public TimeSpan Lifetime => _lifetime;

    /// <summary>
    /// A token for <paramref name="user"/> as read from the store, in the sign-in <paramref name="sessionId"/>
    /// (<see cref="SessionStore"/>). It carries the user's security stamp and the session id, which
    /// <see cref="SessionJudge"/> checks on every request; a token without a session is never accepted.
    /// </summary>
    public IssuedToken Issue(CrmUser user, Guid? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _time.GetUtcNow();
        var expiresAt = now + _lifetime;
        var claims = new Dictionary<string, object>
        {
            [CrmClaims.UserId] = user.Id.ToString(),
            [CrmClaims.Login] = user.Login,
            [CrmClaims.Role] = user.Role.ToString(),
        };
        if (user.SecurityStamp is { } stamp)
        {
            claims[CrmClaims.Stamp] = stamp;
        }

        if (sessionId is { } session)
        {
            claims[CrmClaims.SessionId] = session.ToString();
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = CrmClaims.Issuer,
            Audience = CrmClaims.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_keys.Key, SecurityAlgorithms.HmacSha256),
        });

        // The token carries whole seconds; report the moment it really expires.
        return new IssuedToken(token, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }

    public TokenValidationParameters CreateValidationParameters() => new()
    {
        ValidIssuer = CrmClaims.Issuer,
        ValidAudience = CrmClaims.Audience,
        IssuerSigningKey = _keys.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = CrmClaims.Login,
        RoleClaimType = CrmClaims.Role,
    };

    /// <summary>Validates a token outside the HTTP pipeline; null when it is not one of ours or has expired.</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, CreateValidationParameters());
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
