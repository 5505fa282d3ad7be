using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for the test run, never the machine's own: <c>initdb</c> into a new
/// temporary folder, <c>pg_ctl start</c> listening on 127.0.0.1 only, at a free port, with its socket
/// in that folder; at the end <c>pg_ctl stop</c> and the folder is removed. Each test host gets a
/// database of its own, dropped when the host goes. The collection fixture of
/// <see cref="SharedPostgresCluster"/>, so it starts once for all the PostgreSQL tests.
/// </summary>
public sealed class PostgresCluster : CrmTestDatabase, IAsyncLifetime
{
    public const string Superuser = "switchboard";

    private const int StartAttempts = 3;

    // Durability buys nothing in a cluster that is thrown away; connections: one pool per test database.
    private const string ServerSettings =
        "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private PostgresCommands? _commands;
    private string? _folder;

    public override string Provider => CrmDatabaseProvider.Postgres;

    public int Port { get; private set; }

    private string Folder => _folder ?? throw new InvalidOperationException("The cluster has not been created.");

    private string DataFolder => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "postgres.log");

    /// <summary>How the superuser reaches <paramref name="database"/> over loopback TCP, with a password.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = _password,
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        _commands = PostgresCommands.Find();
        _folder = Path.Combine(Path.GetTempPath(), "switchboard-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        try
        {
            var passwordFile = Path.Combine(Folder, "superuser-password");
            await File.WriteAllTextAsync(passwordFile, _password);
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
            await StartServerAsync(_commands);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (_commands is not null && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await _commands.RunAsync(Folder, "pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_folder, recursive: true);
        _folder = null;
    }

    /// <summary>A name for a database that does not exist yet.</summary>
    public static string NewDatabaseName() => "crm_" + Guid.NewGuid().ToString("N");

    internal override async Task<TestDatabase> CreateAsync(TempFolder folder)
    {
        var name = NewDatabaseName();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(Provider, ConnectionString(name), () => DropDatabaseAsync(name));
    }

    /// <summary>Databases that do not exist yet, so that migrating has to create them.</summary>
    public CrmTestDatabase NotYetCreated => new NotYetCreatedDatabases(this);

    /// <summary>Drops <paramref name="name"/>, closing whatever connections it still has.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        using (var pooled = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(Timeouts.Token()).WithTimeout();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Timeouts.Token()).WithTimeout();
    }

    private async Task StartServerAsync(PostgresCommands commands)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the port between looking and listening: then try another.
            Port = FreeLoopbackPort();
            try
            {
                await commands.RunAsync(
                    Folder, "pg_ctl", "-D", DataFolder, "-l", LogFile, "-w", "-t", "60",
                    "-o", $"-p {Port} -k \"{Folder}\" {ServerSettings}", "start");
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Most likely the port was taken meanwhile: the next attempt picks another.
            }
            catch (InvalidOperationException e)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no log)";
                throw new InvalidOperationException($"The test PostgreSQL server did not start. Its log:{Environment.NewLine}{log}", e);
            }
        }
    }

    private sealed class NotYetCreatedDatabases(PostgresCluster cluster) : CrmTestDatabase
    {
        public override string Provider => cluster.Provider;

        internal override Task<TestDatabase> CreateAsync(TempFolder folder)
        {
            var name = NewDatabaseName();
            return Task.FromResult(new TestDatabase(Provider, cluster.ConnectionString(name), () => cluster.DropDatabaseAsync(name)));
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The PostgreSQL test classes: they share one <see cref="PostgresCluster"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgresCluster : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
