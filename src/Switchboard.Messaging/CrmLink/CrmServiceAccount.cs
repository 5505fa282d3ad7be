using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// The Messaging Service's own sign-in at the CRM (<c>Crm:ServiceLogin</c>): one token shared by
/// every lookup and save, taken anew before it expires and whenever the CRM stops accepting it.
/// </summary>
public sealed class CrmServiceAccount(CrmApi api, IOptions<CrmLinkOptions> options, TimeProvider time)
{
    // A token this close to its end is replaced rather than sent.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private Task<CrmApi.IssuedToken>? _signingIn;
    private CrmApi.IssuedToken? _token;

    /// <summary>Sends a request with the service token; on 401 signs in again and sends it once more.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await TokenAsync(cancellationToken);
        var response = await SendOnceAsync(request, token, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Expired, or the account was changed in the CRM: sign in again, once.
        response.Dispose();
        Forget(token);
        return await SendOnceAsync(request, await TokenAsync(cancellationToken), cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> request, string token, CancellationToken cancellationToken)
    {
        using var message = request();
        return await api.SendAsync(message, token, cancellationToken);
    }

    /// <summary>The current token, signing in first when there is none or it is about to expire.</summary>
    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (Usable(_token) is { } token)
        {
            return token;
        }

        Task<CrmApi.IssuedToken> signingIn;
        lock (_gate)
        {
            signingIn = _signingIn ??= SignInAsync();
        }

        // One sign-in for all who wait; a caller that stops waiting (a lookup's short limit) does not cancel it.
        return (await signingIn.WaitAsync(cancellationToken)).Token;
    }

    private async Task<CrmApi.IssuedToken> SignInAsync()
    {
        // Never completes before the caller has stored the task, so the finally below cannot run too early.
        await Task.Yield();
        try
        {
            var settings = options.Value;
            var issued = await api.LoginAsync(settings.ServiceLogin!, settings.ServicePassword!, CancellationToken.None)
                ?? throw new InvalidOperationException(
                    $"The CRM refused the login of the service account '{settings.ServiceLogin}' (Crm:ServiceLogin, Crm:ServicePassword).");
            _token = issued;
            return issued;
        }
        finally
        {
            lock (_gate)
            {
                _signingIn = null;
            }
        }
    }

    private string? Usable(CrmApi.IssuedToken? token) =>
        token is not null && token.ExpiresAt - time.GetUtcNow() > RenewBefore ? token.Token : null;

    private void Forget(string token)
    {
        var current = _token;
        if (current is not null && current.Token == token)
        {
            Interlocked.CompareExchange(ref _token, null, current);
        }
    }
}
