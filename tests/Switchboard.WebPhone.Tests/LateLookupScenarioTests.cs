using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// The caller lookup answering after the call has started ringing (a busy CRM): the browser's
/// request to <c>/api/contacts/lookup</c> is held back until the test lets it through, so the ring
/// cannot have waited for it. The contact reaches the popup late, and the call's one row is linked,
/// also when the call ended before the lookup answered.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class LateLookupScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    // The number SIPp's outside caller calls from (Demo.KnownCaller in the national format).
    private const string CallerNumber = "84951234567";

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await rig.WaitForContactsAsync(Demo.LineA, 0, Limit);
    }

    [Fact]
    public async Task The_popup_rings_before_a_slow_lookup_answers_and_then_names_the_caller_whose_row_is_linked()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await rig.WaitForContactsAsync(Demo.LineA, 1, Limit);
        var lookups = await HoldLookupsAsync(page);

        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.LineA, Hold = TimeSpan.FromSeconds(2) });
        var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await Expect(popup).ToContainTextAsync(CallerNumber);
        await Expect(popup).Not.ToContainTextAsync(Demo.KnownCallerName);
        await Screenshots.TakeAsync(page, "_ringing_unknown");

        lookups.SetResult();
        await Expect(popup).ToContainTextAsync(Demo.KnownCallerName);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        var row = Assert.Single(await CallLog.EndedAsync(page, caller.CallId, Limit));
        Assert.Equal(("completed", Demo.KnownCallerName), (row.EndReason, row.ContactName));
    }

    [Fact]
    public async Task A_lookup_that_answers_after_the_caller_gave_up_links_the_missed_call()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await rig.WaitForContactsAsync(Demo.LineA, 1, Limit);
        var lookups = await HoldLookupsAsync(page);

        await using var caller = await SippRun.StartAsync(rig, "outside-caller-cancels.xml", new SippOptions { Service = Demo.LineA, Hold = TimeSpan.FromSeconds(1) });
        var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await Expect(popup).ToBeVisibleAsync();
        Assert.True(await caller.SucceedsAsync(), caller.Report());
        await Expect(popup).ToHaveCountAsync(0);
        var unlinked = Assert.Single(await CallLog.EndedAsync(page, caller.CallId, Limit));
        Assert.Equal(("missed", (string?)null), (unlinked.EndReason, unlinked.ContactName));

        lookups.SetResult();
        var linked = await LinkedAsync(page, caller.CallId);
        Assert.Equal(("missed", Demo.KnownCallerName), (linked.EndReason, linked.ContactName));
    }

    /// <summary>Holds every caller lookup of the page until the returned source is completed.</summary>
    private static async Task<TaskCompletionSource> HoldLookupsAsync(IPage page)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/contacts/lookup?**", async route =>
        {
            await release.Task.WaitAsync(Limit);
            await route.ContinueAsync();
        });
        return release;
    }

    private static async Task<CallLogRow> LinkedAsync(IPage page, string callId)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (true)
        {
            var row = Assert.Single(await CallLog.RowsAsync(page, callId));
            if (row.ContactName is not null || timeout.IsCancellationRequested)
            {
                return row;
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
