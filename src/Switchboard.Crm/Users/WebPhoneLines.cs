using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Users;

/// <summary>
/// The lines of users whose phone style is <see cref="PhoneStyle.WebPhone"/>. Their browsers save their
/// calls (keyed by SIP Call-ID); the PBX link may still see those lines (on Asterisk the web phone is a
/// PJSIP endpoint like any other) and must neither save nor announce their calls, or each would be logged twice.
/// </summary>
public sealed class WebPhoneLines(IDbContextFactory<CrmDbContext> contexts)
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Of(db).OrderBy(n => n).ToListAsync(cancellationToken);
    }

    /// <summary>The same lines as a query, to be used inside another.</summary>
    internal static IQueryable<string> Of(CrmDbContext db) =>
        db.Lines.Where(l => l.User!.PhoneStyle == PhoneStyle.WebPhone).Select(l => l.Number);
}
