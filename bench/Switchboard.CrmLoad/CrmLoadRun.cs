using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.CrmLoad.Generation;
using Switchboard.CrmLoad.Loading;
using Switchboard.CrmLoad.Measuring;
using Switchboard.Testing.Postgres;

namespace Switchboard.CrmLoad;

/// <summary>How many rows each table holds.</summary>
internal sealed record TableCounts(long Users, long Lines, long Accounts, long Contacts, long PhoneNumbers, long CallRecords);

/// <summary>What one run did and measured.</summary>
internal sealed record LoadReport(
    string Provider,
    SyntheticCrm Crm,
    TimeSpan Fill,
    long SizeAfterFill,
    TableCounts Counts,
    IReadOnlyList<LookupRun> Lookups,
    IReadOnlyList<SaveRun> Saves,
    IReadOnlyList<RawSaveRun> RawSaves,
    TableCounts CountsAfterSaves);

/// <summary>
/// One run of the load tool: the database (a private PostgreSQL cluster or a SQLite file unless a
/// connection string is given), the CRM's services on it, the schema migrated as the application
/// migrates it, the fill, then the lookups and the saves.
/// </summary>
internal static class CrmLoadRun
{
    private const string PrivateDatabase = "crm_load";

    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        PrivatePostgresCluster? cluster = null;
        string? sqliteFolder = null;
        try
        {
            string connection;
            if (options.Connection is { } given)
            {
                connection = given;
            }
            else if (options.Provider == CrmDatabaseProvider.Postgres)
            {
                cluster = await PrivatePostgresCluster.StartAsync(options.PostgresSettings, options.PostgresFolder, cancellationToken);
                connection = cluster.ConnectionString(PrivateDatabase);
                output.WriteLine($"private PostgreSQL cluster in {cluster.Folder}, port {cluster.Port}, settings: "
                    + (cluster.Settings.Count == 0 ? "PostgreSQL's defaults" : string.Join(' ', cluster.Settings)));
            }
            else
            {
                sqliteFolder = Path.Combine(Path.GetTempPath(), "switchboard-crmload-" + Guid.NewGuid().ToString("N")[..12]);
                Directory.CreateDirectory(sqliteFolder);
                connection = $"Data Source={Path.Combine(sqliteFolder, "crm.db")}";
                output.WriteLine($"SQLite file {Path.Combine(sqliteFolder, "crm.db")}");
            }

            return await RunOnAsync(options, connection, output, cancellationToken);
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            if (sqliteFolder is not null && !options.Keep)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(sqliteFolder, recursive: true);
            }
        }
    }

    private static async Task<LoadReport> RunOnAsync(LoadOptions options, string connection, TextWriter output, CancellationToken cancellationToken)
    {
        var counter = new CommandCounter();
        await using var services = CrmServices.Build(options.Provider, connection, counter);
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        IBulkLoader loader = options.Provider == CrmDatabaseProvider.Postgres ? new PostgresBulkLoader(connection) : new SqliteBulkLoader(connection);

        WriteMachine(output);
        await CrmDatabase.MigrateAndSeedAsync(services, cancellationToken);
        await WriteEngineAsync(contexts, output, cancellationToken);

        var clock = Stopwatch.StartNew();
        var crm = SyntheticCrm.Generate(options.Sizes, options.Seed, services.GetRequiredService<PhoneNumberNormalizer>());
        output.WriteLine(Invariant($"generated {crm.Accounts.Length:N0} accounts, {crm.Contacts.Length:N0} contacts, {crm.Numbers.Length:N0} numbers ",
            $"({string.Join(", ", crm.Plans.GroupBy(p => p.Country).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))}) in {clock.Elapsed.TotalSeconds:F1} s"));

        var fill = TimeSpan.Zero;
        if (!options.SkipFill)
        {
            fill = await FillAsync(options, contexts, loader, crm, output, cancellationToken);
        }

        var size = await loader.SizeAsync(cancellationToken);
        var counts = await CountAsync(contexts, cancellationToken);
        output.WriteLine(Invariant($"database: {size / 1048576.0:N0} MiB; rows: {counts}"));

        var lookups = await MeasureLookupsAsync(options, services.GetRequiredService<CallerLookup>(), crm, output, cancellationToken);
        var saves = await MeasureSavesAsync(options, services.GetRequiredService<CallLog>(), crm, counter, output, cancellationToken);
        var rawSaves = await MeasureRawCeilingAsync(options, connection, crm, output, cancellationToken);
        var after = await CountAsync(contexts, cancellationToken);
        output.WriteLine(Invariant($"after the saves: {await loader.SizeAsync(cancellationToken) / 1048576.0:N0} MiB; rows: {after}; load average {LoadAverage()}"));
        return new LoadReport(options.Provider, crm, fill, size, counts, lookups, saves, rawSaves, after);
    }

    private static async Task<TimeSpan> FillAsync(
        LoadOptions options, IDbContextFactory<CrmDbContext> contexts, IBulkLoader loader, SyntheticCrm crm, TextWriter output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken) || await db.CallRecords.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database is not empty: give a new one, or --skip-fill to measure this one as it is.");
        }

        output.WriteLine($"loading with {loader.Method}; load average {LoadAverage()}");
        var total = Stopwatch.StartNew();
        db.Users.AddRange(crm.Users);
        await db.SaveChangesAsync(cancellationToken);

        await LoadTableAsync(loader, db, "Accounts", crm.Accounts, output, cancellationToken);
        await LoadTableAsync(loader, db, "Contacts", crm.Contacts, output, cancellationToken);
        await LoadTableAsync(loader, db, "PhoneNumbers", crm.Numbers, output, cancellationToken);
        await LoadTableAsync(loader, db, "CallRecords", new SyntheticCalls(crm, options.Seed + 7).Generate(options.Sizes.Calls), output, cancellationToken);
        var loaded = total.Elapsed;

        var tidy = Stopwatch.StartNew();
        await loader.AfterLoadAsync(cancellationToken);
        output.WriteLine(Invariant($"analyze/vacuum: {tidy.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine(Invariant($"fill: {loaded.TotalSeconds:F1} s loading + {tidy.Elapsed.TotalSeconds:F1} s analyze/vacuum = {total.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}"));
        return total.Elapsed;
    }

    private static async Task LoadTableAsync<TEntity>(
        IBulkLoader loader, CrmDbContext model, string name, IEnumerable<TEntity> rows, TextWriter output, CancellationToken cancellationToken)
        where TEntity : class
    {
        var clock = Stopwatch.StartNew();
        var reported = 0L;
        void Progress(long written)
        {
            if (written - reported >= 1_000_000)
            {
                reported = written;
                output.WriteLine(Invariant($"  {name}: {written:N0} rows, {clock.Elapsed.TotalSeconds:F0} s"));
            }
        }

        var count = await loader.LoadAsync(model, rows, Progress, cancellationToken);
        output.WriteLine(Invariant($"  {name}: {count:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:N0} rows/s)"));
    }

    private static async Task<IReadOnlyList<LookupRun>> MeasureLookupsAsync(
        LoadOptions options, CallerLookup lookup, SyntheticCrm crm, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = new List<LookupRun>();
        if (options.Lookups == 0 || options.LookupCallers.Count == 0)
        {
            return runs;
        }

        var warmup = await LookupBenchmark.RunAsync(lookup, crm, LookupWorkload.Make(crm, options.Warmup, options.Seed + 13), 1, cancellationToken);
        output.WriteLine(Invariant($"lookup warm-up: {warmup.All.Count:N0} lookups in {warmup.Elapsed.TotalSeconds:F1} s"));
        var samples = LookupWorkload.Make(crm, options.Lookups, options.Seed + 11);
        foreach (var callers in options.LookupCallers)
        {
            var run = await LookupBenchmark.RunAsync(lookup, crm, samples, callers, cancellationToken);
            runs.Add(run);
            output.WriteLine(Invariant($"lookups, {callers} caller(s): {run.PerSecond:N0}/s over {run.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}"));
            output.WriteLine($"  all        {run.All}");
            foreach (var (kind, latencies) in run.ByKind)
            {
                output.WriteLine($"  {kind,-10} {latencies}");
            }

            output.WriteLine(Invariant($"  known numbers found: {run.KnownFound:N0} of {run.KnownAsked:N0} ({run.KnownFoundFirst:N0} as the first candidate); lines found: {run.ExtensionsFound:N0} of {run.ExtensionsAsked:N0}"));
        }

        return runs;
    }

    private static async Task<IReadOnlyList<SaveRun>> MeasureSavesAsync(
        LoadOptions options, CallLog log, SyntheticCrm crm, CommandCounter counter, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = new List<SaveRun>();
        if (options.SaveCalls == 0 || options.Writers.Count == 0)
        {
            return runs;
        }

        // Sequence numbers far above the filled log's, so every saved call is new.
        var sequence = 1_000_000_000L;
        if (options.TraceSaves)
        {
            counter.Tracing = true;
            await SaveBenchmark.RunAsync(log, crm, 1, 1, sequence++, counter, cancellationToken);
            counter.Tracing = false;
            output.WriteLine("the SQL of one call's three saves, one writer:");
            while (counter.Traced.TryDequeue(out var command))
            {
                output.WriteLine(command);
            }
        }

        var warmup = await SaveBenchmark.RunAsync(log, crm, options.SaveWarmupCalls, 8, sequence, counter, cancellationToken);
        sequence += options.SaveWarmupCalls;
        output.WriteLine(Invariant($"save warm-up: {warmup.Calls:N0} calls in {warmup.Elapsed.TotalSeconds:F1} s"));
        foreach (var writers in options.Writers)
        {
            var run = await SaveBenchmark.RunAsync(log, crm, options.SaveCalls, writers, sequence, counter, cancellationToken);
            sequence += options.SaveCalls;
            runs.Add(run);
            output.WriteLine(Invariant($"saves, {writers} writer(s): {run.CallsPerSecond:N0} calls/s, {run.SavesPerSecond:N0} saves/s ",
                $"({run.Calls:N0} calls, {run.Saves:N0} saves in {run.Elapsed.TotalSeconds:F1} s); load average {LoadAverage()}"));
            output.WriteLine($"  per save   {run.PerSave}");
            if (options.Provider != CrmDatabaseProvider.Postgres)
            {
                // On PostgreSQL the saves are plain Npgsql batches, which EF Core's interceptor does not see.
                output.WriteLine(Invariant($"  SQL commands: {run.Commands:N0} ({(double)run.Commands / run.Saves:F2} per save), ",
                    $"{run.TimeInCommands.TotalSeconds:F1} s in them ({run.TimeInCommands.TotalMilliseconds / run.Commands:F3} ms each)"));
            }
        }

        return runs;
    }

    private static async Task<IReadOnlyList<RawSaveRun>> MeasureRawCeilingAsync(
        LoadOptions options, string connection, SyntheticCrm crm, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = new List<RawSaveRun>();
        if (options.Provider != CrmDatabaseProvider.Postgres || options.SaveCalls == 0)
        {
            return runs;
        }

        // Far above the sequences of the saves through the CRM, so every call is new here too.
        var sequence = 2_000_000_000L;
        foreach (var connections in options.RawConnections)
        {
            var run = await RawSaveCeiling.RunAsync(connection, crm, options.SaveCalls, connections, sequence, cancellationToken);
            sequence += options.SaveCalls;
            runs.Add(run);
            output.WriteLine(Invariant($"raw SQL ceiling, {connections} connection(s), {RawSaveCeiling.CallsPerBatch} calls a transaction: ",
                $"{run.CallsPerSecond:N0} calls/s, {run.SavesPerSecond:N0} saves/s ({run.Calls:N0} calls in {run.Elapsed.TotalSeconds:F1} s); load average {LoadAverage()}"));
        }

        return runs;
    }

    private static async Task<TableCounts> CountAsync(IDbContextFactory<CrmDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new TableCounts(
            await db.Users.LongCountAsync(cancellationToken),
            await db.Lines.LongCountAsync(cancellationToken),
            await db.Accounts.LongCountAsync(cancellationToken),
            await db.Contacts.LongCountAsync(cancellationToken),
            await db.PhoneNumbers.LongCountAsync(cancellationToken),
            await db.CallRecords.LongCountAsync(cancellationToken));
    }

    private static void WriteMachine(TextWriter output)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        output.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores, {memory:F1} GiB, {RuntimeInformation.OSDescription}, ",
            $"{RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; load average {LoadAverage()}"));
    }

    private static async Task WriteEngineAsync(IDbContextFactory<CrmDbContext> contexts, TextWriter output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var version = await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync(cancellationToken);
            var settings = await db.Database.SqlQueryRaw<string>(
                "SELECT name || '=' || current_setting(name) AS \"Value\" FROM pg_settings WHERE name IN "
                + "('shared_buffers', 'work_mem', 'effective_cache_size', 'synchronous_commit', 'fsync', 'full_page_writes', 'max_wal_size', 'wal_level', 'max_connections') ORDER BY name")
                .ToListAsync(cancellationToken);
            output.WriteLine($"engine: {version}");
            output.WriteLine($"  settings: {string.Join(", ", settings)}");
        }
        else
        {
            var version = await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS \"Value\"").SingleAsync(cancellationToken);
            var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync(cancellationToken);
            var synchronous = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync(cancellationToken);
            output.WriteLine($"engine: SQLite {version}, journal_mode={journal}, synchronous={synchronous} on the CRM's connections");
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to say how busy the machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Invariant(params FormattableString[] parts) => string.Concat(parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
