using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

public partial class BlindTransferTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    private const string Caller = Demo.KnownCaller;
    private const string CallTitle = $"{Demo.KnownCallerName} · {Caller}";

    [Fact]
    public async Task A_known_caller_pops_up_by_name_is_answered_held_resumed_and_transferred_to_b_and_the_calls_section_shows_both_legs()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await using var b = await browser.SignInAsync(server, Demo.AgentB);

        await server.Simulator.CallAsync(Caller, Demo.LineA);

        // The pop-up names the contact and the account before anyone answers.
        await Expect(a.IncomingPopup).ToBeVisibleAsync();
        await Expect(a.IncomingPopup).ToContainTextAsync(Caller);
        await Expect(a.IncomingPopup.GetByRole(AriaRole.Link, new() { Name = Demo.KnownCallerName })).ToBeVisibleAsync();
        await Expect(a.IncomingPopup.GetByRole(AriaRole.Link, new() { Name = Demo.KnownCallerAccount })).ToBeVisibleAsync();
        await a.ScreenshotAsync(Ui.TestName());

        await a.ClickAsync("Answer", a.IncomingPopup);
        await Expect(a.IncomingPopup).ToHaveCountAsync(0);
        var call = a.Call(CallTitle);
        await Expect(call).ToContainTextAsync("Connected");

        await a.ClickAsync("Hold", call);
        await Expect(call).ToContainTextAsync("On hold");
        await Expect(a.Button("Resume", call)).ToBeEnabledAsync();

        await a.ClickAsync("Resume", call);
        await Expect(call).ToContainTextAsync("Connected");

        await a.ClickAsync("Transfer…", call);
        var form = call.GetByRole(AriaRole.Form, new() { Name = "Transfer" });
        await form.GetByRole(AriaRole.Radio, new() { Name = "Blind" }).CheckAsync();
        await form.GetByLabel("Colleague's line or number").FillAsync(Demo.LineB);
        await Expect(form).ToContainTextAsync("Boris Ivanov (colleague)");
        await a.ClickAsync("Transfer", form);

        // A is free again; B's phone rings with the same caller, said to come from A's line.
        await Expect(call).ToHaveCountAsync(0);
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");
        await Expect(b.IncomingPopup).ToBeVisibleAsync();
        await Expect(b.IncomingPopup).ToContainTextAsync($"transferred from {Demo.LineA}");
        await Expect(b.IncomingPopup.GetByRole(AriaRole.Link, new() { Name = Demo.KnownCallerName })).ToBeVisibleAsync();

        await b.ClickAsync("Answer", b.IncomingPopup);
        var atB = b.Call(CallTitle);
        await Expect(atB).ToContainTextAsync("Connected");
        await Expect(atB).ToContainTextAsync($"Transferred from {Demo.LineA}");
        await b.ClickAsync("Hang up", atB);
        await Expect(atB).ToHaveCountAsync(0);

        // The supervisor's Calls section: A's leg (transferred) and B's (completed), each with a
        // duration and the contact.
        await using var supervisor = await browser.SignInAsync(server, Demo.Supervisor, "#/calls");
        await Expect(supervisor.Page.GetByRole(AriaRole.Heading, new() { Name = "Calls", Exact = true })).ToBeVisibleAsync();
        var rows = supervisor.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Caller });
        var legOfA = rows.Filter(new() { HasText = $"({Demo.LineA})" });
        var legOfB = rows.Filter(new() { HasText = $"({Demo.LineB})" });
        await Expect(legOfA).ToHaveCountAsync(1);
        await Expect(legOfB).ToHaveCountAsync(1);
        await ExpectLegAsync(legOfA, "Anna Petrova", "Transferred");
        await ExpectLegAsync(legOfB, "Boris Ivanov", "Completed");
        await supervisor.ScreenshotAsync(Ui.TestName() + "_calls");
    }

    private static async Task ExpectLegAsync(ILocator row, string agent, string result)
    {
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Incoming");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync(Demo.KnownCallerName);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync(Demo.KnownCallerAccount);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToContainTextAsync(agent);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync(Duration());
        await Expect(row.GetByRole(AriaRole.Cell).Nth(6)).ToHaveTextAsync(result);
    }

    [GeneratedRegex(@"^\d+:\d{2}$")]
    private static partial Regex Duration();
}
