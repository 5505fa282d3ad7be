using Microsoft.AspNetCore.SignalR;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.Sessions;

/// <summary>An open hub connection and the sign-in it was opened with.</summary>
public sealed class LiveConnection(HubCallerContext context, SignedIn signedIn)
{
    private volatile bool _ended;

    public HubCallerContext Context { get; } = context;

    public SignedIn SignedIn { get; } = signedIn;

    public MessagingUser User => SignedIn.User;

    /// <summary>Set when the connection's session ended or its user changed: its commands are refused while it closes.</summary>
    public bool Ended => _ended;

    public void End() => _ended = true;
}
