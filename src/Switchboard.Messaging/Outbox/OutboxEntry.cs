using Switchboard.Contracts;
using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Outbox;

/// <summary>
/// One state of one call waiting for the CRM's confirmation, as it is kept on disk. A later entry
/// of the same key (a higher <see cref="Sequence"/>) supersedes an earlier one.
/// </summary>
/// <param name="Sequence">Orders the entries of one outbox folder, across restarts.</param>
/// <param name="CallId">The tracker's id of the call, for <c>callSaved</c>.</param>
public sealed record OutboxEntry(long Sequence, Guid CallId, string PbxCallId, string Line, CallSaveRequest Save)
{
    public CallKey Key => new(PbxCallId, Line);
}

/// <summary>The CRM confirmed a save: its row is <paramref name="RecordId"/>.</summary>
public sealed record SaveConfirmed(Guid CallId, string PbxCallId, string Line, Guid RecordId);
