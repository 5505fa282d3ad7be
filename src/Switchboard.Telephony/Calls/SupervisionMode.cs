namespace Switchboard.Telephony.Calls;

/// <summary>How a supervisor joins an agent's call: hears it, speaks to the agent alone, or speaks to both parties.</summary>
public enum SupervisionMode
{
    Listen,
    Whisper,
    Barge,
}

/// <summary>A supervisor in an agent's call, as the agent sees it: how, and from which line.</summary>
public sealed record CallSupervision(SupervisionMode Mode, string SupervisorLine);
