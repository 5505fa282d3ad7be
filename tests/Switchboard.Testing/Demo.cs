namespace Switchboard.Testing;

/// <summary>The demo people and numbers the tests rely on (design.md, "Demo data").</summary>
public static class Demo
{
    public const string AgentA = "agent1";
    public const string AgentB = "agent2";
    public const string Supervisor = "supervisor";
    public const string Administrator = "admin";
    public const string LineA = "101";
    public const string LineB = "102";
    public const string SupervisorLine = "103";
    public const string Queue = "600";

    /// <summary>Ivan Sidorov of Romashka LLC.</summary>
    public const string KnownCaller = "+74951234567";
    public const string KnownCallerName = "Ivan Sidorov";
    public const string KnownCallerAccount = "Romashka LLC";

    /// <summary>Olga Smirnova of Vector Ltd, dialled with the outside-line prefix 9.</summary>
    public const string DialledContact = "984951112233";
    public const string DialledContactName = "Olga Smirnova";

    public const string UnknownCaller = "+74990000001";

    public static string PasswordOf(string login) => Switchboard.Crm.Demo.DemoData.Users.Single(u => u.Login == login).Password;
}
