namespace Switchboard.Crm.Data;

/// <summary>A company or organisation; contacts may belong to one.</summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public List<Contact> Contacts { get; set; } = [];
    public List<PhoneNumber> PhoneNumbers { get; set; } = [];
}
