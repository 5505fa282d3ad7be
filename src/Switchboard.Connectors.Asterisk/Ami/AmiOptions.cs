using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// How to reach and log in to the Asterisk Manager Interface, and how hard to try. <see cref="Secret"/> is
/// never logged and is left out of <see cref="ToString"/>.
/// </summary>
public sealed record AmiOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5038;

    public string Username { get; init; } = "";

    public string Secret { get; init; } = "";

    /// <summary>Log in with <c>Action: Challenge</c> and an MD5 key instead of sending the secret.</summary>
    public bool UseMd5Challenge { get; init; }

    /// <summary>The TCP connect, the banner and the login together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an action waits for its response (a list action: for the list's last event).</summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A <c>Ping</c> is sent this often; zero or <see cref="Timeout.InfiniteTimeSpan"/> turns keep-alive off.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The link is declared dead when a Ping gets no answer and nothing at all arrives for this long.</summary>
    public TimeSpan DeadLinkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnection waits up to this long (full jitter); the ceiling doubles on each failure.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The ceiling of the reconnection delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A frame longer than this is skipped as it streams past.</summary>
    public int MaxFrameBytes { get; init; } = AmiFrameReader.DefaultMaxFrameBytes;

    /// <summary>The events to make into messages (see <see cref="AmiEventFilter"/>); null: every event. Set this or <see cref="EventFilter"/>.</summary>
    public IReadOnlyCollection<string>? Events { get; init; }

    /// <summary>
    /// The events to make into messages, with conditions on the value of a key (<see cref="AmiEventCondition"/>:
    /// <c>VarSet</c> only for some variables); null: <see cref="Events"/> decides. Set this or <see cref="Events"/>.
    /// </summary>
    public AmiEventFilter? EventFilter { get; init; }

    /// <summary>When the first <see cref="AmiConnection.ConnectAsync"/> cannot reach Asterisk, keep trying with backoff instead of throwing.</summary>
    public bool RetryInitialConnect { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder("AmiOptions { ");
        text.Append("Host = ").Append(Host)
            .Append(", Port = ").Append(Port)
            .Append(", Username = ").Append(Username)
            .Append(", Secret = ").Append(Secret.Length == 0 ? "(none)" : "(set)")
            .Append(", UseMd5Challenge = ").Append(UseMd5Challenge)
            .Append(", ConnectTimeout = ").Append(ConnectTimeout)
            .Append(", ActionTimeout = ").Append(ActionTimeout)
            .Append(", PingInterval = ").Append(PingInterval)
            .Append(", DeadLinkTimeout = ").Append(DeadLinkTimeout)
            .Append(", ReconnectMinDelay = ").Append(ReconnectMinDelay)
            .Append(", ReconnectMaxDelay = ").Append(ReconnectMaxDelay)
            .Append(", MaxFrameBytes = ").Append(MaxFrameBytes)
            .Append(", Events = ").Append(Events is null ? "(all)" : string.Join(',', Events))
            .Append(", EventFilter = ").Append(EventFilter is null ? "(none)" : EventFilter.ToString())
            .Append(", RetryInitialConnect = ").Append(RetryInitialConnect)
            .Append(" }");
        return text.ToString();
    }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentException.ThrowIfNullOrEmpty(Username, nameof(Username));
        ArgumentNullException.ThrowIfNull(Secret, nameof(Secret));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ActionTimeout, TimeSpan.Zero, nameof(ActionTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DeadLinkTimeout, TimeSpan.Zero, nameof(DeadLinkTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMinDelay, TimeSpan.Zero, nameof(ReconnectMinDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectMinDelay, nameof(ReconnectMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 1024, nameof(MaxFrameBytes));
        if (Events is not null && EventFilter is not null)
        {
            throw new ArgumentException("Set Events or EventFilter, not both.", nameof(EventFilter));
        }
    }
}
