namespace Switchboard.Crm.Data;

/// <summary>A group of users with a supervisor, who reads the calls its members handled.</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public List<User> Members { get; set; } = [];
}
