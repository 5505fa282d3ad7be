using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Connectors;

/// <summary>What a PBX can ever offer: the call operations and the agent features it has.</summary>
public sealed record PbxCapabilities(
    CallOperations CallOperations,
    bool WrapUp,
    bool CallCentreMode,
    bool CallRecording,
    bool Listen)
{
    /// <summary>A supervisor may speak to the agent alone (whisper) or to both parties (barge), beside listening.</summary>
    public bool Whisper { get; init; }
    public bool Barge { get; init; }

    /// <summary>Whether this PBX offers <paramref name="mode"/>.</summary>
    public bool Offers(SupervisionMode mode) => mode switch
    {
        SupervisionMode.Listen => Listen,
        SupervisionMode.Whisper => Listen && Whisper,
        SupervisionMode.Barge => Listen && Barge,
        _ => false,
    };

    /// <summary>
    /// Lines that can do more or less than <see cref="CallOperations"/>, such as the lines whose
    /// phones accept a remote answer request. Lines not named here have <see cref="CallOperations"/>.
    /// </summary>
    public IReadOnlyDictionary<string, CallOperations> LineOperations { get; init; } =
        new Dictionary<string, CallOperations>(StringComparer.Ordinal);

    /// <summary>The call operations <paramref name="line"/> can ever offer.</summary>
    public CallOperations OperationsFor(string line) =>
        LineOperations.TryGetValue(line, out var operations) ? operations : CallOperations;
}
