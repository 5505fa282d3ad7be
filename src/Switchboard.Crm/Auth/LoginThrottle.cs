using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.Crm.Auth;

/// <summary>
/// Slows down password guessing: after <see cref="AuthOptions.MaxFailedLogins"/> failed logins for
/// one login, or from one client address, within <see cref="AuthOptions.LockoutWindow"/>, further
/// attempts are refused until the window has passed since the first of those failures. A success
/// clears its login's failures, not its address's: one good account must not unlock guessing at
/// others from the same place. Kept in memory, per process; time from the injected clock.
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
        var byLogin = LockedFor(LoginKey(login), now);
        var byAddress = address is null ? null : LockedFor(AddressKey(address), now);
        return (byLogin, byAddress) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => a > b ? a : b,
        };
    }

    public void Failed(string login, IPAddress? address)
    {
        var now = _time.GetUtcNow();
        Record(LoginKey(login), now);
        if (address is not null)
        {
            Record(AddressKey(address), now);
        }

        SweepIfLarge(now);
    }

    public void Succeeded(string login) => _logs.TryRemove(LoginKey(login), out _);

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

    private static string AddressKey(IPAddress address) =>
        "address:" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

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
