using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.SipAccounts;

/// <summary>
/// Users' web-phone accounts. The password and the STUN/TURN servers (whose TURN credentials are
/// as secret) are encrypted with Data Protection before they are stored and decrypted with their
/// secrets only for the owner (<see cref="FindForOwnerAsync"/>); administrators set them but never
/// read a secret back.
/// </summary>
public sealed class SipAccountStore(IDbContextFactory<CrmDbContext> contexts, IDataProtectionProvider protection, IEnumerable<Auth.ISessionChangeListener> listeners)
{
    // A purpose string of its own: a value protected for anything else cannot be read as a SIP password.
    private readonly IDataProtector _passwords = protection.CreateProtector("Switchboard.Crm.SipAccounts.Password.v1");
    private readonly IDataProtector _iceServers = protection.CreateProtector("Switchboard.Crm.SipAccounts.IceServers.v1");

    /// <summary>Creates or replaces the user's account; false when there is no such user.</summary>
    public async Task<bool> SetAsync(Guid userId, SipAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return false;
        }

        var account = await db.SipAccounts.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (account is null)
        {
            account = new SipAccount { UserId = userId, Address = "", AuthUser = "", ProtectedPassword = "", WebSocketUrl = "" };
            db.SipAccounts.Add(account);
        }

        account.Address = input.Address;
        account.AuthUser = input.AuthUser;
        account.ProtectedPassword = _passwords.Protect(input.Password);
        account.WebSocketUrl = input.WebSocketUrl;
        account.DisplayName = input.DisplayName;
        account.DtmfTransport = input.DtmfTransport;
        account.ProtectedIceServers = input.IceServers.Count == 0 ? null : _iceServers.Protect(JsonSerializer.Serialize(input.IceServers));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes the user's account and puts them back on the third-party phone style; false when they had none.</summary>
    public async Task<bool> RemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The user's row first, as PhoneStyles does: a web phone set meanwhile waits, then finds no account.
        await PhoneStyles.LockUserAsync(db, userId, cancellationToken);
        if (await db.SipAccounts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneStyle, PhoneStyle.ThirdParty), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The user's phone style changed with it: the judge forgets the user it kept.
        foreach (var listener in listeners)
        {
            listener.SessionsChanged();
        }

        return true;
    }

    /// <summary>The account as an administrator sees it: everything but the password and the TURN credentials.</summary>
    public async Task<SipAccountSummary?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.SipAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        return account is null
            ? null
            : new SipAccountSummary(
                account.Address,
                account.AuthUser,
                account.WebSocketUrl,
                account.DisplayName,
                account.DtmfTransport,
                [.. IceServersOf(account).Select(s => new IceServerSummary(s.Urls, s.Username, s.Credential is not null))]);
    }

    /// <summary>The account with its password and TURN credentials, for its owner's browser only.</summary>
    public async Task<OwnSipAccount?> FindForOwnerAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.SipAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == ownerId, cancellationToken);
        return account is null
            ? null
            : new OwnSipAccount(
                account.Address,
                account.AuthUser,
                _passwords.Unprotect(account.ProtectedPassword),
                account.WebSocketUrl,
                account.DisplayName,
                account.DtmfTransport,
                IceServersOf(account));
    }

    private List<IceServer> IceServersOf(SipAccount account) =>
        account.ProtectedIceServers is { } stored ? JsonSerializer.Deserialize<List<IceServer>>(_iceServers.Unprotect(stored)) ?? [] : [];
}

/// <summary>A web-phone account to store, checked (<see cref="SipAccountInput.Check"/>).</summary>
public sealed record SipAccountInput(string Address, string AuthUser, string Password, string WebSocketUrl, string? DisplayName, DtmfTransport DtmfTransport, IReadOnlyList<IceServer> IceServers)
{
    /// <summary>The account, or the problems with each field.</summary>
    public static (SipAccountInput? Input, Dictionary<string, string[]> Errors) Check(SipAccountRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        var address = request?.Address?.Trim();
        if (address is null || address.Length > 255 || !(address.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || address.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
            || address.Length < 6 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors["address"] = ["A SIP address such as sip:101@pbx.example.org."];
        }

        var authUser = request?.AuthUser?.Trim();
        if (string.IsNullOrEmpty(authUser) || authUser.Length > 100 || authUser.Any(char.IsControl))
        {
            errors["authUser"] = ["The user name the SIP server authenticates, up to 100 characters."];
        }

        if (string.IsNullOrEmpty(request?.Password) || request.Password.Length > 128)
        {
            errors["password"] = ["The SIP password, 1 to 128 characters."];
        }

        var url = request?.WebSocketUrl?.Trim();
        if (url is null || url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            errors["webSocketUrl"] = ["The SIP server's WebSocket, ws:// or wss://, e.g. wss://pbx.example.org:8089/ws."];
        }

        var displayName = string.IsNullOrWhiteSpace(request?.DisplayName) ? null : request.DisplayName.Trim();
        if (displayName is not null && (displayName.Length > 200 || displayName.Any(char.IsControl)))
        {
            errors["displayName"] = ["One line of at most 200 characters."];
        }

        var (iceServers, iceProblem) = IceServerRules.Check(request?.IceServers);
        if (iceProblem is not null)
        {
            errors["iceServers"] = [iceProblem];
        }

        if (request?.DtmfTransport is { } dtmf && !Enum.IsDefined(dtmf))
        {
            errors["dtmfTransport"] = ["rfc4733 (in the media, the default) or info (SIP INFO)."];
        }

        return errors.Count == 0
            ? (new SipAccountInput(address!, authUser!, request!.Password!, url!, displayName, request.DtmfTransport ?? DtmfTransport.Rfc4733, iceServers), errors)
            : (null, errors);
    }
}

/// <summary>The body of <c>PUT /api/users/{id}/sip-account</c>; DTMF goes in the media and no ICE server is used when they are left out.</summary>
public sealed record SipAccountRequest(
    string? Address,
    string? AuthUser,
    string? Password,
    string? WebSocketUrl,
    string? DisplayName,
    DtmfTransport? DtmfTransport = null,
    IReadOnlyList<IceServerRequest?>? IceServers = null);

/// <summary>An account as administrators read it back: no password, no TURN credential.</summary>
public sealed record SipAccountSummary(string Address, string AuthUser, string WebSocketUrl, string? DisplayName, DtmfTransport DtmfTransport, IReadOnlyList<IceServerSummary> IceServers);

/// <summary>An account as its owner's browser gets it, to register the web phone.</summary>
public sealed record OwnSipAccount(string Address, string AuthUser, string Password, string WebSocketUrl, string? DisplayName, DtmfTransport DtmfTransport, IReadOnlyList<IceServer> IceServers);
