using Switchboard.Crm.Contacts;

namespace Switchboard.Crm.Data;

/// <summary>
/// One number of a contact or of an account (exactly one of the two is set).
/// Kept three ways: as typed, as E.164 for the exact match, and as reversed digits so that
/// "ends with these digits" becomes an indexed prefix search.
/// </summary>
public sealed class PhoneNumber
{
    public Guid Id { get; set; }
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid? AccountId { get; set; }
    public Account? Account { get; set; }
    public PhoneKind Kind { get; set; }
    public required string Raw { get; set; }
    public required string E164 { get; set; }
    public required string ReversedDigits { get; set; }
}
