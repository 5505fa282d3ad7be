using Switchboard.Contracts;
using Domain = Switchboard.Telephony;

namespace Switchboard.Messaging.Mapping;

/// <summary>Turns an open row of the log back into the call as the tracker would have it, to end it the tracker's way.</summary>
public static class OpenCallMapper
{
    public static Domain.Calls.Call ToCall(OpenCall open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var call = open.Call;
        return new Domain.Calls.Call
        {
            Id = Guid.CreateVersion7(),
            Key = new Domain.Calls.CallKey(open.PbxCallId, open.Line),
            ConversationId = call.ConversationId,
            Direction = ContractMapper.ByName<Domain.Calls.CallDirection>(call.Direction),
            CallerNumber = call.CallerNumber,
            CallerName = call.CallerName,
            CalleeNumber = call.CalleeNumber,
            RedirectedFrom = call.RedirectedFrom,
            RedirectedTo = call.RedirectedTo,
            State = ContractMapper.ByName<Domain.Calls.CallState>(call.State),
            StartedAt = call.StartedAt,
            AnsweredAt = call.AnsweredAt,
            CompletedHoldTime = TimeSpan.FromSeconds(call.HoldSeconds),
            ParentPbxCallId = call.ParentPbxCallId,
            RecordingFile = call.RecordingFile,

            // The contact, account and comment stay as the row has them: a save without them keeps them.
        };
    }
}
