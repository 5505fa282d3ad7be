using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// Recording a line's side of a call on request, as Asterisk's MixMonitor does: the file is named when recording
// starts and written into SimulatorOptions.RecordingsFolder when it stops or the call ends.
public sealed partial class SimulatedPbx
{
    private long _lastRecording;

    public Task SetRecordingAsync(CallKey call, bool recording, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var end = FindTalkingEnd(call, recording ? "recorded" : "stop being recorded");
            if (recording)
            {
                StartRecording(end);
            }
            else
            {
                if (end.RecordingSince is null)
                {
                    throw new PbxCommandException($"{Describe(end)} is not being recorded.");
                }

                FinishRecording(end);
                Emit(new CallRecordingChanged(end.Key, false, null));
            }
        }, cancellationToken);

    private void StartRecording(LineEnd end)
    {
        if (end.RecordingSince is not null)
        {
            throw new PbxCommandException($"{Describe(end)} is being recorded already.");
        }

        if (_options.RecordingsFolder is not { Length: > 0 })
        {
            throw new PbxCommandException("The simulator has no folder to record into (Recordings:Folder).");
        }

        end.RecordingFile = $"sim-{end.Key.Line}-{_time.GetUtcNow():yyyyMMdd-HHmmss}-{++_lastRecording}.wav";
        end.RecordingSince = _time.GetUtcNow();
        Emit(new CallRecordingChanged(end.Key, true, end.RecordingFile));
    }

    /// <summary>Writes the recording of an end that is being recorded; called when it stops and when the call ends.</summary>
    private void FinishRecording(LineEnd end)
    {
        if (end.RecordingSince is not { } since || end.RecordingFile is not { } name || _options.RecordingsFolder is not { Length: > 0 } folder)
        {
            return;
        }

        end.RecordingSince = null;
        try
        {
            Directory.CreateDirectory(folder);
            WaveFile.Write(Path.Combine(folder, name), _time.GetUtcNow() - since);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PbxCommandException($"The simulator could not write the recording {name}: {e.Message}");
        }
    }

    /// <summary>A call that ends while recorded keeps what was recorded; a file that cannot be written does not stop the hangup.</summary>
    private void WriteRecordingQuietly(LineEnd end)
    {
        try
        {
            FinishRecording(end);
        }
        catch (PbxCommandException)
        {
            // The call ends all the same; its row links a file that the player will say is missing.
        }
    }
}
