using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

public class PopupPrivacyTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_who_does_not_own_the_line_never_sees_the_pop_up_of_a_call_to_another_agent()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await using var b = await browser.SignInAsync(server, Demo.AgentB);

        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        await Expect(a.IncomingPopup).ToContainTextAsync(Demo.KnownCallerName);
        await Expect(b.IncomingPopup).ToHaveCountAsync(0);
        await b.ScreenshotAsync(Ui.TestName());

        await a.ClickAsync("Answer", a.IncomingPopup);
        await Expect(a.Call($"{Demo.KnownCallerName} · {Demo.KnownCaller}")).ToContainTextAsync("Connected");
        await server.Simulator.HangUpAsync(simId);
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");

        // A call to B afterwards does pop up at B: B's panel was listening all along.
        var toB = await server.Simulator.CallAsync("+74957654321", Demo.LineB);
        await Expect(b.IncomingPopup).ToContainTextAsync("Pavel Kuznetsov");
        await server.Simulator.HangUpAsync(toB);
        await Expect(b.IncomingPopup).ToHaveCountAsync(0);

        // Nothing of A's call ever reached B's page, not even for a moment, and B's call never reached A's.
        var seenByB = await b.SeenAsync();
        Assert.DoesNotContain(seenByB, text => text.Contains(Demo.KnownCaller, StringComparison.Ordinal) || text.Contains(Demo.KnownCallerName, StringComparison.Ordinal));
        Assert.Contains(seenByB, text => text.Contains("Pavel Kuznetsov", StringComparison.Ordinal));
        var seenByA = await a.SeenAsync();
        Assert.DoesNotContain(seenByA, text => text.Contains("Pavel Kuznetsov", StringComparison.Ordinal));
        await Expect(b.CallsInProgress).ToContainTextAsync("No call right now.");
        await Expect(b.Page.GetByRole(AriaRole.List, new() { Name = "Recent calls" })).Not.ToContainTextAsync(Demo.KnownCallerName);
    }
}
