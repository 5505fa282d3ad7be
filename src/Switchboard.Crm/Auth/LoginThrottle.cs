using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.Crm.Auth;

/// <summary>
/// Slows down password guessing without letting a guesser lock anyone else out. Within
/// <see cref="AuthOptions.LockoutWindow"/>:
/// <list type="bullet">
/// <item>an address with <see cref="AuthOptions.MaxFailedLogins"/> failures, for any logins, is
/// refused for every login until the window has passed since the first of them;</item>
/// <item>a login with that many failures, from any addresses, is under attack: from then on it is
/// refused only to the addresses that have failed for it themselves (until their last failure for
/// it is a window old, or the attack is), so each further address gets one guess at most, while
/// its owner, at an address with no failure for it, still signs in with the right password.</item>
/// </list>
/// A success forgets its address's failures for that login, not the address's others (one good
/// account must not unlock guessing at others from the same place) nor the login's (the attack
/// may go on). Addresses are the client's as ASP.NET Core sees it: behind a reverse proxy, only
/// with the forwarded headers of a configured proxy (README, "Behind a reverse proxy"). Kept in
/// memory, per process; time from the injected clock.
/// </summary>
internal sealed class LoginThrottle
{
    // Past this many tracked keys, expired ones are swept out (at most once per window).
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, FailureLog> _logs = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _maxFailures;
    private readonly TimeSpan _window;
    private long _nextSweepTicks;

    public LoginThrottle(IOptions<AuthOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = new AuthOptions();
        _maxFailures = options.Value.MaxFailedLogins > 0 ? options.Value.MaxFailedLogins : defaults.MaxFailedLogins;
        _window = options.Value.LockoutWindow > TimeSpan.Zero ? options.Value.LockoutWindow : defaults.LockoutWindow;
        _time = time;
    }

    /// <summary>How long the caller must wait before trying again; null when they may try now.</summary>
    public TimeSpan? RetryAfter(string login, IPAddress? address)
    {
        var now = _time.GetUtcNow();
        var wait = address is null ? null : LockedFor(AddressKey(address), now);
        if (LockedFor(LoginKey(login), now) is { } attacked)
        {
            // Without an address nobody can tell the owner from the guesser: refused while it lasts.
            var own = address is null ? attacked : FailedLately(PairKey(login, address), now);
            if (own is { } ownWait)
            {
                wait = Longest(wait, ownWait < attacked ? ownWait : attacked);
            }
        }

        return wait;
    }

    public void Failed(string login, IPAddress? address)
    {
        var now = _time.GetUtcNow();
        Record(LoginKey(login), now);
        if (address is not null)
        {
            Record(AddressKey(address), now);
            Record(PairKey(login, address), now);
        }

        SweepIfLarge(now);
    }

    public void Succeeded(string login, IPAddress? address)
    {
        if (address is not null)
        {
            _logs.TryRemove(PairKey(login, address), out _);
        }
    }

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private TimeSpan? FailedLately(string key, DateTimeOffset now) =>
        _logs.TryGetValue(key, out var log) ? log.RecentFor(now, _window) : null;

    private TimeSpan? LockedFor(string key, DateTimeOffset now) =>
        _logs.TryGetValue(key, out var log) ? log.LockedFor(now, _maxFailures, _window) : null;

    private void Record(string key, DateTimeOffset now)
    {
        while (true)
        {
            var log = _logs.GetOrAdd(key, _ => new FailureLog());
            if (log.TryAdd(now, _maxFailures))
            {
                return;
            }

            // Swept away between the lookup and the add: take the new one.
        }
    }

    private void SweepIfLarge(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (_logs.Count < SweepThreshold || now.UtcTicks < next
            || Interlocked.CompareExchange(ref _nextSweepTicks, (now + _window).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var (key, log) in _logs)
        {
            if (log.TryRetire(now - _window))
            {
                _logs.TryRemove(KeyValuePair.Create(key, log));
            }
        }
    }

    private static string LoginKey(string login) => "login:" + login.Trim().ToUpperInvariant();

    private static string AddressKey(IPAddress address) => "address:" + Normal(address);

    // An address holds no '/', so the address first keeps every pair's key apart.
    private static string PairKey(string login, IPAddress address) =>
        "pair:" + Normal(address) + "/" + login.Trim().ToUpperInvariant();

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>The most recent failures of one key, at most as many as lock it.</summary>
    private sealed class FailureLog
    {
        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset> _failures = new();
        private bool _retired;

        public bool TryAdd(DateTimeOffset at, int keep)
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return false;
                }

                _failures.Enqueue(at);
                while (_failures.Count > keep)
                {
                    _failures.Dequeue();
                }

                return true;
            }
        }

        /// <summary>Locked while the oldest of the last <paramref name="max"/> failures is within the window.</summary>
        public TimeSpan? LockedFor(DateTimeOffset now, int max, TimeSpan window)
        {
            lock (_gate)
            {
                if (_failures.Count < max)
                {
                    return null;
                }

                var until = _failures.Peek() + window;
                return until > now ? until - now : null;
            }
        }

        /// <summary>While the newest failure is within the window: how long until it is not.</summary>
        public TimeSpan? RecentFor(DateTimeOffset now, TimeSpan window)
        {
            lock (_gate)
            {
                if (_failures.Count == 0)
                {
                    return null;
                }

                var until = _failures.Last() + window;
                return until > now ? until - now : null;
            }
        }

        /// <summary>Marks the log retired when its newest failure is older than <paramref name="horizon"/>.</summary>
        public bool TryRetire(DateTimeOffset horizon)
        {
            lock (_gate)
            {
                _retired = _failures.Count == 0 || _failures.Last() <= horizon;
                return _retired;
            }
        }
    }
}
