using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm.Auth;

namespace Switchboard.Crm.Tests.Auth;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Office = IPAddress.Parse("10.0.0.7");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));

    private LoginThrottle Throttle(int max = 3, string window = "00:05:00") =>
        new(Options.Create(new AuthOptions { MaxFailedLogins = max, LockoutWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) }), _time);

    [Fact]
    public void The_limit_th_failure_locks_for_the_whole_window()
    {
        var throttle = Throttle();
        throttle.Failed("anna", Office);
        throttle.Failed("anna", Office);
        Assert.Null(throttle.RetryAfter("anna", Office));

        throttle.Failed("anna", Office);

        Assert.Equal(TimeSpan.FromMinutes(5), throttle.RetryAfter("anna", null));
        Assert.Equal(TimeSpan.FromMinutes(5), throttle.RetryAfter("boris", Office));
    }

    [Fact]
    public void Failures_older_than_the_window_no_longer_count()
    {
        var throttle = Throttle();
        throttle.Failed("anna", null);
        throttle.Failed("anna", null);
        _time.Advance(TimeSpan.FromMinutes(5));

        throttle.Failed("anna", null);
        throttle.Failed("anna", null);

        Assert.Null(throttle.RetryAfter("anna", null));
        throttle.Failed("anna", null);
        Assert.Equal(TimeSpan.FromMinutes(5), throttle.RetryAfter("anna", null));
    }

    [Fact]
    public void An_ipv4_address_seen_as_ipv6_is_the_same_address()
    {
        var throttle = Throttle(max: 1);

        throttle.Failed("anna", Office.MapToIPv6());

        Assert.NotNull(throttle.RetryAfter("boris", Office));
    }

    [Fact]
    public void A_success_clears_its_addresss_failures_for_the_login_but_not_the_addresss_others()
    {
        var throttle = Throttle(max: 2);
        throttle.Failed("anna", Office);
        throttle.Failed("boris", Office);

        throttle.Succeeded("anna", Office);

        Assert.NotNull(throttle.RetryAfter("carl", Office));
        Assert.Null(throttle.RetryAfter("anna", IPAddress.Loopback));
    }

    [Fact]
    public void A_login_under_attack_waits_for_the_addresses_that_failed_for_it_and_not_for_others()
    {
        var throttle = Throttle();
        throttle.Failed("anna", Guesser(1));
        _time.Advance(TimeSpan.FromMinutes(2));
        throttle.Failed("anna", Guesser(2));
        throttle.Failed("anna", Guesser(3));
        throttle.Failed("anna", Guesser(4));

        Assert.Null(throttle.RetryAfter("anna", Office));
        Assert.Null(throttle.RetryAfter("boris", Guesser(1)));

        // Each waits until its own last failure for anna is a window old (or the attack is over).
        Assert.Equal(TimeSpan.FromMinutes(3), throttle.RetryAfter("anna", Guesser(1)));
        Assert.Equal(TimeSpan.FromMinutes(5), throttle.RetryAfter("anna", Guesser(4)));
    }

    [Fact]
    public void The_attack_on_a_login_ends_when_its_failures_leave_the_window()
    {
        var throttle = Throttle();
        throttle.Failed("anna", Guesser(1));
        throttle.Failed("anna", Guesser(2));
        _time.Advance(TimeSpan.FromMinutes(2));
        throttle.Failed("anna", Guesser(3));
        throttle.Failed("anna", Guesser(2));

        // Guesser 2 failed again just now, but the attack (3 failures in the window) ends in three minutes.
        Assert.Equal(TimeSpan.FromMinutes(3), throttle.RetryAfter("anna", Guesser(2)));
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(throttle.RetryAfter("anna", Guesser(2)));
    }

    private static IPAddress Guesser(byte n) => new([192, 0, 2, n]);

    [Fact]
    public void Settings_below_one_mean_the_defaults()
    {
        var throttle = Throttle(max: 0, window: "00:00:00");
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("anna", null);
        }

        Assert.Null(throttle.RetryAfter("anna", null));
        throttle.Failed("anna", null);
        Assert.Equal(new AuthOptions().LockoutWindow, throttle.RetryAfter("anna", null));
    }
}
