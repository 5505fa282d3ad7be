namespace Switchboard.Crm.Contacts;

public enum PhoneKind
{
    Mobile,
    Work,
    Home,
    Other,
}
