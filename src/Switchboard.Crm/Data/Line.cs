namespace Switchboard.Crm.Data;

/// <summary>An extension or device on the PBX (e.g. "101") and the user who owns it.</summary>
public sealed class Line
{
    public required string Number { get; set; }
    public Guid UserId { get; set; }
    public User? User { get; set; }
}
