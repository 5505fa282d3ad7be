using Switchboard.WebPhone.Tests.Infrastructure;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Kamailio stopped and started again, as the web phone's reconnection tests need: while it is down
/// nobody registers; once up again, with the registrations it kept in memory gone, a phone registers
/// anew and takes the next call.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class KamailioRestartTests(SipRig rig)
{
    [Fact]
    public async Task After_a_restart_the_registrations_are_gone_a_phone_registers_again_and_takes_a_call()
    {
        var port = RigPorts.FreeUdpPort();
        await using (var before = await SippRun.StartAsync(rig, "register.xml", new SippOptions { Service = "301", Credentials = rig.User("301"), LocalPort = port }))
        {
            Assert.True(await before.SucceedsAsync(), before.Report());
        }

        await rig.StopKamailioAsync();
        try
        {
            await using var whileDown = await SippRun.StartAsync(rig, "register.xml", new SippOptions { Service = "301", Credentials = rig.User("301"), Timeout = TimeSpan.FromSeconds(3) });
            Assert.False(await whileDown.SucceedsAsync(), "a REGISTER succeeded while Kamailio was stopped");
        }
        finally
        {
            await rig.StartKamailioAsync();
        }

        Assert.Empty(await rig.ContactsAsync("301", CancellationToken.None));
        await using (var after = await SippRun.StartAsync(rig, "register.xml", new SippOptions { Service = "301", Credentials = rig.User("301"), LocalPort = port }))
        {
            Assert.True(await after.SucceedsAsync(), after.Report());
        }

        await using var phone = await SippRun.StartAsync(rig, "answering-party.xml", new SippOptions { Service = "301", LocalPort = port, SendsToProxy = false, EchoesMedia = true });
        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = "301", Hold = TimeSpan.FromSeconds(1) });
        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.True(await phone.SucceedsAsync(), phone.Report());
    }
}
