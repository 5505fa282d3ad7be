using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Hub;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Routing;

namespace Switchboard.Messaging.Sessions;

/// <summary>
/// Judges every open hub connection again, so that a session is judged for as long as it lives,
/// not only when it opens: every <see cref="MessagingOptions.SessionCheckInterval"/>, and at once
/// when this process hears of a change (<see cref="Nudge"/>). A connection whose session has ended
/// (logout, user removed or disabled, password, login or role changed) is told so and closed; one
/// whose user's lines or team changed is closed too, and the client's reconnection opens it again
/// with the lines as they are now. A connection whose token expires is closed by SignalR itself.
/// </summary>
public sealed partial class SessionWatch(
    LiveConnections connections,
    ISessionJudge judge,
    IHubContext<CtiHub> hub,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<SessionWatch> logger) : BackgroundService
{
    // Time for the error event to leave before the socket is cut under it. Generous: the connection
    // is already out of its groups and refused every command, and 200 ms was seen to run out on a
    // busy two-core machine, in a process that had just started.
    private static readonly TimeSpan FarewellTime = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Asks for a judgement now: a session ended or a user changed somewhere this process can hear of.</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(options.Value.SessionCheckInterval);
                try
                {
                    await _nudges.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval has passed without a nudge: the regular round.
                }
            }

            await CheckAsync(stoppingToken);
        }
    }

    /// <summary>One round: every open connection judged, and those no longer good closed.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var open = connections.All().Where(c => !c.Ended).ToList();
        if (open.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<Guid, MessagingUser> good;
        try
        {
            good = await judge.JudgeAsync([.. open.Select(c => c.SignedIn.Session).Distinct()], cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // The CRM could not be asked (down, or its database): closing everyone would turn its
            // outage into the agents' too. The connections stay as they were until the next round.
            LogJudgeFailed(open.Count, error.Message);
            return;
        }

        var closing = new List<Task>();
        foreach (var connection in open)
        {
            if (!good.TryGetValue(connection.SignedIn.Session.SessionId, out var now))
            {
                closing.Add(CloseAsync(connection, "session_ended", "Your session has ended; sign in again."));
            }
            else if (!now.SameRightsAs(connection.User))
            {
                closing.Add(CloseAsync(connection, "session_changed", "Your lines or rights have changed; the connection opens again with them."));
            }
        }

        await Task.WhenAll(closing);
    }

    private async Task CloseAsync(LiveConnection connection, string code, string message)
    {
        connection.End();
        var id = connection.Context.ConnectionId;
        LogClosing(id, connection.User.Login, code);
        try
        {
            // Out of its groups first, so that not one more event of its lines reaches it.
            await hub.Groups.RemoveFromGroupAsync(id, HubGroups.User(connection.User.Id));
            foreach (var line in connection.User.Lines)
            {
                await hub.Groups.RemoveFromGroupAsync(id, HubGroups.Line(line));
                await hub.Groups.RemoveFromGroupAsync(id, HubGroups.RawMessages(line));
            }

            await hub.Clients.Client(id).SendAsync(CtiEvents.Error, new ErrorEvent(code, message, null, null));
            await Task.Delay(FarewellTime, time);
        }
        finally
        {
            connection.Context.Abort();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Hub connection {ConnectionId} of {Login} closed: {Reason}")]
    private partial void LogClosing(string connectionId, string login, string reason);

    [LoggerMessage(2, LogLevel.Warning, "The sessions of {Count} hub connections could not be judged; they stay open until the next round: {Reason}")]
    private partial void LogJudgeFailed(int count, string reason);
}
