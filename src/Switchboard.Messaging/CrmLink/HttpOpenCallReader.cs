using System.Net.Http.Json;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>Reads the log's open calls through the CRM's <c>GET /api/calls/open</c>, as the service account.</summary>
public sealed class HttpOpenCallReader(CrmServiceAccount account) : IOpenCallReader
{
    public async Task<IReadOnlyList<OpenCall>> ListOpenAsync(CancellationToken cancellationToken)
    {
        using var response = await account.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/calls/open"), cancellationToken);
        await CrmApi.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<OpenCall>>(CrmApi.Json, cancellationToken)
            ?? throw new HttpRequestException("The CRM answered /api/calls/open with an empty body.");
    }
}
