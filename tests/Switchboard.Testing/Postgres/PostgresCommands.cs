using System.Diagnostics;

namespace Switchboard.Testing.Postgres;

/// <summary>
/// Runs PostgreSQL's server programs (initdb, pg_ctl) of the installed version. initdb and postgres
/// refuse to run as root, so as root they run as the <c>postgres</c> user that Debian's package creates.
/// </summary>
public sealed class PostgresCommands
{
    public const string ServerUser = "postgres";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly string _binFolder;
    private readonly bool _asServerUser;

    private PostgresCommands(string binFolder, bool asServerUser)
    {
        _binFolder = binFolder;
        _asServerUser = asServerUser;
    }

    public static PostgresCommands Find()
    {
        var binFolder = BinFolder() ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed: not under /usr/lib/postgresql/<version>/bin "
            + "nor on PATH. scripts/install-prerequisites.sh installs them (as root: apt-get install postgresql).");
        return new PostgresCommands(binFolder, Environment.IsPrivilegedProcess);
    }

    /// <summary>Makes <paramref name="folder"/> and what is in it the server user's, when the programs run as that user.</summary>
    public async Task GiveAsync(string folder)
    {
        if (_asServerUser)
        {
            await RunProcessAsync(Start("chown", ["-R", $"{ServerUser}:", folder], folder), "chown");
        }
    }

    /// <summary>Runs one of the server programs with <paramref name="folder"/> as its working folder; returns what it printed.</summary>
    public Task<string> RunAsync(string folder, string program, params string[] arguments)
    {
        var path = Path.Combine(_binFolder, program);
        if (!_asServerUser)
        {
            return RunProcessAsync(Start(path, arguments, folder), program);
        }

        // runuser (util-linux) where there is one; su everywhere else.
        var info = OnPath("runuser")
            ? Start("runuser", ["-u", ServerUser, "--", path, .. arguments], folder)
            : Start("su", ["-s", "/bin/sh", "-c", string.Join(' ', new[] { path }.Concat(arguments).Select(Quote)), ServerUser], folder);
        return RunProcessAsync(info, program);
    }

    private static string? BinFolder()
    {
        // Debian keeps them off PATH, in one folder per major version: the newest wins.
        const string Debian = "/usr/lib/postgresql";
        var versions = Directory.Exists(Debian) ? Directory.GetDirectories(Debian) : [];
        var installed = versions
            .Where(v => int.TryParse(Path.GetFileName(v), out _) && File.Exists(Path.Combine(v, "bin", "initdb")))
            .OrderByDescending(v => int.Parse(Path.GetFileName(v), System.Globalization.CultureInfo.InvariantCulture))
            .Select(v => Path.Combine(v, "bin"))
            .FirstOrDefault();
        return installed ?? PathFolders().FirstOrDefault(f => File.Exists(Path.Combine(f, "initdb")) && File.Exists(Path.Combine(f, "pg_ctl")));
    }

    private static string[] PathFolders() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);

    private static bool OnPath(string program) => PathFolders().Any(f => File.Exists(Path.Combine(f, program)));

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static ProcessStartInfo Start(string fileName, IEnumerable<string> arguments, string workingFolder)
    {
        // The server user may not enter the test's own working folder; the cluster's folder is its own.
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static async Task<string> RunProcessAsync(ProcessStartInfo info, string name)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish within {Limit}.");
        }

        // The server that pg_ctl starts writes to its log file, not to these pipes; do not wait long for them.
        var printed = await Printed(output) + await Printed(errors);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed with exit code {process.ExitCode}:{Environment.NewLine}{printed}");
        }

        return printed;
    }

    private static async Task<string> Printed(Task<string> stream)
    {
        try
        {
            return await stream.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            return string.Empty;
        }
    }
}
