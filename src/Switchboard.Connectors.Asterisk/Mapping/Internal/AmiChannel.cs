namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>How a line channel that carries no call yet will come to carry one.</summary>
internal enum PendingKind
{
    /// <summary>Not waiting: not a line, dialled by someone (its call exists), or already classified.</summary>
    None,

    /// <summary>The phone called the PBX itself; the dialplan will show what for.</summary>
    Dialled,

    /// <summary>The PBX rang the phone with no caller (AMI Originate): what follows once answered says what for.</summary>
    Originated,
}

/// <summary>What one channel is now, as far as the events told: the protocol-level state the mapper keeps.</summary>
internal sealed class AmiChannel(string uniqueid, string name)
{
    public const int StateRing = 4;
    public const int StateRinging = 5;
    public const int StateUp = 6;

    public string Uniqueid { get; } = uniqueid;
    public string Name { get; set; } = name;
    public string Linkedid { get; set; } = uniqueid;
    public int State { get; set; }
    public string Exten { get; set; } = "";
    public string Context { get; set; } = "";
    public string CallerIdNum { get; set; } = "";
    public string? CallerIdName { get; set; }
    public string ConnectedNum { get; set; } = "";

    /// <summary>The agent's line when this is a line's channel.</summary>
    public string? Line { get; set; }

    public bool IsLocal { get; set; }
    public string? LocalPartner { get; set; }

    public string? BridgeId { get; set; }

    /// <summary>The channel whose Dial created this one.</summary>
    public string? DialedBy { get; set; }

    /// <summary>The channels this one is dialling now.</summary>
    public List<string> Dialing { get; } = [];

    public string? AnsweredDest { get; set; }

    /// <summary>The number that was dialled to reach this (outside) channel.</summary>
    public string? DialedNumber { get; set; }

    /// <summary>The last <c>DialStatus</c> of a Dial that rang this channel.</summary>
    public string? DialStatus { get; set; }

    public int HangupCause { get; set; }

    /// <summary>When this side first asked to hang up (HangupRequest or SoftHangupRequest), as an event sequence.</summary>
    public long? RequestSeq { get; set; }

    public long BridgeEnterSeq { get; set; }

    /// <summary>The last time the channel ran a dialplan step (Newexten): after a bridge, a redirect.</summary>
    public long DialplanSeq { get; set; }

    public bool OnMusicOnHold { get; set; }

    /// <summary>MixMonitor records this channel now.</summary>
    public bool Recorded { get; set; }

    /// <summary>The file MixMonitor last recorded this channel into (its MIXMONITOR_FILENAME).</summary>
    public string? RecordingFile { get; set; }

    public string? ParkingSpace { get; set; }

    /// <summary>For the Local channel of an attended transfer: the transferer's channel.</summary>
    public string? TransferOf { get; set; }

    /// <summary>The line that transferred this channel (blindly or by redirect), told to the line that gets it next.</summary>
    public string? TransferredByLine { get; set; }

    /// <summary>Set on a queue member's channel (AgentCalled): the queue that rings it.</summary>
    public string? Queue { get; set; }

    public bool RingNoAnswer { get; set; }

    public PendingKind Pending { get; set; }

    /// <summary>For a pending line channel reached through an originated Local pair: its first half.</summary>
    public string? PendingVia { get; set; }

    /// <summary>A pending channel runs ChanSpy or ParkedCall: its call appears with the spy or the retrieval.</summary>
    public string? AwaitingApplication { get; set; }

    /// <summary>The options of the ChanSpy this channel runs (<c>PJSIP/101,qw</c> gives <c>qw</c>): they alone tell whisper and barge.</summary>
    public string? SpyOptions { get; set; }

    public bool IsLine => Line is not null;

    public bool IsUp => State == StateUp;

    /// <summary>The dialplan extension, when it names a number rather than the start extension.</summary>
    public string? DialledExten => Exten.Length == 0 || Exten == "s" ? null : Exten;
}

/// <summary>A bridge and the channels in it.</summary>
internal sealed class AmiBridge(string id)
{
    public string Id { get; } = id;
    public string Type { get; set; } = "";
    public string Technology { get; set; } = "";
    public List<AmiChannel> Members { get; } = [];

    /// <summary>An attended transfer made this bridge a three-way call (AttendedTransfer DestType Threeway): a conference.</summary>
    public bool IsThreeWay { get; set; }

    /// <summary>A bridge where two parties talk to each other: not a conference, parking lot or holding bridge.</summary>
    public bool IsTwoParty =>
        Type.Length == 0 || string.Equals(Type, "basic", StringComparison.OrdinalIgnoreCase);
}
