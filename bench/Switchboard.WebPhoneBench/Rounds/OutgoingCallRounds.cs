using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Rig;
using Switchboard.WebPhoneBench.Probes;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhoneBench.Rounds;

/// <summary>What the outgoing rounds measured: INVITE sent to media flowing, and the click on Call to media flowing.</summary>
internal sealed record OutgoingSamples(IReadOnlyList<double> InviteToMediaMs, IReadOnlyList<double> ClickToMediaMs);

/// <summary>
/// Each round is a click-to-call from the panel to an outside number: Kamailio sends it to the trunk,
/// where SIPp answers at once and echoes the audio it gets, so media flows back to the browser. The
/// agent hangs up once media flows, and the next round starts when the call has left the panel.
/// </summary>
internal static class OutgoingCallRounds
{
    private const string Title = $"{Demo.DialledContactName} · {Demo.DialledContact}";

    public static async Task<OutgoingSamples> RunAsync(BenchPage bench, CancellationToken cancellationToken)
    {
        List<double> inviteToMedia = [];
        List<double> clickToMedia = [];
        var page = bench.Tab;
        for (var round = 1; round <= bench.Options.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            await using var party = await SippRun.StartAsync(bench.Rig, "answering-party.xml", new SippOptions { Service = Demo.DialledContact, LocalPort = bench.Rig.Ports.Trunk, SendsToProxy = false, EchoesMedia = true });
            var since = await WebPhoneMarks.NowAsync(page);
            await page.GetByLabel("Number or line").FillAsync(Demo.DialledContact);
            await page.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();

            var media = await WebPhoneMarks.WaitForAsync(page, "mediaFlowing", since, BenchPage.Limit);
            var marks = await WebPhoneMarks.ReadAsync(page);
            var click = marks.First(m => m.Name == "click" && m.At >= since);
            var invite = marks.First(m => m.Name == "inviteSent" && m.At >= since);
            inviteToMedia.Add(media.At - invite.At);
            clickToMedia.Add(media.At - click.At);
            bench.Say(FormattableString.Invariant($"outgoing {round}: INVITE to media {inviteToMedia[^1]:F0} ms, click to media {clickToMedia[^1]:F0} ms"));

            var call = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Title });
            await call.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();
            if (!await party.SucceedsAsync())
            {
                throw new InvalidOperationException($"Outgoing round {round}: the called party's SIPp failed.{Environment.NewLine}{party.Report()}");
            }

            await Expect(call).ToHaveCountAsync(0);
        }

        return new OutgoingSamples(inviteToMedia, clickToMedia);
    }
}
