namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>Where an <see cref="AmiConnection"/> stands. Changed in one place (<c>TransitionTo</c>), and every change is reported as an <see cref="AmiLinkChange"/>.</summary>
public enum AmiConnectionState
{
    /// <summary>Not connected: not yet started, disposed, or given up after Asterisk refused the login.</summary>
    Closed,

    /// <summary>The first connection and login are in progress.</summary>
    Connecting,

    /// <summary>Logged in: actions can be sent and events arrive.</summary>
    Open,

    /// <summary>The link was lost (or the first connect failed with retry on); trying again with backoff.</summary>
    Reconnecting,
}

/// <summary>A change of the link's state, with why. <see cref="IsUp"/> flips to true on each login and to false when the link is lost.</summary>
public sealed record AmiLinkChange(AmiConnectionState State, string Reason, Exception? Error = null)
{
    public bool IsUp => State == AmiConnectionState.Open;
}

/// <summary>
/// The answer to an action that Asterisk answers with an event list (<c>CoreShowChannels</c>, <c>Status</c>,
/// <c>QueueStatus</c>...): the response, the list's events in order, and the closing <c>...Complete</c> event
/// (null when the response was an error and no list followed).
/// </summary>
public sealed record AmiListResult(AmiMessage Response, IReadOnlyList<AmiMessage> Events, AmiMessage? Complete);
