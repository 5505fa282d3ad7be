namespace Switchboard.Contracts;

/// <summary>The operations allowed now, as named flags; the panel enables a button only when its flag is set.</summary>
public sealed record LineOperations
{
    public bool Dial { get; init; }
    public bool Answer { get; init; }
    public bool Drop { get; init; }
    public bool Hold { get; init; }
    public bool Unhold { get; init; }
    public bool SetupTransfer { get; init; }
    public bool CompleteTransfer { get; init; }
    public bool CancelTransfer { get; init; }
    public bool BlindTransfer { get; init; }
    public bool MakeConsultCall { get; init; }
    public bool Dtmf { get; init; }
    public bool Mute { get; init; }
    public bool Video { get; init; }

    /// <summary>Merge the consultation and the held call into a conference of the three parties (added; not in design.md's list).</summary>
    public bool Conference { get; init; }
}
