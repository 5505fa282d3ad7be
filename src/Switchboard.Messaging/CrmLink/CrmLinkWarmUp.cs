using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// Signs the service account in as the Messaging Service starts, so the first call's lookup does not
/// wait for it, and says at once when the CRM cannot be reached or refuses the account.
/// </summary>
public sealed partial class CrmLinkWarmUp(CrmServiceAccount account, IOptions<CrmLinkOptions> options, ILogger<CrmLinkWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await account.TokenAsync(stoppingToken);
            LogSignedIn(options.Value.Url!, options.Value.ServiceLogin!);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // Not fatal: calls go on without lookups, saves wait in the outbox, and every use signs in again.
            LogNotYet(options.Value.Url!, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Signed in to the CRM at {Url} as {Login}")]
    private partial void LogSignedIn(Uri url, string login);

    [LoggerMessage(2, LogLevel.Warning, "The CRM at {Url} cannot be signed in to yet ({Reason}); calls go on, saves wait in the outbox")]
    private partial void LogNotYet(Uri url, string reason);
}
