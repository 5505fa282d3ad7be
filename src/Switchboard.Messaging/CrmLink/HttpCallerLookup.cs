using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.CrmLink;

/// <summary>Asks the CRM who is calling (<c>GET /api/contacts/lookup</c>) with the service account's token.</summary>
public sealed class HttpCallerLookup(CrmServiceAccount account, IOptions<CrmLinkOptions> options) : ICallerLookup
{
    public async Task<IReadOnlyList<ContactCandidate>> LookupAsync(string number, CancellationToken cancellationToken)
    {
        // A new call waits for this answer before it is announced, so it gets a short limit of its own.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.LookupTimeout);
        try
        {
            using var response = await account.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, "api/contacts/lookup?number=" + Uri.EscapeDataString(number)),
                limit.Token);
            await CrmApi.EnsureSuccessAsync(response, limit.Token);
            return await response.Content.ReadFromJsonAsync<List<ContactCandidate>>(CrmApi.Json, limit.Token) ?? [];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The CRM did not answer the caller lookup within {options.Value.LookupTimeout}.");
        }
    }
}
