using Switchboard.Crm.Auth;
using Switchboard.Messaging.Routing;
using Switchboard.Messaging.Sessions;

namespace Switchboard.Server.Adapters;

/// <summary>
/// A logout or a change of users in the in-process CRM has the hub judge its open connections at once,
/// and the pump learn at once whose lines the browser saves now.
/// </summary>
internal sealed class HubSessionListener(SessionWatch watch, BrowserSavedLines browserSaved) : ISessionChangeListener
{
    public void SessionsChanged()
    {
        watch.Nudge();
        browserSaved.Nudge();
    }
}
