using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// Who a token belongs to, as the CRM says (<c>GET /api/me</c> with that token), remembered for
/// <see cref="CrmLinkOptions.UserCacheTime"/>. The cache is keyed by a hash of the token, so the
/// token itself is kept nowhere. A refusal is remembered as well, so a bad token cannot make every
/// request a call to the CRM. It is also the hub's <see cref="IUserDirectory"/>: the sign-in that
/// <see cref="CrmTokenAuthenticationHandler"/> left on the principal.
/// </summary>
public sealed class CrmSignIns(CrmApi api, IOptions<CrmLinkOptions> options) : IUserDirectory, IDisposable
{
    private const int MaxRemembered = 10_000;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    /// <summary>The token's sign-in and when the token expires, or null when the CRM does not accept it; throws when the CRM cannot be asked.</summary>
    public async Task<(SignedIn SignedIn, DateTimeOffset ExpiresAt)?> SignInAsync(string token, CancellationToken cancellationToken)
    {
        var key = Hash(token);
        if (_answers.TryGetValue(key, out Answer? remembered) && remembered is not null)
        {
            return remembered.SignIn;
        }

        // A token the CRM accepts carries its session; one that does not is refused without asking.
        var claims = TokenClaims.Read(token);
        var user = claims is null ? null : await api.WhoIsAsync(token, cancellationToken);
        (SignedIn, DateTimeOffset)? signIn = user is null || claims is null || user.Id != claims.UserId
            ? null
            : (new SignedIn(user, new SessionRef(claims.UserId, claims.SessionId, claims.Stamp)), claims.ExpiresAt);
        _answers.Set(key, new Answer(signIn), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = options.Value.UserCacheTime,
        });
        return signIn;
    }

    public SignedIn? FindSignedIn(System.Security.Claims.ClaimsPrincipal? principal) =>
        principal?.Identities.OfType<CrmSignInIdentity>().FirstOrDefault()?.SignedIn;

    public void Dispose() => _answers.Dispose();

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Answer((SignedIn SignedIn, DateTimeOffset ExpiresAt)? SignIn);
}
