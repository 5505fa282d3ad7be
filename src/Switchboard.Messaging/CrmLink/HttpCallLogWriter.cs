using System.Net;
using System.Net.Http.Json;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// Saves a call through the CRM's idempotent <c>PUT /api/calls/pbx/{pbxCallId}/{line}</c>. A save the
/// CRM calls malformed (400) is refused for good; anything else that is not a confirmation is a
/// failure to try again later.
/// </summary>
public sealed class HttpCallLogWriter(CrmServiceAccount account) : ICallLogWriter
{
    public async Task<Guid> SaveAsync(string pbxCallId, string line, CallSaveRequest save, CancellationToken cancellationToken)
    {
        var path = $"api/calls/pbx/{Uri.EscapeDataString(pbxCallId)}/{Uri.EscapeDataString(line)}";
        using var response = await account.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(save, options: CrmApi.Json) },
            cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge)
        {
            throw new CallSaveRefusedException(await CrmApi.ReasonAsync(response, cancellationToken));
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            // Not the save's fault: the account lacks the right. Kept and retried until an operator fixes it.
            throw new InvalidOperationException(
                $"The CRM does not let the service account save line {line}; Crm:ServiceLogin must be an administrator. " +
                await CrmApi.ReasonAsync(response, cancellationToken));
        }

        await CrmApi.EnsureSuccessAsync(response, cancellationToken);
        var saved = await response.Content.ReadFromJsonAsync<CallSaveResponse>(CrmApi.Json, cancellationToken)
            ?? throw new HttpRequestException("The CRM confirmed a save with an empty body.");
        return saved.Id;
    }
}
