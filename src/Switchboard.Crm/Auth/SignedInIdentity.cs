using System.Security.Claims;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Auth;

/// <summary>
/// The identity of a request whose token <see cref="SessionJudge"/> accepted: the token's claims,
/// with the role as stored now, and the user as read for the judgement, so that endpoints need
/// not read them again.
/// </summary>
public sealed class SignedInIdentity : ClaimsIdentity
{
    public SignedInIdentity(CrmUser user, SessionKey session, string authenticationType)
        : base(
            [
                new Claim(CrmClaims.UserId, user?.Id.ToString() ?? throw new ArgumentNullException(nameof(user))),
                new Claim(CrmClaims.Login, user.Login),
                new Claim(CrmClaims.Role, user.Role.ToString()),
                new Claim(CrmClaims.Stamp, session.Stamp),
                new Claim(CrmClaims.SessionId, session.SessionId.ToString()),
            ],
            authenticationType,
            CrmClaims.Login,
            CrmClaims.Role)
    {
        User = user;
        Session = session;
    }

    public CrmUser User { get; }

    public SessionKey Session { get; }
}
