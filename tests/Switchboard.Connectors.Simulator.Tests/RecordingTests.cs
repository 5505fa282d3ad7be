using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class RecordingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "switchboard-sim-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_recording_names_its_file_at_the_start_and_writes_a_wave_of_the_recorded_time_at_the_stop()
    {
        await using var sim = await StartAsync(o => o.RecordingsFolder = _folder);
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.SetRecordingAsync(Key(id, "101"), true, CancellationToken.None);
        var started = await sim.NextAsync<CallRecordingChanged>();
        sim.Time.Advance(TimeSpan.FromSeconds(3));
        await sim.Pbx.SetRecordingAsync(Key(id, "101"), false, CancellationToken.None);

        Assert.True(started.Recording);
        Assert.Matches(@"^sim-101-\d{8}-\d{6}-\d+\.wav$", started.File);
        await sim.ExpectAsync(new CallRecordingChanged(Key(id, "101"), false, null));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, started.File!));
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(44 + (3 * 8000 * 2), bytes.Length);
    }

    [Fact]
    public async Task A_call_that_ends_while_recorded_writes_its_recording()
    {
        await using var sim = await StartAsync(o => o.RecordingsFolder = _folder);
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.SetRecordingAsync(Key(id, "101"), true, CancellationToken.None);
        var started = await sim.NextAsync<CallRecordingChanged>();
        sim.Time.Advance(TimeSpan.FromSeconds(2));

        await sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None);

        Assert.Equal(44 + (2 * 8000 * 2), new FileInfo(Path.Combine(_folder, started.File!)).Length);
    }

    [Fact]
    public async Task Recording_is_refused_twice_on_a_ringing_call_and_without_a_folder()
    {
        await using var sim = await StartAsync(o => o.RecordingsFolder = _folder);
        var id = await sim.ConnectedInboundAsync("101");
        var ringing = sim.CallIn(Caller, "102");
        await sim.Pbx.SetRecordingAsync(Key(id, "101"), true, CancellationToken.None);

        await Refused.ByPbx(() => sim.Pbx.SetRecordingAsync(Key(id, "101"), true, CancellationToken.None), "is being recorded already");
        await Refused.ByPbx(() => sim.Pbx.SetRecordingAsync(Key(ringing, "102"), true, CancellationToken.None), "is not answered yet");
        await using var noFolder = await StartAsync(o => o.RecordingsFolder = "");
        var other = await noFolder.ConnectedInboundAsync("101");
        await Refused.ByPbx(() => noFolder.Pbx.SetRecordingAsync(Key(other, "101"), true, CancellationToken.None), "no folder to record into");
    }
}
