using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Setup;

/// <summary>
/// Who can sign in to a CRM that starts with no users. Given <c>Setup:AdminPassword</c>, the first
/// administrator is created from it; without it nobody could sign in to create anyone, so a
/// production start refuses to go on, and another environment warns. Once there are users, the
/// setting is ignored: it never changes a password.
/// </summary>
internal static partial class FirstAdministrator
{
    private static readonly string HowTo =
        $"Give the first administrator's password in the environment, {SetupOptions.AdminPasswordEnvironmentVariable}='...' " +
        $"({UserInput.MinPasswordLength} to {UserInput.MaxPasswordLength} characters; the login is Setup__AdminLogin, 'admin' unless set), " +
        "and start again: it is used only while the CRM has no users.";

    public static async Task EnsureAsync(IServiceProvider services, CrmDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var setup = services.GetRequiredService<IConfiguration>().GetSection(SetupOptions.SectionName).Get<SetupOptions>() ?? new SetupOptions();
        if (string.IsNullOrEmpty(setup.AdminPassword))
        {
            if (services.GetService<IHostEnvironment>()?.IsProduction() == true)
            {
                throw new InvalidOperationException($"The CRM has no users, so nobody can sign in to create one. {HowTo}");
            }

            Log.NoUsers(logger, HowTo);
            return;
        }

        var (user, errors) = UserInput.Check(new CreateUserRequest(setup.AdminLogin, "Administrator", nameof(UserRole.Administrator), setup.AdminPassword, []));
        if (user is null)
        {
            // The messages say what is wrong (a length, a character), never the password itself.
            throw new InvalidOperationException(
                $"{SetupOptions.SectionName}:AdminLogin or AdminPassword is not usable: {string.Join(" ", errors.SelectMany(e => e.Value))}");
        }

        var created = await services.GetRequiredService<UserAdministration>().CreateAsync(user, cancellationToken);
        if (created.Outcome == UserChangeOutcome.Done)
        {
            Log.Created(logger, user.Login);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Created the first administrator, {Login}, from Setup:AdminPassword")]
        public static partial void Created(ILogger logger, string login);

        [LoggerMessage(2, LogLevel.Warning, "The CRM has no users, so nobody can sign in. {HowTo}")]
        public static partial void NoUsers(ILogger logger, string howTo);
    }
}
