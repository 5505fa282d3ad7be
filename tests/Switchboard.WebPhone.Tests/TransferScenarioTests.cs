using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Transfers between three agents' browsers: the supervisor (103) calls agent1 (101), who hands the
/// call on to agent2 (102) blind (REFER) or after consulting (REFER with Replaces), or cancels the
/// consultation and goes back to the supervisor.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class TransferScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private IPage _supervisor = null!;
    private IPage _a = null!;
    private IPage _b = null!;

    public async Task InitializeAsync()
    {
        await server.UseRigAsync(rig);
        _supervisor = await browser.OpenPanelAsync(server, Demo.Supervisor);
        _a = await browser.OpenPanelAsync(server, Demo.AgentA);
        _b = await browser.OpenPanelAsync(server, Demo.AgentB);
        foreach (var line in new[] { Demo.SupervisorLine, Demo.LineA, Demo.LineB })
        {
            await rig.WaitForContactsAsync(line, 1, Limit);
        }
    }

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        foreach (var line in new[] { Demo.SupervisorLine, Demo.LineA, Demo.LineB })
        {
            await rig.WaitForContactsAsync(line, 0, Limit);
        }
    }

    [Fact]
    public async Task A_blind_transfer_hands_the_supervisors_call_from_agent1_to_agent2()
    {
        var before = await CallLog.IdsAsync(_a);
        var call = await SupervisorCallsAgentAAsync();
        await OpenTransferAsync(call, "Blind", Demo.LineB, "Transfer");

        await AnswerAsync(_b);
        await Expect(CallOn(_b)).ToContainTextAsync("Connected");
        await Expect(CallOn(_supervisor)).ToContainTextAsync(Demo.LineB);
        await Expect(CallOn(_supervisor)).ToContainTextAsync("Connected");
        await Expect(Calls(_a)).ToContainTextAsync("No call right now.");
        await Screenshots.TakeAsync(_b);
        await HangUpEverywhereAsync();

        var agentARows = (await CallLog.NewEndedAsync(_a, before, Limit)).Where(r => r.Line == Demo.LineA);
        Assert.Equal("transferred", Assert.Single(agentARows).EndReason);
    }

    [Fact]
    public async Task A_consultative_transfer_completed_joins_the_supervisor_and_agent2()
    {
        var call = await SupervisorCallsAgentAAsync();
        await OpenTransferAsync(call, "Consult first", Demo.LineB, "Consult");
        await AnswerAsync(_b);
        var consultation = _a.GetByRole(AriaRole.Article).Filter(new() { HasTextString = "Consultation" });
        await Expect(consultation).ToContainTextAsync("Connected");
        await Screenshots.TakeAsync(_a, "_consulting");

        await consultation.GetByRole(AriaRole.Button, new() { Name = "Complete transfer", Exact = true }).ClickAsync();
        await Expect(Calls(_a)).ToContainTextAsync("No call right now.");
        await Expect(CallOn(_supervisor)).ToContainTextAsync(Demo.LineB);
        await Expect(CallOn(_b)).ToContainTextAsync(Demo.SupervisorLine);
        await Expect(CallOn(_b)).ToContainTextAsync("Connected");
        await Screenshots.TakeAsync(_b);
        await HangUpEverywhereAsync();
    }

    [Fact]
    public async Task A_consultation_cancelled_brings_agent1_back_to_the_supervisor()
    {
        var call = await SupervisorCallsAgentAAsync();
        await OpenTransferAsync(call, "Consult first", Demo.LineB, "Consult");
        await AnswerAsync(_b);
        var consultation = _a.GetByRole(AriaRole.Article).Filter(new() { HasTextString = "Consultation" });
        await Expect(consultation).ToContainTextAsync("Connected");

        await consultation.GetByRole(AriaRole.Button, new() { Name = "Cancel consultation", Exact = true }).ClickAsync();
        await Expect(Calls(_b)).ToContainTextAsync("No call right now.");
        await Expect(CallOn(_a)).ToHaveCountAsync(1);
        await Expect(CallOn(_a)).ToContainTextAsync("Connected");
        await Expect(CallOn(_supervisor)).ToContainTextAsync(Demo.LineA);
        await Expect(CallOn(_supervisor)).ToContainTextAsync("Connected");
        await Screenshots.TakeAsync(_a);
        await HangUpEverywhereAsync();
    }

    private static ILocator Calls(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Calls in progress" });

    private static ILocator CallOn(IPage page) => Calls(page).GetByRole(AriaRole.Article);

    private static async Task AnswerAsync(IPage page) =>
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" }).GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

    /// <summary>The supervisor calls line 101; agent1 answers. Returns agent1's call card.</summary>
    private async Task<ILocator> SupervisorCallsAgentAAsync()
    {
        await _supervisor.GetByLabel("Number or line").FillAsync(Demo.LineA);
        await _supervisor.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        await AnswerAsync(_a);
        var call = CallOn(_a);
        await Expect(call).ToContainTextAsync("Connected");
        await Expect(CallOn(_supervisor)).ToContainTextAsync("Connected");
        return call;
    }

    private static async Task OpenTransferAsync(ILocator call, string kind, string target, string submit)
    {
        await call.GetByRole(AriaRole.Button, new() { Name = "Transfer…" }).ClickAsync();
        var form = call.GetByRole(AriaRole.Form, new() { Name = "Transfer" });
        await form.GetByLabel(kind).CheckAsync();
        await form.GetByLabel("Colleague's line or number").FillAsync(target);
        await form.GetByRole(AriaRole.Button, new() { Name = submit, Exact = true }).ClickAsync();
    }

    private async Task HangUpEverywhereAsync()
    {
        foreach (var page in new[] { _supervisor, _a, _b })
        {
            if (await CallOn(page).CountAsync() > 0)
            {
                await CallOn(page).First.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();
            }
        }

        foreach (var page in new[] { _supervisor, _a, _b })
        {
            await Expect(CallOn(page)).ToHaveCountAsync(0);
        }
    }
}
