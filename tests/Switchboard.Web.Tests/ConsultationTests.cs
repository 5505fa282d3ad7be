using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

public class ConsultationTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    private const string SecondCaller = "+74957654321";
    private const string SecondCallerName = "Pavel Kuznetsov";
    private const string ColleagueB = $"Boris Ivanov · {Demo.LineB}";

    [Fact]
    public async Task A_consults_b_and_completes_the_transfer_then_cancels_a_second_consultation_and_is_back_with_the_caller()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await using var b = await browser.SignInAsync(server, Demo.AgentB);

        // First: consult B, B answers, A completes; the caller is now B's.
        var first = await AnsweredAsync(a, Demo.KnownCaller, $"{Demo.KnownCallerName} · {Demo.KnownCaller}");
        await ConsultBAsync(a, first);
        await Expect(b.IncomingPopup).ToContainTextAsync("Colleague: Anna Petrova");
        await b.ClickAsync("Answer", b.IncomingPopup);
        var consultation = a.Call(ColleagueB);
        await Expect(consultation).ToContainTextAsync("Connected");
        await Expect(first).ToContainTextAsync("On hold");
        await Expect(first).ToContainTextAsync("Waiting for transfer");
        await a.ScreenshotAsync(Ui.TestName());

        await a.ClickAsync("Complete transfer", consultation);

        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");
        var atB = b.Call($"{Demo.KnownCallerName} · {Demo.KnownCaller}");
        await Expect(atB).ToContainTextAsync("Connected");
        await Expect(atB.GetByRole(AriaRole.Link, new() { Name = Demo.KnownCallerAccount })).ToBeVisibleAsync();
        await server.Simulator.HangUpAsync(await server.Simulator.FindCallWithAsync(Demo.KnownCaller));
        await Expect(b.CallsInProgress).ToContainTextAsync("No call right now.");

        // Second: consult B and cancel before B answers; A talks to the caller again.
        var second = await AnsweredAsync(a, SecondCaller, $"{SecondCallerName} · {SecondCaller}");
        await ConsultBAsync(a, second);
        await Expect(b.IncomingPopup).ToBeVisibleAsync();

        await a.ClickAsync("Cancel consultation", a.Call(ColleagueB));

        await Expect(a.Call(ColleagueB)).ToHaveCountAsync(0);
        await Expect(second).ToContainTextAsync("Connected");
        await Expect(second).Not.ToContainTextAsync("Waiting for transfer");
        await Expect(a.Button("Hold", second)).ToBeEnabledAsync();
        await Expect(b.IncomingPopup).ToHaveCountAsync(0);
        await Expect(b.CallsInProgress).ToContainTextAsync("No call right now.");
        await a.ScreenshotAsync(Ui.TestName() + "_cancelled");

        await a.ClickAsync("Hang up", second);
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");
    }

    private async Task<ILocator> AnsweredAsync(Panel agent, string from, string title)
    {
        await server.Simulator.CallAsync(from, Demo.LineA);
        await agent.ClickAsync("Answer", agent.IncomingPopup);
        var call = agent.Call(title);
        await Expect(call).ToContainTextAsync("Connected");
        return call;
    }

    private static async Task ConsultBAsync(Panel agent, ILocator call)
    {
        await agent.ClickAsync("Transfer…", call);
        var form = call.GetByRole(AriaRole.Form, new() { Name = "Transfer" });
        await Expect(form.GetByRole(AriaRole.Radio, new() { Name = "Consult first" })).ToBeCheckedAsync();
        await form.GetByLabel("Colleague's line or number").FillAsync(Demo.LineB);
        await agent.ClickAsync("Consult", form);
        await Expect(agent.Call(ColleagueB)).ToContainTextAsync("Consultation");
    }
}
