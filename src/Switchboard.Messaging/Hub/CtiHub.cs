using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Routing;
using Switchboard.Messaging.Sessions;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Hub;

/// <summary>
/// The hub at /hubs/cti. A connection belongs to one signed-in user and joins the groups of
/// that user's lines; every command is checked against the user's lines and the tracker's state
/// before the PBX hears of it.
/// </summary>
[Authorize]
public sealed partial class CtiHub(
    CallTracker tracker,
    IPbxConnector connector,
    IUserDirectory users,
    ConnectedUsers connectedUsers,
    LiveConnections liveConnections,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<CtiHub> logger) : Microsoft.AspNetCore.SignalR.Hub
{
    private const string UserKey = "switchboard.user";

    public override async Task OnConnectedAsync()
    {
        // The scheme asked the CRM's judge when the connection authenticated; the session watch
        // asks again for as long as the connection lives.
        if (users.FindSignedIn(Context.User) is not { } signedIn)
        {
            LogUnknownUser(Context.ConnectionId);
            Context.Abort();
            return;
        }

        var user = signedIn.User;
        var live = new LiveConnection(Context, signedIn);
        Context.Items[UserKey] = live;
        var wantsRaw = Context.GetHttpContext()?.Request.Query[CtiCommands.RawMessagesQueryKey] is { Count: > 0 } raw
            && raw.ToString() is "1" or "true";
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(user.Id), Context.ConnectionAborted);
        foreach (var line in user.Lines)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Line(line), Context.ConnectionAborted);
            if (wantsRaw)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.RawMessages(line), Context.ConnectionAborted);
            }
        }

        // Registered once its groups are joined: a connection aborted before then never reaches
        // OnDisconnectedAsync, and would stay registered for ever.
        connectedUsers.Add(user);
        liveConnections.Add(live);
        await Clients.Caller.SendAsync(CtiEvents.Initialized, Initialized(user), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(CtiEvents.ActiveCallSnapshot, Snapshot(user), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(UserKey, out var value) && value is LiveConnection live)
        {
            liveConnections.Remove(Context.ConnectionId);
            connectedUsers.Remove(live.User.Id);
        }

        return base.OnDisconnectedAsync(exception);
    }

    [HubMethodName(CtiCommands.GetActiveCalls)]
    public ActiveCallSnapshotEvent GetActiveCalls() => Snapshot(CurrentUser);

    // A connection whose session ended is refused everything in the moment before it closes.
    private MessagingUser CurrentUser =>
        Context.Items.TryGetValue(UserKey, out var value) && value is LiveConnection live
            ? live.Ended ? throw new HubException("Your session has ended or changed; the connection is closing.") : live.User
            : throw new HubException("The connection is not signed in.");

    private InitializedEvent Initialized(MessagingUser user) => new(
        new CtiUser(user.Id, user.Login, user.DisplayName, user.Role),
        user.Lines.Count > 0 ? user.Lines[0] : null,
        SnapshotBuilder.Lines(tracker, user.Lines),
        ContractMapper.ToDto(tracker.Capabilities),
        options.Value.AwayReasons,
        tracker.IsPbxLinkUp);

    private ActiveCallSnapshotEvent Snapshot(MessagingUser user) =>
        SnapshotBuilder.Build(tracker, user.Lines, time.GetUtcNow());

    [LoggerMessage(1, LogLevel.Warning, "Connection {ConnectionId} has a token for no known user; closed")]
    private partial void LogUnknownUser(string connectionId);
}
