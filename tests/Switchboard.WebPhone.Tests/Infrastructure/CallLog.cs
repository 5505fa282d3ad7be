using System.Text.Json;
using Microsoft.Playwright;

namespace Switchboard.WebPhone.Tests.Infrastructure;

/// <summary>One row of the CRM's call log (GET /api/calls), with the fields the scenarios check.</summary>
public sealed record CallLogRow(
    string Id,
    string PbxCallId,
    string Line,
    string Direction,
    string CallerNumber,
    string CalleeNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    string? ContactName);

/// <summary>The call log as the signed-in agent of a page reads it through the CRM API.</summary>
public static class CallLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The rows whose SIP Call-ID is <paramref name="sipCallId"/> (the web phone keys its saves by it).</summary>
    public static async Task<IReadOnlyList<CallLogRow>> RowsAsync(IPage page, string sipCallId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. (await AllAsync(page)).Where(r => r.PbxCallId == sipCallId)];
    }

    // The newest page of the log is enough: each scenario makes a few calls.
    private static async Task<List<CallLogRow>> AllAsync(IPage page)
    {
        var body = await page.EvaluateAsync<string>("async () => await (await fetch('/api/calls?order=desc')).text()");
        return JsonSerializer.Deserialize<Page>(body, Json)?.Items ?? [];
    }

    /// <summary>The ids of all the rows the agent sees now, to tell a new call's row from older ones.</summary>
    public static async Task<IReadOnlySet<string>> IdsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (await AllAsync(page)).Select(r => r.Id).ToHashSet();
    }

    /// <summary>Waits until the rows that are not among <paramref name="before"/> have all ended, then returns them.</summary>
    public static async Task<IReadOnlyList<CallLogRow>> NewEndedAsync(IPage page, IReadOnlySet<string> before, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(before);
        using var timeout = new CancellationTokenSource(limit);
        var rows = (await AllAsync(page)).Where(r => !before.Contains(r.Id)).ToList();
        while (!(rows.Count > 0 && rows.All(r => r.EndedAt is not null && r.EndReason is not null)) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
            rows = [.. (await AllAsync(page)).Where(r => !before.Contains(r.Id))];
        }

        return rows;
    }

    /// <summary>Waits until the row of <paramref name="sipCallId"/> has ended (the phone saves the end after the call), then returns all its rows.</summary>
    public static async Task<IReadOnlyList<CallLogRow>> EndedAsync(IPage page, string sipCallId, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var rows = await RowsAsync(page, sipCallId);
        while (!(rows.Count > 0 && rows.All(r => r.EndedAt is not null && r.EndReason is not null)) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
            rows = await RowsAsync(page, sipCallId);
        }

        return rows;
    }

    private sealed record Page(List<CallLogRow> Items);
}
