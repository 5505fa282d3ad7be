namespace Switchboard.Messaging.Hub;

/// <summary>A client command that was refused before it reached the PBX; nothing was changed.</summary>
public sealed class CommandRefusedException : Exception
{
    public CommandRefusedException()
        : this("refused", "The command was refused.")
    {
    }

    public CommandRefusedException(string message)
        : this("refused", message)
    {
    }

    public CommandRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "refused";
    }

    public CommandRefusedException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
