namespace Switchboard.Crm.Users;

/// <summary>The bodies of the <c>/api/users</c> endpoints as sent, before they are checked.</summary>
public sealed record CreateUserRequest(string? Login, string? DisplayName, string? Role, string? Password, IReadOnlyList<string?>? Lines);

public sealed record UpdateUserRequest(string? Login, string? DisplayName, string? Role, bool? Disabled = null);

public sealed record SetLinesRequest(IReadOnlyList<string?>? Lines);

public sealed record SetPasswordRequest(string? Password);

/// <summary>Checks what administrators send; each error names the field it is about.</summary>
internal static class UserInput
{
    public const int MaxLoginLength = 100;
    public const int MaxDisplayNameLength = 200;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MaxLineLength = 32;
    public const int MaxLines = 100;

    public static (NewUser? User, Dictionary<string, string[]> Errors) Check(CreateUserRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        var login = CheckLogin(request?.Login, errors);
        var displayName = CheckDisplayName(request?.DisplayName, errors);
        var role = CheckRole(request?.Role, errors);
        var password = CheckPassword(request?.Password, errors);
        var lines = CheckLines(request?.Lines ?? [], errors);
        return (errors.Count == 0 ? new NewUser(login!, displayName!, role!.Value, password!, lines) : null, errors);
    }

    public static (UserDetails? Details, Dictionary<string, string[]> Errors) Check(UpdateUserRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        var login = CheckLogin(request?.Login, errors);
        var displayName = CheckDisplayName(request?.DisplayName, errors);
        var role = CheckRole(request?.Role, errors);
        return (errors.Count == 0 ? new UserDetails(login!, displayName!, role!.Value) { Disabled = request!.Disabled } : null, errors);
    }

    public static (IReadOnlyList<string>? Lines, Dictionary<string, string[]> Errors) Check(SetLinesRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Lines is null)
        {
            errors["lines"] = ["The lines are required: a list of line numbers, empty for none."];
            return (null, errors);
        }

        var lines = CheckLines(request.Lines, errors);
        return (errors.Count == 0 ? lines : null, errors);
    }

    public static (string? Password, Dictionary<string, string[]> Errors) Check(SetPasswordRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        var password = CheckPassword(request?.Password, errors);
        return (errors.Count == 0 ? password : null, errors);
    }

    private static string? CheckLogin(string? text, Dictionary<string, string[]> errors)
    {
        var login = text?.Trim();
        if (string.IsNullOrEmpty(login))
        {
            errors["login"] = ["A login is required."];
        }
        else if (login.Length > MaxLoginLength || login.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors["login"] = [$"A login is one word of at most {MaxLoginLength} characters."];
        }

        return login;
    }

    private static string? CheckDisplayName(string? text, Dictionary<string, string[]> errors)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["displayName"] = ["A display name is required."];
        }
        else if (name.Length > MaxDisplayNameLength || name.Any(char.IsControl))
        {
            errors["displayName"] = [$"A display name is one line of at most {MaxDisplayNameLength} characters."];
        }

        return name;
    }

    private static UserRole? CheckRole(string? text, Dictionary<string, string[]> errors)
    {
        // Enum.TryParse also takes numbers; only the names are part of the API.
        if (!string.IsNullOrWhiteSpace(text) && !text.Any(char.IsAsciiDigit) && Enum.TryParse<UserRole>(text.Trim(), ignoreCase: true, out var role))
        {
            return role;
        }

        errors["role"] = ["Expected one of: agent, supervisor, administrator."];
        return null;
    }

    private static string? CheckPassword(string? password, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = ["A password is required."];
        }
        else if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors["password"] = [$"A password has from {MinPasswordLength} to {MaxPasswordLength} characters."];
        }

        return password;
    }

    private static List<string> CheckLines(IReadOnlyList<string?> lines, Dictionary<string, string[]> errors)
    {
        var checkedLines = new List<string>();
        if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"A user owns at most {MaxLines} lines."];
            return checkedLines;
        }

        foreach (var text in lines)
        {
            var line = text?.Trim();
            if (string.IsNullOrEmpty(line) || line.Length > MaxLineLength || !line.All(IsLineCharacter))
            {
                errors["lines"] = [$"A line is an extension such as 101: up to {MaxLineLength} letters, digits or * # + - _ ."];
                return checkedLines;
            }

            if (!checkedLines.Contains(line, StringComparer.Ordinal))
            {
                checkedLines.Add(line);
            }
        }

        return checkedLines;
    }

    private static bool IsLineCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '*' or '#' or '+' or '-' or '_' or '.';
}
