using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// Call recordings by MixMonitor. MixMonitorStart / MixMonitorStop name only the recorded channel; the file is told
// once, by a VarSet of MIXMONITOR_FILENAME on that channel (app_mixmonitor.c sets it as it starts, with the path it
// resolved), just before MixMonitorStart (fixture asterisk22-features/15-call-recording). A recorded channel
// records every line call that runs on it or faces it: the agent's own channel, or the caller's channel that the
// dialplan recorded before it rang the line.
public sealed partial class AmiCallMapper
{
    internal const string RecordingVariable = "MIXMONITOR_FILENAME";

    private Outcome OnRecordingFile(AmiMessage message)
    {
        if (Channel(message) is not { } channel || message["Value"] is not { Length: > 0 } file)
        {
            return Outcome.Skipped;
        }

        channel.Recorded = true;
        channel.RecordingFile = file;
        TellRecording(channel);
        return Outcome.Used;
    }

    private Outcome OnMixMonitor(AmiMessage message, bool recording)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        if (channel.Recorded == recording)
        {
            return Outcome.Used;
        }

        channel.Recorded = recording;
        TellRecording(channel);
        return Outcome.Used;
    }

    private void TellRecording(AmiChannel channel)
    {
        foreach (var call in _calls.On(channel.Uniqueid).Concat(_calls.Facing(channel.Uniqueid)).Distinct())
        {
            if (!call.Ended)
            {
                _facts.Add(new CallRecordingChanged(call.Key, channel.Recorded, channel.RecordingFile));
            }
        }
    }

    /// <summary>A call that begins on, or facing, a channel already recorded is recorded from its start.</summary>
    private void TellRecordingAtStart(LineCall call)
    {
        foreach (var uniqueid in new[] { call.LineUid, call.FarUid })
        {
            if (uniqueid is not null && _channels.Get(uniqueid) is { Recorded: true } channel)
            {
                _facts.Add(new CallRecordingChanged(call.Key, true, channel.RecordingFile));
                return;
            }
        }
    }
}
