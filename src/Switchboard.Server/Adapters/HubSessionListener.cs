using Switchboard.Crm.Auth;
using Switchboard.Messaging.Sessions;

namespace Switchboard.Server.Adapters;

/// <summary>A logout or a change of users in the in-process CRM has the hub judge its open connections at once.</summary>
internal sealed class HubSessionListener(SessionWatch watch) : ISessionChangeListener
{
    public void SessionsChanged() => watch.Nudge();
}
