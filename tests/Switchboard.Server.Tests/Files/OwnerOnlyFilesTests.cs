using System.Net.Http.Json;
using System.Runtime.Versioning;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Files;

/// <summary>
/// The files a real server process keeps in its working folder, with every path at its default:
/// the SQLite database and its WAL and shared-memory files, the generated signing key, the Data
/// Protection keys and the outbox are readable by their owner only, whatever the umask gave.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFilesTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_server_creates_its_database_keys_and_outbox_for_its_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", "modes-" + Guid.NewGuid().ToString("N"));
        await using (var server = new ServerProcess("all", folder, ServerProcess.FreePort(), ["--Demo:Enabled=true"], new Dictionary<string, string>()))
        {
            await server.StartAsync();

            // A token is issued, so the signing key has been generated and kept.
            using var login = await server.Http.PostAsJsonAsync("/api/auth/login", new { login = Demo.AgentA, password = Demo.PasswordOf(Demo.AgentA) });
            login.EnsureSuccessStatusCode();

            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "switchboard.db")));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "switchboard.db-wal")));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "switchboard.db-shm")));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "switchboard.signing-key")));
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(folder, "switchboard-keys")));
            var keys = Directory.GetFiles(Path.Combine(folder, "switchboard-keys"));
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Equal(OwnerFile, File.GetUnixFileMode(key)));
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(folder, "outbox")));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "outbox", "outbox.lock")));
        }

        Directory.Delete(folder, recursive: true);
    }
}
