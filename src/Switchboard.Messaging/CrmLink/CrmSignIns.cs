using System.Collections.Concurrent;
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
/// request a call to the CRM. It is also the hub's <see cref="IUserDirectory"/>: the user a
/// connection signed in as, with their lines as the CRM gave them a moment ago.
/// </summary>
public sealed class CrmSignIns(CrmApi api, IOptions<CrmLinkOptions> options) : IUserDirectory, IDisposable
{
    private const int MaxRemembered = 10_000;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });
    private readonly ConcurrentDictionary<Guid, MessagingUser> _users = new();

    /// <summary>The token's user, or null when the CRM does not accept it; throws when the CRM cannot be asked.</summary>
    public async Task<MessagingUser?> SignInAsync(string token, CancellationToken cancellationToken)
    {
        var key = Hash(token);
        if (_answers.TryGetValue(key, out Answer? remembered) && remembered is not null)
        {
            return remembered.User;
        }

        var user = await api.WhoIsAsync(token, cancellationToken);
        _answers.Set(key, new Answer(user), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = options.Value.UserCacheTime,
        });
        if (user is not null)
        {
            _users[user.Id] = user;
        }

        return user;
    }

    public Task<MessagingUser?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryGetValue(userId, out var user) ? user : null);

    public void Dispose() => _answers.Dispose();

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Answer(MessagingUser? User);
}
