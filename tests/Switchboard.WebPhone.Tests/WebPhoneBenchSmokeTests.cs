using System.Text.Json;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using Switchboard.WebPhoneBench;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Keeps the web phone's measuring tool (bench/Switchboard.WebPhoneBench) from rotting: one round of
/// each measurement on the tests' own rig, server and browser, checked by what it reports (every row,
/// one sample each), never by how fast.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class WebPhoneBenchSmokeTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await rig.WaitForContactsAsync(Demo.LineA, 0, Limit);
    }

    [Fact]
    public async Task One_round_reports_every_row_with_one_sample_as_markdown_and_json()
    {
        var options = new BenchOptions { Rounds = 1, Idle = TimeSpan.FromMilliseconds(200) };

        var report = await new WebPhoneBenchRun(rig, server, browser, options, TextWriter.Null).RunAsync(CancellationToken.None);

        Assert.Equal(WebPhoneBenchRun.RowKeys, report.Rows.Select(r => r.Key));
        Assert.All(report.Rows, row => Assert.Equal(1, row.Summary.Count));
        var table = report.ToMarkdown().Split('\n');
        Assert.All(report.Rows, row => Assert.Single(table, line => line.StartsWith($"| {row.What} | 1 | ", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(WebPhoneBenchRun.RowKeys, json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
    }

    [Fact]
    public void The_command_line_is_read_and_a_bad_argument_is_refused_with_its_name()
    {
        var options = BenchOptions.Parse(["--rounds", "5", "--idle", "0.5", "--json", "out.json"]);

        Assert.Equal((5, TimeSpan.FromSeconds(0.5), "out.json"), (options.Rounds, options.Idle, options.JsonFile));
        Assert.Contains("--rounds", Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--rounds", "0"])).Message, StringComparison.Ordinal);
        Assert.Contains("--warp", Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--warp"])).Message, StringComparison.Ordinal);
    }
}
