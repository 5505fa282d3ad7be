using System.Globalization;
using Switchboard.Crm.Data;
using Switchboard.CrmLoad.Generation;

namespace Switchboard.CrmLoad;

/// <summary>What to fill and what to measure; read from the command line (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        Switchboard.CrmLoad: fills a CRM database and measures caller lookups and call saves.

          --provider sqlite|postgres   the engine (required)
          --connection <string>        the database; SQLite: Data Source=<file>; PostgreSQL: an existing
                                       server (the database is created when missing). Without it: SQLite
                                       in a new file under the temporary folder, PostgreSQL in a private
                                       cluster the tool starts (initdb, loopback port) and removes after
          --pg-folder <folder>         where the private cluster's folder goes (default: the temporary folder)
          --pg-setting <name=value>    a server setting for the private cluster, repeatable (default: none,
                                       PostgreSQL's own defaults)
          --accounts <n>               default 200000
          --contacts <n>               default 1000000
          --calls <n>                  call log rows, default 5000000
          --skip-fill                  measure a database filled before with the same sizes and seed
          --lookups <n>                measured lookups per pass, default 100000
          --warmup <n>                 lookups before measuring, default 10000
          --lookup-callers <list>      concurrent callers per pass, default 1,4
          --save-calls <n>             new calls saved per pass (3 saves each), default 20000
          --writers <list>             concurrent writers per pass, default 1,8,32,64
          --save-warmup <n>            calls saved by 8 writers before measuring, default 300
          --trace-saves                print the SQL of the saves of one call (SQLite; on PostgreSQL the
                                       saves are the upserts of Calls/PostgresCallLogBatch.cs)
          --raw-connections <list>     PostgreSQL only: after the saves through the CRM, the same number
                                       of calls as bare prepared SQL (INSERT and two UPDATEs, 40 calls a
                                       transaction) on each number of connections: the engine's ceiling
          --seed <n>                   default 20261128
          --keep                       keep the SQLite file the tool made
        """;

    public string Provider { get; init; } = CrmDatabaseProvider.Sqlite;

    public string? Connection { get; init; }

    public string? PostgresFolder { get; init; }

    public IReadOnlyList<string> PostgresSettings { get; init; } = [];

    public LoadSizes Sizes { get; init; } = LoadSizes.Full;

    public bool SkipFill { get; init; }

    public int Lookups { get; init; } = 100_000;

    public int Warmup { get; init; } = 10_000;

    public IReadOnlyList<int> LookupCallers { get; init; } = [1, 4];

    public int SaveCalls { get; init; } = 20_000;

    public IReadOnlyList<int> Writers { get; init; } = [1, 8, 32, 64];

    public int SaveWarmupCalls { get; init; } = 300;

    public bool TraceSaves { get; init; }

    public IReadOnlyList<int> RawConnections { get; init; } = [];

    public int Seed { get; init; } = 20261128;

    public bool Keep { get; init; }

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--provider" => options with { Provider = ProviderOf(Value()) },
                "--connection" => options with { Connection = Value() },
                "--pg-folder" => options with { PostgresFolder = Value() },
                "--pg-setting" => options with { PostgresSettings = [.. settings.Append(Value())] },
                "--accounts" => options with { Sizes = options.Sizes with { Accounts = Count(name, Value()) } },
                "--contacts" => options with { Sizes = options.Sizes with { Contacts = Count(name, Value()) } },
                "--calls" => options with { Sizes = options.Sizes with { Calls = Count(name, Value()) } },
                "--skip-fill" => options with { SkipFill = true },
                "--lookups" => options with { Lookups = Count(name, Value()) },
                "--warmup" => options with { Warmup = Count(name, Value()) },
                "--lookup-callers" => options with { LookupCallers = List(name, Value()) },
                "--save-calls" => options with { SaveCalls = Count(name, Value()) },
                "--writers" => options with { Writers = List(name, Value()) },
                "--save-warmup" => options with { SaveWarmupCalls = Count(name, Value()) },
                "--trace-saves" => options with { TraceSaves = true },
                "--raw-connections" => options with { RawConnections = List(name, Value()) },
                "--seed" => options with { Seed = Count(name, Value()) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
            settings = [.. options.PostgresSettings];
        }

        return options;
    }

    private static string ProviderOf(string value) => value.ToUpperInvariant() switch
    {
        "SQLITE" => CrmDatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" => CrmDatabaseProvider.Postgres,
        _ => throw new ArgumentException($"--provider is sqlite or postgres, not {value}."),
    };

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} takes a whole number, not {value}.");

    private static int[] List(string name, string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Count(name, v)).Where(n => n > 0)];
}
