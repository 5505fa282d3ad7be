using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Telephony.Calls;
using static Switchboard.Crm.Tests.Infrastructure.TestCalls;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// A server of its own for one class of Calls section tests, with a dozen calls on the lines of
/// both agents (101, 102) and the supervisor (103), and a listener that records links.
/// </summary>
public abstract class CallsSectionFixture(CrmTestDatabase engine) : IAsyncLifetime
{
    internal CrmTestServer Server { get; private set; } = null!;

    /// <summary>The engine this fixture's server runs on, for tests that need a server of their own.</summary>
    public CrmTestDatabase Engine => engine;

    internal RecordingLinkListener Links { get; } = new();

    /// <summary>Row ids by PBX call id.</summary>
    public Dictionary<string, Guid> CallIds { get; } = [];

    /// <summary>Every call by line, as seeded.</summary>
    public IReadOnlyList<string> Line101 { get; } = ["s.1", "s.2", "s.3", "s.7", "s.9", "s.10", "s.12"];
    public IReadOnlyList<string> Line102 { get; } = ["s.4", "s.5", "s.8", "s.11"];
    public IReadOnlyList<string> Line103 { get; } = ["s.6"];

    public IEnumerable<string> All => Line101.Concat(Line102).Concat(Line103);

    public Guid UserId(string login) => Ids[login];

    public Guid ContactId(string name) => Ids[name];

    public Guid AccountId(string name) => Ids[name];

    private Dictionary<string, Guid> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await CrmTestServer.StartAsync(engine, services: s => s.AddSingleton<ICallLinkListener>(Links));
        await using (var db = Server.Get<IDbContextFactory<CrmDbContext>>().CreateDbContext())
        {
            foreach (var user in await db.Users.ToListAsync(Timeouts.Token()).WithTimeout())
            {
                Ids[user.Login] = user.Id;
            }

            foreach (var contact in await db.Contacts.ToListAsync(Timeouts.Token()).WithTimeout())
            {
                Ids[contact.Name] = contact.Id;
            }

            foreach (var account in await db.Accounts.ToListAsync(Timeouts.Token()).WithTimeout())
            {
                Ids[account.Name] = account.Id;
            }
        }

        var log = Server.Get<CallLog>();
        var lookup = Server.Get<CallerLookup>();
        var ivan = CallerMatch.From(await lookup.LookupAsync("+74951234567", Timeouts.Token()).WithTimeout());

        (Call Call, DateTimeOffset SavedAt)[] calls =
        [
            Done((Incoming("s.1", "101", "84951234567", Noon) with { CallerMatch = ivan }).Answered(Noon.AddSeconds(5)).Ended(Noon.AddMinutes(2), CallEndReason.Completed)),
            Done(Incoming("s.2", "101", "+74957654321", Noon.AddMinutes(10)).Ended(Noon.AddMinutes(10).AddSeconds(20), CallEndReason.Missed)),
            Done(Outgoing("s.3", "101", "984951112233", Noon.AddMinutes(20)).Answered(Noon.AddMinutes(20).AddSeconds(7)).Ended(Noon.AddMinutes(25), CallEndReason.Completed)),
            Done((Incoming("s.4", "102", "+74951234567", Noon.AddMinutes(5)) with { CallerMatch = ivan }).Answered(Noon.AddMinutes(5).AddSeconds(3)).Ended(Noon.AddMinutes(9), CallEndReason.Completed)),
            Done((Outgoing("s.5", "102", "101", Noon.AddMinutes(15)) with { Direction = CallDirection.Internal }).Answered(Noon.AddMinutes(15).AddSeconds(2)).Ended(Noon.AddMinutes(16), CallEndReason.Completed)),
            Done(Incoming("s.6", "103", "+74957654321", Noon.AddMinutes(40)).Ended(Noon.AddMinutes(40).AddSeconds(9), CallEndReason.Busy)),

            // Two calls that started at the same moment, and three of the same duration (s.5, s.7, s.8).
            Done(Incoming("s.7", "101", "+74959876543", Noon.AddMinutes(30)).Answered(Noon.AddMinutes(30).AddSeconds(4)).Ended(Noon.AddMinutes(31), CallEndReason.Completed)),
            Done(Incoming("s.8", "102", "+74959876543", Noon.AddMinutes(30)).Answered(Noon.AddMinutes(30).AddSeconds(6)).Ended(Noon.AddMinutes(31), CallEndReason.Completed)),

            // Still ringing: linking it tells the Messaging Service.
            (Incoming("s.9", "101", "+74951112233", Noon.AddMinutes(50)), Noon.AddMinutes(50).AddSeconds(10)),

            Done(Incoming("s.10", "101", "+74957654321", Noon.AddMinutes(45)).Ended(Noon.AddMinutes(45).AddSeconds(30), CallEndReason.Missed)),
            Done(Incoming("s.11", "102", "+74957654321", Noon.AddMinutes(46)).Answered(Noon.AddMinutes(46).AddSeconds(5)).Ended(Noon.AddMinutes(48), CallEndReason.Completed)),
            Done(Incoming("s.12", "101", "+74951230000", Noon.AddMinutes(47)).Answered(Noon.AddMinutes(47).AddSeconds(5)).Ended(Noon.AddMinutes(47).AddSeconds(40), CallEndReason.Completed)),
        ];
        foreach (var (call, savedAt) in calls)
        {
            CallIds[call.PbxCallId] = await log.SaveAsync(call, savedAt, Timeouts.Token()).WithTimeout();
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private static (Call, DateTimeOffset) Done(Call call) => (call, call.EndedAt!.Value.AddMinutes(1));
}

public sealed class SqliteCallsSectionFixture() : CallsSectionFixture(SqliteTestDatabase.Instance);

public sealed class PostgresCallsSectionFixture(PostgresCluster cluster) : CallsSectionFixture(cluster);

/// <summary>Records what <see cref="ICallLinkListener"/> hears.</summary>
internal sealed class RecordingLinkListener : ICallLinkListener
{
    private readonly Lock _gate = new();
    private readonly List<HeardLink> _heard = [];

    public IReadOnlyList<HeardLink> Heard
    {
        get
        {
            lock (_gate)
            {
                return [.. _heard];
            }
        }
    }

    public Task CallLinkedAsync(string pbxCallId, string line, Guid? contactId, string? contactName, Guid? accountId, string? accountName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _heard.Add(new HeardLink(pbxCallId, line, contactId, contactName, accountId, accountName));
        }

        return Task.CompletedTask;
    }
}

internal sealed record HeardLink(string PbxCallId, string Line, Guid? ContactId, string? ContactName, Guid? AccountId, string? AccountName);
