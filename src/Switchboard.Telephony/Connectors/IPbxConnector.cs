using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Connectors;

/// <summary>
/// The one connection to a PBX. It reports what happens as a stream of <see cref="PbxFact"/>s
/// and carries out commands. It decides no call state: the call tracker does that from the facts.
/// A command that the PBX refuses throws <see cref="PbxCommandException"/>.
/// </summary>
public interface IPbxConnector : IAsyncDisposable
{
    string Name { get; }

    PbxCapabilities Capabilities { get; }

    /// <summary>Opens the link. Facts flow from then on, beginning with the link state.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>The facts, in PBX order. There is one reader: the call tracker's pump.</summary>
    IAsyncEnumerable<PbxFact> ReadFactsAsync(CancellationToken cancellationToken);

    /// <summary>Places a call from <paramref name="line"/> to <paramref name="number"/> (click-to-call).</summary>
    Task MakeCallAsync(string line, string number, CancellationToken cancellationToken);

    Task AnswerAsync(CallKey call, CancellationToken cancellationToken);

    Task DropAsync(CallKey call, CancellationToken cancellationToken);

    Task HoldAsync(CallKey call, CancellationToken cancellationToken);

    Task UnholdAsync(CallKey call, CancellationToken cancellationToken);

    Task BlindTransferAsync(CallKey call, string target, CancellationToken cancellationToken);

    /// <summary>Holds <paramref name="call"/> and calls <paramref name="target"/> from the same line.</summary>
    Task MakeConsultCallAsync(CallKey call, string target, CancellationToken cancellationToken);

    /// <summary>Joins the held call's other party with the consulted party; this line leaves both.</summary>
    Task CompleteTransferAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken);

    /// <summary>Ends the consultation and takes the held call back.</summary>
    Task CancelTransferAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken);

    /// <summary>
    /// Merges the consultation and the held call it was made from into one conference: the held party, the
    /// consulted party and the line talk together. Only where <see cref="PbxCapabilities.CallOperations"/> has
    /// <see cref="CallOperations.Conference"/>.
    /// </summary>
    Task ConferenceAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken);

    Task SendDtmfAsync(CallKey call, string digits, CancellationToken cancellationToken);

    Task SetMuteAsync(CallKey call, bool muted, CancellationToken cancellationToken);

    Task SetAgentStatusAsync(string line, AgentStatus status, CancellationToken cancellationToken);

    Task SetCallCentreModeAsync(string line, bool enabled, CancellationToken cancellationToken);

    /// <summary>
    /// Lets the supervisor on <paramref name="supervisorLine"/> into the conversation of <paramref name="call"/>:
    /// listening, whispering to the agent, or barging in (as <see cref="PbxCapabilities.Offers"/> allows).
    /// </summary>
    Task ListenAsync(string supervisorLine, CallKey call, SupervisionMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Starts or stops recording the line's side of <paramref name="call"/>. The PBX tells the outcome as a
    /// <see cref="CallRecordingChanged"/>. A PBX without <see cref="PbxCapabilities.CallRecording"/> refuses.
    /// </summary>
    Task SetRecordingAsync(CallKey call, bool recording, CancellationToken cancellationToken) =>
        throw new PbxCommandException("This PBX does not record calls on request.");

    /// <summary>The calls active on the PBX now, as facts that would start them.</summary>
    Task<IReadOnlyList<CallAppeared>> GetActiveCallsAsync(CancellationToken cancellationToken);
}
