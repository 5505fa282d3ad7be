using System.Net.Http.Json;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>Reads the lines of web-phone users through the CRM's <c>GET /api/lines/web-phone</c>, as the service account.</summary>
public sealed class HttpWebPhoneLineReader(CrmServiceAccount account) : IWebPhoneLineReader
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await account.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/lines/web-phone"), cancellationToken);
        await CrmApi.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<string>>(CrmApi.Json, cancellationToken)
            ?? throw new HttpRequestException("The CRM answered /api/lines/web-phone with an empty body.");
    }
}
