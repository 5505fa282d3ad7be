using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// Login throttling over HTTP, on a server of its own per test with its own clock: three failures
/// (Auth:MaxFailedLogins) within five minutes lock out an address, or put a login under attack,
/// after which it is refused to the addresses that failed for it but not to its owner elsewhere.
/// Clients connect from distinct loopback addresses, so the server tells them apart. The throttle
/// is kept in memory whatever the database, so SQLite alone is enough.
/// </summary>
public sealed class LoginThrottlingApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private CrmTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await CrmTestServer.StartAsync(
            SqliteTestDatabase.Instance,
            new Dictionary<string, string?> { ["Auth:MaxFailedLogins"] = "3", ["Auth:LockoutWindow"] = "00:05:00" },
            _time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_attacker_who_guesses_at_a_login_locks_out_only_themselves_and_its_owner_still_signs_in()
    {
        var attacker = LoopbackAddresses.Next();
        await FailAsync("admin", attacker, attacker, attacker);

        using var locked = await LoginAsync("admin", "demo-admin", attacker);
        using var owner = await LoginAsync("admin", "demo-admin", LoopbackAddresses.Next());

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.Equal("application/problem+json", locked.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), locked.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
    }

    [Fact]
    public async Task Failed_logins_from_one_address_lock_that_address_out_for_every_login()
    {
        var guesser = LoopbackAddresses.Next();
        await FailAsync("nobody1", guesser);
        await FailAsync("nobody2", guesser);
        await FailAsync("agent2", guesser);

        Assert.Equal(HttpStatusCode.TooManyRequests, await _server.TryLoginAsync("agent1", "demo-agent1", guesser));
        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent1", "demo-agent1", LoopbackAddresses.Next()));
        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent2", "demo-agent2", LoopbackAddresses.Next()));
    }

    [Fact]
    public async Task A_login_guessed_at_from_many_addresses_gives_each_further_address_one_guess()
    {
        IPAddress[] first = [LoopbackAddresses.Next(), LoopbackAddresses.Next(), LoopbackAddresses.Next()];
        await FailAsync("agent1", first);
        var another = LoopbackAddresses.Next();

        // Under attack: the addresses that failed for it wait, even with the right password.
        Assert.All(
            await Task.WhenAll(first.Select(a => _server.TryLoginAsync("agent1", "demo-agent1", a))),
            status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.TryLoginAsync("agent1", "a wrong password", another));
        Assert.Equal(HttpStatusCode.TooManyRequests, await _server.TryLoginAsync("agent1", "demo-agent1", another));

        // Nobody else is held back: the owner at a new address, and those addresses for other logins.
        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent1", "demo-agent1", LoopbackAddresses.Next()));
        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent2", "demo-agent2", first[0]));
    }

    [Fact]
    public async Task The_lockout_ends_when_the_window_has_passed_since_the_first_failure()
    {
        var guesser = LoopbackAddresses.Next();
        await FailAsync("supervisor", guesser);
        _time.Advance(TimeSpan.FromMinutes(1));
        await FailAsync("supervisor", guesser, guesser);

        _time.Advance(TimeSpan.FromMinutes(3));
        using var stillLocked = await LoginAsync("supervisor", "demo-supervisor", guesser);
        _time.Advance(TimeSpan.FromMinutes(1));
        using var free = await LoginAsync("supervisor", "demo-supervisor", guesser);

        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), stillLocked.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, free.Status);
    }

    [Fact]
    public async Task Fewer_failures_than_the_limit_lock_nothing_and_a_success_forgets_that_addresss_failures_for_the_login()
    {
        var typist = LoopbackAddresses.Next();
        await FailAsync("agent1", typist, typist);
        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent1", "demo-agent1", typist));

        // A third failure elsewhere puts agent1 under attack; the typist's own were forgiven.
        await FailAsync("agent1", LoopbackAddresses.Next());

        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent1", "demo-agent1", typist));
    }

    [Fact]
    public async Task Requests_without_a_login_or_password_are_not_counted_as_failures()
    {
        var client = LoopbackAddresses.Next();
        using var http = _server.CreateClient(from: client);
        for (var i = 0; i < 5; i++)
        {
            (await http.PostAsync("/api/auth/login", new { login = "agent1" })).Expect(HttpStatusCode.BadRequest).Dispose();
        }

        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent1", "demo-agent1", client));
    }

    [Fact]
    public async Task Logins_that_differ_only_in_case_share_their_failures()
    {
        var first = LoopbackAddresses.Next();
        await FailAsync("Agent2", first);
        await FailAsync("AGENT2", LoopbackAddresses.Next());
        await FailAsync(" agent2 ", LoopbackAddresses.Next());

        Assert.Equal(HttpStatusCode.TooManyRequests, await _server.TryLoginAsync("agent2", "demo-agent2", first));
        Assert.Equal(HttpStatusCode.OK, await _server.TryLoginAsync("agent2", "demo-agent2", LoopbackAddresses.Next()));
    }

    private async Task FailAsync(string login, params IPAddress[] from)
    {
        foreach (var address in from)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await _server.TryLoginAsync(login, "a wrong password", address));
        }
    }

    private async Task<HttpAnswer> LoginAsync(string login, string password, IPAddress from)
    {
        using var client = _server.CreateClient(from: from);
        return await client.PostAsync("/api/auth/login", new { login, password });
    }
}
