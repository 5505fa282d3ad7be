namespace Switchboard.Contracts;

/// <summary>Server-to-client message names. Fixed by design.md; clients subscribe by these names.</summary>
public static class CtiEvents
{
    public const string Initialized = "initialized";
    public const string Disconnected = "disconnected";
    public const string CallStarted = "callStarted";
    public const string CallFinished = "callFinished";
    public const string CommutationStarted = "commutationStarted";
    public const string CallBusy = "callBusy";
    public const string Hold = "hold";
    public const string Unhold = "unhold";
    public const string Error = "error";
    public const string LineStateChanged = "lineStateChanged";
    public const string AgentStateChanged = "agentStateChanged";
    public const string ActiveCallSnapshot = "activeCallSnapshot";
    public const string CallSaved = "callSaved";
    public const string RawMessage = "rawMessage";
    public const string CurrentCallChanged = "currentCallChanged";
    public const string CallCentreStateChanged = "callCentreStateChanged";
    public const string CallInfoChanged = "callInfoChanged";
    public const string DtmfEntered = "dtmfEntered";

    // Raised in the browser by the first-party web phone, never by the server.
    public const string WebRtcStarted = "webRtcStarted";
    public const string WebRtcVideoStarted = "webRtcVideoStarted";
    public const string WebRtcDestroyed = "webRtcDestroyed";
}
