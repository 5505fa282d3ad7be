using Switchboard.WebPhone.Tests.Infrastructure;

namespace Switchboard.WebPhone.Tests;

/// <summary>The rig's registrar: digest authentication lets a phone with the right password in and keeps a wrong one out.</summary>
[Collection(SharedSipRig.Name)]
public sealed class RegistrarTests(SipRig rig)
{
    [Fact]
    public async Task A_phone_with_the_right_password_is_registered()
    {
        await using var phone = await SippRun.StartAsync(rig, "register.xml", new SippOptions { Service = "301", Credentials = rig.User("301") });

        Assert.True(await phone.SucceedsAsync(), phone.Report());
        var contacts = await rig.ContactsAsync("301", CancellationToken.None);
        Assert.Contains(contacts, c => c.Contains($"127.0.0.1:{phone.LocalPort}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_phone_with_a_wrong_password_is_challenged_again_and_not_registered()
    {
        var wrong = rig.User("302") with { Password = "not-the-password" };

        await using var phone = await SippRun.StartAsync(rig, "register-refused.xml", new SippOptions { Service = "302", Credentials = wrong });

        Assert.True(await phone.SucceedsAsync(), phone.Report());
        Assert.DoesNotContain(await rig.ContactsAsync("302", CancellationToken.None), c => c.Contains($"127.0.0.1:{phone.LocalPort}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_users_credentials_do_not_register_another_user()
    {
        await using var phone = await SippRun.StartAsync(rig, "register-refused.xml", new SippOptions { Service = "303", Credentials = rig.User("301") });

        Assert.True(await phone.SucceedsAsync(), phone.Report());
        Assert.Empty(await rig.ContactsAsync("303", CancellationToken.None));
    }
}
