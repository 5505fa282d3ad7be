using Switchboard.Telephony.Calls;

namespace Switchboard.Connectors.Asterisk;

/// <summary>The calls put on hold from the panel, and the two channels that must be joined again to take them back.</summary>
internal sealed class HoldBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CallKey, HeldParty> _held = [];

    public void Remember(CallKey call, HeldParty party)
    {
        lock (_gate)
        {
            _held[call] = party;
        }
    }

    public HeldParty? Find(CallKey call)
    {
        lock (_gate)
        {
            return _held.GetValueOrDefault(call);
        }
    }

    public void Forget(CallKey call)
    {
        lock (_gate)
        {
            _held.Remove(call);
        }
    }
}

/// <summary>The held party's channel and the agent's channel it goes back to.</summary>
internal sealed record HeldParty(string Far, string Line);
