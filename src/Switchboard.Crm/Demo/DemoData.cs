using Switchboard.Crm.Contacts;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Demo;

/// <summary>
/// The demo's people and numbers, matching the recorded Asterisk traffic: agents on lines 101 and
/// 102 and their supervisor on 103, all three in one team, and the callers +74951234567, +74957654321 and +74951112233 (which
/// agents dial as 984951112233). The passwords are public on purpose; the README lists them.
/// </summary>
public static class DemoData
{
    public const string Team = "Front desk";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("agent1", "demo-agent1", "Anna Petrova", UserRole.Agent, ["101"], Team),
        new("agent2", "demo-agent2", "Boris Ivanov", UserRole.Agent, ["102"], Team),
        new("supervisor", "demo-supervisor", "Svetlana Sokolova", UserRole.Supervisor, ["103"], Team),
        new("admin", "demo-admin", "Administrator", UserRole.Administrator, []),
    ];

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("Romashka LLC", [new(PhoneKind.Work, "+7 495 123-00-00")]),
        new("Vector Ltd", []),
        new("Horns and Hooves", []),
        new("London Partners", [new(PhoneKind.Work, "+44 20 7946 0000")]),
    ];

    public static IReadOnlyList<DemoContact> Contacts { get; } =
    [
        new("Ivan Sidorov", "Romashka LLC", [new(PhoneKind.Work, "+7 495 123-45-67"), new(PhoneKind.Mobile, "+7 916 123-45-67")]),
        new("Olga Smirnova", "Vector Ltd", [new(PhoneKind.Work, "+7 495 111-22-33")]),
        new("Maria Orlova", "Vector Ltd", [new(PhoneKind.Mobile, "+7 903 765-43-21")]),
        new("Pavel Kuznetsov", "Horns and Hooves", [new(PhoneKind.Work, "+7 495 765-43-21")]),
        new("John Smith", "London Partners", [new(PhoneKind.Work, "+44 20 7946 0958")]),

        // One home number, two people: a lookup of it gives both.
        new("Dmitry Volkov", null, [new(PhoneKind.Home, "+7 495 987-65-43"), new(PhoneKind.Mobile, "+7 926 555-01-01")]),
        new("Elena Volkova", null, [new(PhoneKind.Home, "+7 495 987-65-43")]),
    ];
}

public sealed record DemoUser(string Login, string Password, string DisplayName, UserRole Role, IReadOnlyList<string> Lines, string? Team = null);

public sealed record DemoPhone(PhoneKind Kind, string Number);

public sealed record DemoAccount(string Name, IReadOnlyList<DemoPhone> Phones);

public sealed record DemoContact(string Name, string? AccountName, IReadOnlyList<DemoPhone> Phones);
