namespace Switchboard.Messaging.Ports;

/// <summary>
/// The lines of web-phone users (the CRM's <c>GET /api/lines/web-phone</c>, or the in-process CRM): their
/// browsers save their calls, so the Messaging Service leaves them alone. A failure is passing: it is asked again.
/// </summary>
public interface IWebPhoneLineReader
{
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
