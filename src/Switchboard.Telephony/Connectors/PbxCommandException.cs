namespace Switchboard.Telephony.Connectors;

/// <summary>The PBX could not carry out a command; the message says why in words a person understands.</summary>
public sealed class PbxCommandException : Exception
{
    public PbxCommandException()
    {
    }

    public PbxCommandException(string message)
        : base(message)
    {
    }

    public PbxCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
