using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Telephony.Calls;
using static Switchboard.Crm.Tests.Infrastructure.TestCalls;

namespace Switchboard.Crm.Tests.Api;

/// <summary>One server for the API tests, with calls on the lines of both agents and of the supervisor.</summary>
public abstract class CrmApiFixture(CrmTestDatabase engine) : IAsyncLifetime
{
    internal CrmTestServer Server { get; private set; } = null!;

    /// <summary>Row ids by PBX call id.</summary>
    public Dictionary<string, Guid> CallIds { get; } = [];

    public IReadOnlyList<string> Line101Calls { get; } = ["a.1", "a.2", "a.3", "a.4", "a.5"];
    public IReadOnlyList<string> Line102Calls { get; } = ["b.1", "b.2"];
    public IReadOnlyList<string> Line103Calls { get; } = ["c.1"];

    public async Task InitializeAsync()
    {
        Server = await CrmTestServer.StartAsync(engine);
        var log = Server.Services.GetRequiredService<CallLog>();
        var lookup = Server.Services.GetRequiredService<CallerLookup>();
        var ivan = CallerMatch.From(await lookup.LookupAsync("+74951234567", Timeouts.Token()).WithTimeout());

        Call[] calls =
        [
            (Incoming("a.1", "101", "84951234567", Noon) with { CallerMatch = ivan }).Answered(Noon.AddSeconds(5)).Ended(Noon.AddMinutes(2), CallEndReason.Completed),
            Incoming("a.2", "101", "+74957654321", Noon.AddMinutes(10)).Ended(Noon.AddMinutes(10).AddSeconds(20), CallEndReason.Missed),
            Outgoing("a.3", "101", "984951112233", Noon.AddMinutes(20)).Answered(Noon.AddMinutes(20).AddSeconds(7)).Ended(Noon.AddMinutes(25), CallEndReason.Completed),
            // Two calls that started at the same moment: paging must neither skip nor repeat one.
            Incoming("a.4", "101", "+74959876543", Noon.AddMinutes(30)).Ended(Noon.AddMinutes(31), CallEndReason.Missed),
            Incoming("a.5", "101", "+74951230000", Noon.AddMinutes(30)).Ended(Noon.AddMinutes(31), CallEndReason.Abandoned),
            Incoming("b.1", "102", "+74951234567", Noon.AddMinutes(5)).Answered(Noon.AddMinutes(5).AddSeconds(3)).Ended(Noon.AddMinutes(9), CallEndReason.Completed),
            Outgoing("b.2", "102", "101", Noon.AddMinutes(15)) with { Direction = CallDirection.Internal },
            Incoming("c.1", "103", "+74957654321", Noon.AddMinutes(40)).Ended(Noon.AddMinutes(40).AddSeconds(9), CallEndReason.Busy),
        ];
        foreach (var call in calls)
        {
            CallIds[call.PbxCallId] = await log.SaveAsync(call, Noon.AddHours(1), Timeouts.Token()).WithTimeout();
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The API on SQLite: one server for the API test classes of the collection below.</summary>
public sealed class SqliteCrmApiFixture() : CrmApiFixture(SqliteTestDatabase.Instance);

/// <summary>The API on PostgreSQL: one server per test class, as the classes share the cluster's collection.</summary>
public sealed class PostgresCrmApiFixture(PostgresCluster cluster) : CrmApiFixture(cluster);

[CollectionDefinition(Name)]
public sealed class CrmApiServer : ICollectionFixture<SqliteCrmApiFixture>
{
    public const string Name = "CRM API on Kestrel";
}
