using System.Runtime.Versioning;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.Tests.Outbox;

/// <summary>The outbox holds call data: its folders and files are created for their owner only.</summary>
[UnsupportedOSPlatform("windows")]
public class OutboxFileModeTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task Waiting_and_rejected_saves_and_their_folders_are_readable_by_their_owner_only()
    {
        await using var harness = new OutboxHarness();
        harness.Crm.Behaviour = id => id == "sim-bad" ? new CallSaveRefusedException("durationSeconds: Whole seconds, not negative.") : FakeCrm.Down();
        var outbox = await harness.StartAsync();

        outbox.Enqueue(Guid.NewGuid(), "sim-waits", "101", OutboxHarness.Save(CallState.Finished));
        outbox.Enqueue(Guid.NewGuid(), "sim-bad", "101", OutboxHarness.Save(CallState.Finished));
        await OutboxHarness.UntilAsync(() => harness.FilesIn().Length > 0 && harness.FilesIn("rejected").Length == 1);

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(harness.Folder));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(harness.Folder, "outbox.lock")));
        Assert.All(harness.FilesIn(), file => Assert.Equal(OwnerFile, File.GetUnixFileMode(file)));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(harness.Folder, "rejected")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Assert.Single(harness.FilesIn("rejected"))));
    }
}
