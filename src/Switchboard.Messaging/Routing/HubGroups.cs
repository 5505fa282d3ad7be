namespace Switchboard.Messaging.Routing;

/// <summary>
/// SignalR group names. A connection joins the group of each line its user owns, so a change on a
/// line reaches that line's owners and nobody else; the user group carries per-user snapshots.
/// </summary>
internal static class HubGroups
{
    public static string Line(string line) => "line:" + line;

    public static string RawMessages(string line) => "raw:" + line;

    public static string User(Guid userId) => "user:" + userId.ToString("N");
}
