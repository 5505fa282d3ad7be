using Switchboard.Contracts;
using Domain = Switchboard.Telephony;

namespace Switchboard.Messaging.Mapping;

/// <summary>Turns domain values into the client contract's payloads.</summary>
public static class ContractMapper
{
    public static CallDto ToDto(Domain.Calls.Call call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CallDto
        {
            Id = call.Id,
            PbxCallId = call.PbxCallId,
            ConversationId = call.ConversationId,
            Line = call.Line,
            Direction = ByName<CallDirection>(call.Direction),
            CallerNumber = call.CallerNumber,
            CallerName = call.CallerName,
            CalleeNumber = call.CalleeNumber,
            RedirectedFrom = call.RedirectedFrom,
            RedirectedTo = call.RedirectedTo,
            State = ByName<CallState>(call.State),
            StartedAt = call.StartedAt,
            AnsweredAt = call.AnsweredAt,
            EndedAt = call.EndedAt,
            TimeBeforeConnectionSeconds = Seconds(call.TimeBeforeConnectionAt(now)),
            DurationSeconds = Seconds(call.DurationAt(now)),
            TalkSeconds = Seconds(call.TalkTimeAt(now)),
            HoldSeconds = Seconds(call.HoldTimeAt(call.EndedAt ?? now)),
            EndReason = call.EndReason is { } reason ? ByName<CallEndReason>(reason) : null,
            ParentCallId = call.ParentCallId,
            ParentPbxCallId = call.ParentPbxCallId,
            Contact = call.CallerMatch.Chosen is { } chosen ? ToDto(chosen) : null,
            Candidates = [.. call.CallerMatch.Candidates.Select(ToDto)],
            Comment = call.Comment,
            Muted = call.Muted,
            IsListening = call.IsListening,
            Recording = call.Recording,
            HasRecording = call.RecordingFile is not null,
            ListenMode = call.IsListening ? ByName<SupervisionMode>(call.SupervisionMode) : null,
            Supervision = call.Supervision is { } supervision
                ? new SupervisionDto(ByName<SupervisionMode>(supervision.Mode), supervision.SupervisorLine)
                : null,
            Conference = call.Conference is { } conference
                ? new ConferenceDto(conference.Id, conference.Name, [.. conference.Members.Select(m => new ConferenceMemberDto(m.Number, m.Name, m.Line))])
                : null,
            Operations = ToDto(call.Operations),
        };
    }

    public static ContactCandidateDto ToDto(Domain.Calls.ContactCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new(candidate.ContactId, candidate.ContactName, candidate.AccountId, candidate.AccountName, candidate.MatchedBy)
        {
            UserId = candidate.UserId,
            UserName = candidate.UserName,
        };
    }

    public static LineOperations ToDto(Domain.Calls.CallOperations operations) => new()
    {
        Dial = operations.HasFlag(Domain.Calls.CallOperations.Dial),
        Answer = operations.HasFlag(Domain.Calls.CallOperations.Answer),
        Drop = operations.HasFlag(Domain.Calls.CallOperations.Drop),
        Hold = operations.HasFlag(Domain.Calls.CallOperations.Hold),
        Unhold = operations.HasFlag(Domain.Calls.CallOperations.Unhold),
        SetupTransfer = operations.HasFlag(Domain.Calls.CallOperations.SetupTransfer),
        CompleteTransfer = operations.HasFlag(Domain.Calls.CallOperations.CompleteTransfer),
        CancelTransfer = operations.HasFlag(Domain.Calls.CallOperations.CancelTransfer),
        BlindTransfer = operations.HasFlag(Domain.Calls.CallOperations.BlindTransfer),
        MakeConsultCall = operations.HasFlag(Domain.Calls.CallOperations.MakeConsultCall),
        Dtmf = operations.HasFlag(Domain.Calls.CallOperations.Dtmf),
        Mute = operations.HasFlag(Domain.Calls.CallOperations.Mute),
        Video = operations.HasFlag(Domain.Calls.CallOperations.Video),
        Conference = operations.HasFlag(Domain.Calls.CallOperations.Conference),
    };

    public static AgentStatusDto ToDto(Domain.Agents.AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(ByName<AgentState>(status.State), status.Reason);
    }

    public static PbxCapabilitiesDto ToDto(Domain.Connectors.PbxCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return new(
            ToDto(capabilities.CallOperations),
            capabilities.WrapUp,
            capabilities.CallCentreMode,
            capabilities.CallRecording,
            capabilities.Listen)
        {
            Whisper = capabilities.Listen && capabilities.Whisper,
            Barge = capabilities.Listen && capabilities.Barge,
        };
    }

    public static Domain.Agents.AgentState ToDomain(AgentState state) => ByName<Domain.Agents.AgentState>(state);

    /// <summary>The contract's enumerations mirror the domain's member for member; a unit test holds them together.</summary>
    internal static TTarget ByName<TTarget>(Enum value)
        where TTarget : struct, Enum => Enum.Parse<TTarget>(value.ToString());

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}
