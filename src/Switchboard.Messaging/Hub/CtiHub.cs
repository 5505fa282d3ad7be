using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Routing;
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
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<CtiHub> logger) : Microsoft.AspNetCore.SignalR.Hub
{
    private const string UserKey = "switchboard.user";

    public override async Task OnConnectedAsync()
    {
        var user = await FindUserAsync();
        if (user is null)
        {
            LogUnknownUser(Context.ConnectionId);
            Context.Abort();
            return;
        }

        Context.Items[UserKey] = user;
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

        connectedUsers.Add(user);
        await Clients.Caller.SendAsync(CtiEvents.Initialized, Initialized(user), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(CtiEvents.ActiveCallSnapshot, Snapshot(user), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(UserKey, out var value) && value is MessagingUser user)
        {
            connectedUsers.Remove(user.Id);
        }

        return base.OnDisconnectedAsync(exception);
    }

    [HubMethodName(CtiCommands.GetActiveCalls)]
    public ActiveCallSnapshotEvent GetActiveCalls() => Snapshot(CurrentUser);

    private MessagingUser CurrentUser =>
        Context.Items.TryGetValue(UserKey, out var value) && value is MessagingUser user
            ? user
            : throw new HubException("The connection is not signed in.");

    private InitializedEvent Initialized(MessagingUser user) => new(
        new CtiUser(user.Id, user.Login, user.DisplayName, user.Role),
        user.Lines.Count > 0 ? user.Lines[0] : null,
        SnapshotBuilder.Lines(tracker, user.Lines),
        ContractMapper.ToDto(connector.Capabilities),
        options.Value.AwayReasons,
        tracker.IsPbxLinkUp);

    private ActiveCallSnapshotEvent Snapshot(MessagingUser user) =>
        SnapshotBuilder.Build(tracker, user.Lines, time.GetUtcNow());

    private Task<MessagingUser?> FindUserAsync() => users.FindSignedInAsync(Context.User, Context.ConnectionAborted);

    [LoggerMessage(1, LogLevel.Warning, "Connection {ConnectionId} has a token for no known user; closed")]
    private partial void LogUnknownUser(string connectionId);
}
