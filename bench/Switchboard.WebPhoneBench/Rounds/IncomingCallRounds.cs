using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Rig;
using Switchboard.WebPhoneBench.Probes;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhoneBench.Rounds;

/// <summary>
/// Each round is an outside caller (SIPp, playing audio) ringing the agent's line; the agent clicks
/// Answer in the pop-up, and the time runs from that click to media flowing. The caller hangs up
/// after a short hold, and the next round starts when the call has left the panel.
/// </summary>
internal static class IncomingCallRounds
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<double>> AnswerToMediaMsAsync(BenchPage bench, CancellationToken cancellationToken)
    {
        List<double> answerToMedia = [];
        var page = bench.Tab;
        for (var round = 1; round <= bench.Options.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            await using var caller = await SippRun.StartAsync(bench.Rig, "outside-caller.xml", new SippOptions { Service = BenchPage.Line, Hold = Hold });
            var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
            var answer = popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true });
            await Expect(answer).ToBeVisibleAsync();
            var since = await WebPhoneMarks.NowAsync(page);
            await answer.ClickAsync();

            var media = await WebPhoneMarks.WaitForAsync(page, "mediaFlowing", since, BenchPage.Limit);
            var click = (await WebPhoneMarks.ReadAsync(page)).First(m => m.Name == "click" && m.At >= since);
            answerToMedia.Add(media.At - click.At);
            bench.Say(FormattableString.Invariant($"incoming {round}: answer to media {answerToMedia[^1]:F0} ms"));

            if (!await caller.SucceedsAsync())
            {
                throw new InvalidOperationException($"Incoming round {round}: the caller's SIPp failed.{Environment.NewLine}{caller.Report()}");
            }

            await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Demo.KnownCallerName })).ToHaveCountAsync(0);
        }

        return answerToMedia;
    }
}
