using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Auth;

/// <summary>Checks a login and password against the stored hash.</summary>
public sealed class PasswordLogin(IDbContextFactory<CrmDbContext> contexts, UserDirectory directory)
{
    /// <summary>The user when the password is theirs; null for an unknown login or a wrong password alike.</summary>
    public async Task<CrmUser?> VerifyAsync(string login, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Login == login, cancellationToken);
        if (user is null)
        {
            UserPasswords.SpendVerificationTime(password);
            return null;
        }

        switch (UserPasswords.Verify(user, password))
        {
            case PasswordVerificationResult.Failed:
                return null;
            case PasswordVerificationResult.SuccessRehashNeeded:
                // The hash was made with older, weaker settings; the password is at hand to upgrade it.
                user.PasswordHash = UserPasswords.Hash(user, password);
                await db.SaveChangesAsync(cancellationToken);
                break;
        }

        return await directory.FindUserAsync(user.Id, cancellationToken);
    }
}
