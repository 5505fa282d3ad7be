namespace Switchboard.Crm.Auth;

/// <summary>
/// Hears that sign-ins may have changed: a session ended, or a user was removed, disabled, or had
/// their login, role, password, lines or team changed. Whoever keeps connections open on a
/// session's behalf (the hub) judges them again; the CRM itself keeps none.
/// </summary>
public interface ISessionChangeListener
{
    /// <summary>Called after the change is saved; must return at once (queue the work).</summary>
    void SessionsChanged();
}
