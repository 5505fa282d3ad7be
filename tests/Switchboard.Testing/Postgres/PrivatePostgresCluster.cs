using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Switchboard.Testing.Postgres;

/// <summary>
/// A private PostgreSQL server, never the machine's own: <c>initdb</c> into a new temporary folder
/// (superuser <see cref="Superuser"/> with a random password, <c>scram-sha-256</c>, locale
/// <c>C.UTF-8</c>), then <c>pg_ctl start</c> listening on 127.0.0.1 only, at a free port, with its
/// socket in that folder. Disposing it stops the server (<c>pg_ctl stop -m immediate</c>) and
/// removes the folder. The server settings are the caller's choice and nothing else is changed:
/// tests pass <see cref="ThrowawaySettings"/>, a benchmark may pass none and get PostgreSQL's defaults.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    public const string Superuser = "switchboard";

    /// <summary>
    /// For a cluster that is thrown away: durability buys nothing (no fsync, no synchronous commit,
    /// no full-page writes), and many connections (one pool per test database).
    /// </summary>
    public static readonly IReadOnlyList<string> ThrowawaySettings =
        ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300"];

    private const int StartAttempts = 3;

    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly PostgresCommands _commands;
    private string? _folder;

    private PrivatePostgresCluster(PostgresCommands commands, string folder, IReadOnlyList<string> settings)
    {
        _commands = commands;
        _folder = folder;
        Settings = settings;
    }

    /// <summary>The <c>-c name=value</c> settings the server was started with, besides its address, port and socket folder.</summary>
    public IReadOnlyList<string> Settings { get; }

    public int Port { get; private set; }

    /// <summary>The cluster's own folder: its data folder, its log and its socket.</summary>
    public string Folder => _folder ?? throw new ObjectDisposedException(nameof(PrivatePostgresCluster));

    public string DataFolder => Path.Combine(Folder, "data");

    public string LogFile => Path.Combine(Folder, "postgres.log");

    /// <summary>
    /// Creates and starts a cluster in a new folder under <paramref name="parentFolder"/> (the
    /// temporary folder when null), with the server settings given as <c>name=value</c>.
    /// </summary>
    public static async Task<PrivatePostgresCluster> StartAsync(
        IEnumerable<string> settings, string? parentFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var commands = PostgresCommands.Find();
        var folder = Path.Combine(parentFolder ?? Path.GetTempPath(), "switchboard-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var cluster = new PrivatePostgresCluster(commands, folder, [.. settings]);
        try
        {
            await cluster.InitializeAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A name for a database that does not exist yet.</summary>
    public static string NewDatabaseName() => "crm_" + Guid.NewGuid().ToString("N");

    /// <summary>How the superuser reaches <paramref name="database"/> over loopback TCP, with a password.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = _password,
    }.ConnectionString;

    public Task CreateDatabaseAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);

    /// <summary>Drops <paramref name="name"/>, closing whatever connections it still has.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        using (var pooled = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Runs one statement in the <c>postgres</c> database as the superuser.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await _commands.RunAsync(Folder, "pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_folder, recursive: true);
        _folder = null;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(Folder, "superuser-password");
        await File.WriteAllTextAsync(passwordFile, _password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await _commands.GiveAsync(Folder);

        // A UTF-8 locale that is not C, like most servers': the schema must not depend on byte order by default.
        await _commands.RunAsync(
            Folder, "initdb", "-D", DataFolder, "-U", Superuser, $"--pwfile={passwordFile}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8");
        File.Delete(passwordFile);
        await StartServerAsync();
    }

    private async Task StartServerAsync()
    {
        var settings = string.Concat(Settings.Select(s => $" -c {s}"));
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the port between looking and listening: then try another.
            Port = FreeLoopbackPort();
            try
            {
                await _commands.RunAsync(
                    Folder, "pg_ctl", "-D", DataFolder, "-l", LogFile, "-w", "-t", "60",
                    "-o", $"-p {Port} -k \"{Folder}\" -c listen_addresses=127.0.0.1{settings}", "start");
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Most likely the port was taken meanwhile: the next attempt picks another.
            }
            catch (InvalidOperationException e)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no log)";
                throw new InvalidOperationException($"The private PostgreSQL server did not start. Its log:{Environment.NewLine}{log}", e);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
