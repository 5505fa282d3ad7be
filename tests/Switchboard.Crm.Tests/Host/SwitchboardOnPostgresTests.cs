using Switchboard.Contracts;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Testing;
using TestDemo = Switchboard.Testing.Demo;

namespace Switchboard.Crm.Tests.Host;

/// <summary>The whole host (CRM, Messaging Service, simulator) on a new PostgreSQL database of the test cluster.</summary>
public sealed class PostgresServerFixture(PostgresCluster cluster) : ServerFixture
{
    // Not created beforehand: the host's start-up migration creates it. The cluster goes with its databases.
    private readonly string _connectionString = cluster.ConnectionString(PostgresCluster.NewDatabaseName());

    protected override IEnumerable<string> ExtraArguments =>
        ["--Database:Provider=Postgres", $"--ConnectionStrings:Crm={_connectionString}"];
}

[Collection(SharedPostgresCluster.Name)]
public sealed class SwitchboardOnPostgresTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task The_host_migrates_a_new_database_and_logs_a_call_in_it()
    {
        // The fixture waited for /healthz, which answers once the database is migrated; the demo users are there.
        await using var agent = await server.ConnectAsync(TestDemo.AgentA, TestDemo.PasswordOf(TestDemo.AgentA));

        var simId = await server.Simulator.CallAsync(TestDemo.KnownCaller, TestDemo.LineA);
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == TestDemo.KnownCaller);
        await server.Simulator.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);

        Assert.Equal(TestDemo.KnownCallerName, started.Contact?.ContactName);
        var row = Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(started.ConversationId, 1));
        Assert.Equal(started.PbxCallId, row.GetProperty("pbxCallId").GetString());
        Assert.Equal(started.Contact!.ContactId, row.GetProperty("contactId").GetGuid());
        Assert.Equal(TimeSpan.Zero, row.GetProperty("startedAt").GetDateTimeOffset().Offset);
    }
}
