using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>
/// One call as one line sees it, from the mapper's side: its key (fixed when it starts), the channels it runs on
/// now, and what was already reported, so that each fact is said once. No client-visible decision lives here.
/// </summary>
internal sealed class LineCall(CallKey key, string conversationId)
{
    public CallKey Key { get; } = key;
    public string Line => Key.Line;
    public string ConversationId { get; } = conversationId;

    public CallDirection Direction { get; set; }
    public string CallerNumber { get; set; } = "";
    public string? CallerName { get; set; }
    public string CalleeNumber { get; set; } = "";

    /// <summary>This line is the calling side.</summary>
    public bool PlacedByLine { get; init; }

    public bool IsListening { get; init; }
    public SupervisionMode SupervisionMode { get; init; }
    public CallKey? SupervisedCall { get; init; }
    public string? ParentPbxCallId { get; init; }
    public string? RedirectedFrom { get; set; }

    /// <summary>The line's channel that carries the call now; null while the line has no channel for it (parked).</summary>
    public string? LineUid { get; set; }

    /// <summary>The channel that stands for the call on the line's side: the line's channel, or the Local channel of an attended transfer.</summary>
    public string OriginUid { get; set; } = "";

    /// <summary>The origin is the line's own channel, and moves with it.</summary>
    public bool OriginIsLine => !IsConsultationLeg;

    /// <summary>The call runs through the Local channel of an attended transfer: that channel is its origin.</summary>
    public bool IsConsultationLeg { get; init; }

    /// <summary>The real party at the other end, when known.</summary>
    public string? FarUid { get; set; }

    /// <summary>When the far party went (its hangup request, or its hangup), as an event sequence.</summary>
    public long? FarGoneSeq { get; set; }

    public bool Answered { get; set; }
    public bool Held { get; set; }
    public bool Ended { get; set; }

    /// <summary>Answer as soon as the line's channel is up: a call to a dialplan application, not to a party.</summary>
    public bool AnswersWhenUp { get; init; }

    /// <summary>How the far end refused a call this line placed (from DialEnd).</summary>
    public HangupCause? DialOutcome { get; set; }

    public string? ParkingSpace { get; set; }

    /// <summary>Taken back by a new channel of the line that still rings: off hold once it is up.</summary>
    public bool ResumesWhenUp { get; set; }

    /// <summary>Creation order, so that resync lists calls as they began and "newest" means something.</summary>
    public long Order { get; init; }

    /// <summary>The far end refused a call this line placed with busy: CallRemoteBusy was said.</summary>
    public bool RemoteBusySaid { get; set; }

    public string RemoteNumber => PlacedByLine ? CalleeNumber : CallerNumber;

    public CallAppeared ToAppeared(bool resync) =>
        new(Key, ConversationId, Direction, CallerNumber, CallerName, CalleeNumber)
        {
            ParentPbxCallId = ParentPbxCallId,
            RedirectedFrom = RedirectedFrom,
            IsListening = IsListening,
            SupervisionMode = SupervisionMode,
            SupervisedCall = SupervisedCall,
            AlreadyAnswered = resync && Answered,
            AlreadyHeld = resync && Answered && Held,
        };
}
