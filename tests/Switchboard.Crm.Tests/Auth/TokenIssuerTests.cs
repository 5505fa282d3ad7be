using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Tests.Auth;

public sealed class TokenIssuerTests : IDisposable
{
    private static readonly CrmUser Anna = new(Guid.NewGuid(), "agent1", "Anna Petrova", UserRole.Agent, ["101"]);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Services(Dictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKeyFile"] = _folder.File("switchboard.signing-key") })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return services.AddCrmAuthentication(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task An_issued_token_validates_and_carries_the_users_id_login_and_role()
    {
        using var services = Services();
        var issuer = services.GetRequiredService<TokenIssuer>();

        var token = issuer.Issue(Anna);
        var principal = await issuer.ValidateAsync(token.Token).WithTimeout();

        Assert.NotNull(principal);
        Assert.Equal(Anna.Id, principal.FindUserId());
        Assert.Equal("agent1", principal.Identity?.Name);
        Assert.True(principal.IsInRole("Agent"));
        Assert.False(principal.IsInRole("Supervisor"));
    }

    [Fact]
    public void A_token_lives_for_the_configured_lifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));
        using var services = Services(new() { ["Auth:TokenLifetime"] = "02:00:00" }, time);

        var token = services.GetRequiredService<TokenIssuer>().Issue(Anna);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 11, 0, 0, TimeSpan.Zero), token.ExpiresAt);
    }

    [Fact]
    public void The_default_lifetime_is_twelve_hours()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));
        using var services = Services(time: time);

        Assert.Equal(time.GetUtcNow().AddHours(12), services.GetRequiredService<TokenIssuer>().Issue(Anna).ExpiresAt);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-13));
        using var services = Services(time: past);
        var issuer = services.GetRequiredService<TokenIssuer>();

        Assert.Null(await issuer.ValidateAsync(issuer.Issue(Anna).Token).WithTimeout());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var ours = Services(new() { ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        using var theirs = Services(new() { ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

        var forged = theirs.GetRequiredService<TokenIssuer>().Issue(Anna with { Role = UserRole.Administrator });

        Assert.Null(await ours.GetRequiredService<TokenIssuer>().ValidateAsync(forged.Token).WithTimeout());
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        using var services = Services();
        var issuer = services.GetRequiredService<TokenIssuer>();
        var parts = issuer.Issue(Anna).Token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"Agent\"", "\"Administrator\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Null(await issuer.ValidateAsync(tampered).WithTimeout());
    }

    [Fact]
    public async Task A_generated_key_is_kept_so_tokens_survive_a_restart()
    {
        string token;
        using (var before = Services())
        {
            token = before.GetRequiredService<TokenIssuer>().Issue(Anna).Token;
        }

        using var after = Services();

        Assert.True(File.Exists(_folder.File("switchboard.signing-key")));
        Assert.NotNull(await after.GetRequiredService<TokenIssuer>().ValidateAsync(token).WithTimeout());
    }

    [Fact]
    public void A_generated_key_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has no Unix file modes; its folder permissions apply.
        }

        using var services = Services();
        services.GetRequiredService<TokenIssuer>().Issue(Anna);

        var mode = File.GetUnixFileMode(_folder.File("switchboard.signing-key"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void A_configured_key_is_used_instead_of_a_file()
    {
        using var services = Services(new() { ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) });

        services.GetRequiredService<TokenIssuer>().Issue(Anna);

        Assert.False(File.Exists(_folder.File("switchboard.signing-key")));
    }

    [Theory]
    [InlineData("c2hvcnQ=")] // "short"
    [InlineData("not base64 at all!")]
    public void A_configured_key_that_is_too_short_or_not_base64_is_refused_without_showing_it(string key)
    {
        using var services = Services(new() { ["Auth:SigningKey"] = key });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TokenIssuer>().Issue(Anna));

        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_claims_are_the_role_names_that_authorization_checks()
    {
        using var services = Services();
        var issuer = services.GetRequiredService<TokenIssuer>();

        foreach (var role in Enum.GetValues<UserRole>())
        {
            var principal = (await issuer.ValidateAsync(issuer.Issue(Anna with { Role = role }).Token).WithTimeout())!;
            Assert.Equal(role.ToString(), principal.FindFirstValue(CrmClaims.Role));
            Assert.True(principal.IsInRole(role.ToString()));
        }
    }
}
