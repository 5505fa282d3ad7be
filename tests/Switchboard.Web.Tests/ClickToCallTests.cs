using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

public class ClickToCallTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    private const string Title = $"{Demo.KnownCallerName} · {Demo.KnownCaller}";

    [Fact]
    public async Task An_agent_calls_a_contact_from_the_contact_card_and_again_from_recent_calls()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);

        // A call from Ivan Sidorov puts him among A's recent calls and contacts.
        var inbound = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        await a.ClickAsync("Answer", a.IncomingPopup);
        await Expect(a.Call(Title)).ToContainTextAsync("Connected");
        await server.Simulator.HangUpAsync(inbound);
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");

        // The contact's card among the recent contacts: one click calls his number.
        var contacts = a.Page.GetByRole(AriaRole.List, new() { Name = "Recent contacts" });
        var contactCard = contacts.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Demo.KnownCallerName });
        await Expect(contactCard.GetByRole(AriaRole.Link, new() { Name = Demo.KnownCallerName })).ToBeVisibleAsync();
        await a.ClickAsync($"Call {Demo.KnownCallerName} at {Demo.KnownCaller}", contactCard);
        await CallIsPlacedAnsweredAndHungUpAsync(a, Ui.TestName());

        // Recent calls: the newest is the outgoing call just made; call back from it.
        var recent = a.Page.GetByRole(AriaRole.List, new() { Name = "Recent calls" });
        var newest = recent.GetByRole(AriaRole.Listitem).First;
        await Expect(newest).ToContainTextAsync(Demo.KnownCallerName);
        await Expect(newest).ToContainTextAsync("Outgoing");
        await Expect(newest).ToContainTextAsync("Completed");
        await a.ClickAsync($"Call back {Demo.KnownCallerName}", newest);
        await CallIsPlacedAnsweredAndHungUpAsync(a, Ui.TestName() + "_recent");

        await Expect(recent.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Outgoing" })).ToHaveCountAsync(2);
    }

    private async Task CallIsPlacedAnsweredAndHungUpAsync(Panel agent, string screenshot)
    {
        var call = agent.Call(Title);
        await Expect(call).ToContainTextAsync("Calling…");
        await Expect(call).ToContainTextAsync("Ringing");
        await Expect(call.GetByRole(AriaRole.Link, new() { Name = Demo.KnownCallerAccount })).ToBeVisibleAsync();

        await server.Simulator.AnswerAsync(await server.Simulator.FindCallWithAsync(Demo.KnownCaller));
        await Expect(call).ToContainTextAsync("Connected");
        await Expect(call).ToContainTextAsync("Outgoing call");
        await agent.ScreenshotAsync(screenshot);

        await agent.ClickAsync("Hang up", call);
        await Expect(call).ToHaveCountAsync(0);
    }
}
