using Switchboard.Crm.Calls;
using Switchboard.Messaging.Mapping;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>Call snapshots as the call tracker would produce them.</summary>
internal static class TestCalls
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static Call Incoming(string pbxCallId, string line, string from, DateTimeOffset startedAt) => new()
    {
        Id = Guid.NewGuid(),
        Key = new CallKey(pbxCallId, line),
        ConversationId = pbxCallId,
        Direction = CallDirection.Incoming,
        CallerNumber = from,
        CalleeNumber = line,
        State = CallState.Alerting,
        StartedAt = startedAt,
    };

    public static Call Outgoing(string pbxCallId, string line, string to, DateTimeOffset startedAt) => new()
    {
        Id = Guid.NewGuid(),
        Key = new CallKey(pbxCallId, line),
        ConversationId = pbxCallId,
        Direction = CallDirection.Outgoing,
        CallerNumber = line,
        CalleeNumber = to,
        State = CallState.Alerting,
        StartedAt = startedAt,
    };

    public static Call Answered(this Call call, DateTimeOffset at) =>
        call with { State = CallState.Connected, AnsweredAt = at };

    public static Call Ended(this Call call, DateTimeOffset at, CallEndReason reason) =>
        call with { State = CallState.Finished, EndedAt = at, EndReason = reason, HeldSince = null };

    /// <summary>Saves the tracker's call as the Messaging Service does, measured at <paramref name="now"/>.</summary>
    public static Task<Guid> SaveAsync(this CallLog log, Call call, DateTimeOffset now, CancellationToken cancellationToken) =>
        log.SaveAsync(call.PbxCallId, call.Line, CallSaveMapper.ToSaveRequest(call, now), cancellationToken);
}
