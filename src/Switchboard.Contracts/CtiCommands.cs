namespace Switchboard.Contracts;

/// <summary>Client-to-server command names (hub methods). Fixed by design.md.</summary>
public static class CtiCommands
{
    public const string MakeCall = "makeCall";
    public const string AnswerCall = "answerCall";
    public const string DropCall = "dropCall";
    public const string HoldCall = "holdCall";
    public const string UnholdCall = "unholdCall";
    public const string BlindTransferCall = "blindTransferCall";
    public const string MakeConsultCall = "makeConsultCall";
    public const string TransferCall = "transferCall";
    public const string CancelTransfer = "cancelTransfer";
    public const string SendDtmf = "sendDtmf";
    public const string MuteCall = "muteCall";
    public const string UnmuteCall = "unmuteCall";
    public const string SetAgentState = "setAgentState";
    public const string SetCallCentreMode = "setCallCentreMode";
    public const string ListenCall = "listenCall";
    public const string GetActiveCalls = "getActiveCalls";

    /// <summary>The hub's path.</summary>
    public const string HubPath = "/hubs/cti";

    /// <summary>Query string flag a client sets to receive <see cref="CtiEvents.RawMessage"/>.</summary>
    public const string RawMessagesQueryKey = "rawMessages";
}
