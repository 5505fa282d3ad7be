using System.Security.Claims;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>The identity of a request whose token the CRM accepted, with the sign-in it answered.</summary>
public sealed class CrmSignInIdentity(SignedIn signedIn, string authenticationType) : ClaimsIdentity(
    [
        new Claim("sub", signedIn?.User.Id.ToString() ?? throw new ArgumentNullException(nameof(signedIn))),
        new Claim("name", signedIn.User.Login),
        new Claim("role", signedIn.User.Role.ToString()),
    ],
    authenticationType,
    "name",
    "role")
{
    public SignedIn SignedIn { get; } = signedIn;
}
