namespace Switchboard.Messaging.Ports;

/// <summary>The CRM refused a save as malformed: retrying the same save cannot succeed.</summary>
public sealed class CallSaveRefusedException : Exception
{
    public CallSaveRefusedException()
        : base("The CRM refused the save.")
    {
    }

    public CallSaveRefusedException(string message)
        : base(message)
    {
    }

    public CallSaveRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
