namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>The base of every error the AMI client raises.</summary>
public class AmiException : Exception
{
    public AmiException()
    {
    }

    public AmiException(string message)
        : base(message)
    {
    }

    public AmiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Asterisk refused the login (<c>Response: Error</c>, <c>Message: Authentication failed</c>). Not retried: the same credentials would be refused again.</summary>
public sealed class AmiAuthenticationException : AmiException
{
    public AmiAuthenticationException()
    {
    }

    public AmiAuthenticationException(string message)
        : base(message)
    {
    }

    public AmiAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>No link to Asterisk could be made: the TCP connect, the banner or the login failed or took too long.</summary>
public class AmiConnectionException : AmiException
{
    public AmiConnectionException()
    {
    }

    public AmiConnectionException(string message)
        : base(message)
    {
    }

    public AmiConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The link went down (or was not up) while an action waited for its answer. The action may or may not have
/// been carried out by Asterisk; resync after the reconnection tells.
/// </summary>
public sealed class AmiConnectionLostException : AmiConnectionException
{
    public AmiConnectionLostException()
    {
    }

    public AmiConnectionLostException(string message)
        : base(message)
    {
    }

    public AmiConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An action got no answer within its timeout. The link stays up; a late answer is dropped.</summary>
public sealed class AmiActionTimeoutException : AmiException
{
    public AmiActionTimeoutException()
    {
    }

    public AmiActionTimeoutException(string message)
        : base(message)
    {
    }

    public AmiActionTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AmiActionTimeoutException(string action, string actionId, TimeSpan timeout)
        : base($"AMI action {action} (ActionID {actionId}) got no answer within {timeout.TotalSeconds:0.###} s.")
    {
        Action = action;
        ActionId = actionId;
        Timeout = timeout;
    }

    public string? Action { get; }

    public string? ActionId { get; }

    public TimeSpan Timeout { get; }
}

/// <summary>The server sent something that is not AMI where the protocol leaves no room for doubt (the banner).</summary>
public sealed class AmiProtocolException : AmiException
{
    public AmiProtocolException()
    {
    }

    public AmiProtocolException(string message)
        : base(message)
    {
    }

    public AmiProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
