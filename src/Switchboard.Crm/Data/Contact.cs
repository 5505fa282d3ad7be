namespace Switchboard.Crm.Data;

/// <summary>A person, optionally working for an account.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? AccountId { get; set; }
    public Account? Account { get; set; }
    public List<PhoneNumber> PhoneNumbers { get; set; } = [];
}
