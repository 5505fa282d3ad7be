namespace Switchboard.Crm.Users;

/// <summary>
/// What a user may see. The names are also the values of the token's role claim,
/// so <c>[Authorize(Roles = "Supervisor")]</c> reads them as they are.
/// </summary>
public enum UserRole
{
    Agent,
    Supervisor,
    Administrator,
}
