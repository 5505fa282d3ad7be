using Switchboard.WebPhone.Tests.Infrastructure;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Calls through the rig without a browser: an outside caller reaches a registered phone through
/// Kamailio, rtpengine relays the media both ways, and a call to an outside number goes to the trunk.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class CallThroughRigTests(SipRig rig)
{
    private static readonly TimeSpan MediaLimit = TimeSpan.FromSeconds(10);

    /// <summary>Registers a SIPp phone as <paramref name="user"/> and leaves it answering one call on the port it registered from.</summary>
    private async Task<SippRun> RegisteredPhoneAsync(string user, string scenario = "answering-party.xml", bool echoesMedia = true)
    {
        var port = RigPorts.FreeUdpPort();
        await using (var registration = await SippRun.StartAsync(rig, "register.xml", new SippOptions { Service = user, Credentials = rig.User(user), LocalPort = port }))
        {
            Assert.True(await registration.SucceedsAsync(), registration.Report());
        }

        return await SippRun.StartAsync(rig, scenario, new SippOptions { Service = user, LocalPort = port, SendsToProxy = false, EchoesMedia = echoesMedia });
    }

    [Fact]
    public async Task An_outside_caller_reaches_a_registered_phone_and_rtpengine_relays_media_both_ways()
    {
        await using var phone = await RegisteredPhoneAsync("302");

        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = "302", Hold = TimeSpan.FromSeconds(4) });
        var legs = await WaitForMediaBothWaysAsync(caller.CallId);

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.True(await phone.SucceedsAsync(), phone.Report());
        Assert.Equal(2, legs.Count);
        Assert.All(legs, leg => Assert.True(leg.RtpPackets > 0, $"rtpengine received no RTP from {leg.Tag}"));
    }

    [Fact]
    public async Task A_call_to_a_user_who_is_not_registered_is_refused_with_480()
    {
        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = "104" });

        Assert.False(await caller.SucceedsAsync());
        Assert.Contains("480 Temporarily Unavailable", caller.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_to_an_outside_number_goes_to_the_trunk_where_a_busy_party_answers_486()
    {
        await using var trunk = await SippRun.StartAsync(rig, "busy.xml", new SippOptions { Service = "84957654321", LocalPort = rig.Ports.Trunk, SendsToProxy = false });

        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = "84957654321" });

        Assert.True(await trunk.SucceedsAsync(), trunk.Report());
        Assert.False(await caller.SucceedsAsync());
        Assert.Contains("486 Busy Here", caller.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_pressed_as_rfc_4733_telephone_events_is_relayed_and_reported_by_rtpengine()
    {
        // No echo: the phone would send the key back, and rtpengine would report it a second time.
        await using var phone = await RegisteredPhoneAsync("303", echoesMedia: false);

        await using var caller = await SippRun.StartAsync(rig, "outside-caller-dtmf.xml", new SippOptions { Service = "303", Hold = TimeSpan.FromSeconds(3) });

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.True(await phone.SucceedsAsync(), phone.Report());
        Assert.Equal("1", await rig.Dtmf.KeysAsync(caller.CallId, 1, MediaLimit));
    }

    [Fact]
    public async Task A_caller_who_gives_up_cancels_a_party_that_does_not_answer()
    {
        await using var trunk = await SippRun.StartAsync(rig, "not-answering.xml", new SippOptions { Service = "84951112233", LocalPort = rig.Ports.Trunk, SendsToProxy = false });

        await using var caller = await SippRun.StartAsync(rig, "outside-caller-cancels.xml", new SippOptions { Service = "84951112233", Hold = TimeSpan.FromSeconds(1) });

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.True(await trunk.SucceedsAsync(), trunk.Report());
    }

    [Fact]
    public async Task A_registered_phone_that_hangs_up_ends_the_call_for_the_caller()
    {
        await using var phone = await RegisteredPhoneAsync("302", "answering-party-hangs-up.xml");

        await using var caller = await SippRun.StartAsync(rig, "outside-caller-waits-for-bye.xml", new SippOptions { Service = "302" });

        Assert.True(await phone.SucceedsAsync(), phone.Report());
        Assert.True(await caller.SucceedsAsync(), caller.Report());
    }

    private async Task<IReadOnlyList<LegPackets>> WaitForMediaBothWaysAsync(string callId)
    {
        using var limit = new CancellationTokenSource(MediaLimit);
        IReadOnlyList<LegPackets> legs = [];
        while (!limit.IsCancellationRequested)
        {
            legs = await rig.Media.QueryAsync(callId, limit.Token);
            if (legs.Count == 2 && legs.All(l => l.RtpPackets > 0))
            {
                return legs;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return legs;
    }
}
