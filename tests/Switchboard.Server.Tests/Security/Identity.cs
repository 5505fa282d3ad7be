namespace Switchboard.Server.Tests.Security;

/// <summary>Who knocks: the rows of the access matrix.</summary>
public enum Identity
{
    Anonymous,

    /// <summary>agent1, line 101: the owner of the call the matrix reads and controls.</summary>
    Agent,

    /// <summary>agent2, line 102, in the same team.</summary>
    OtherAgent,

    /// <summary>The supervisor of the team that line 101 is in.</summary>
    TeamSupervisor,

    /// <summary>A supervisor of another team.</summary>
    OtherSupervisor,

    Administrator,

    /// <summary>A genuine token of agent1, signed with the server's key, whose lifetime is over.</summary>
    ExpiredToken,

    /// <summary>A token whose session was logged out.</summary>
    LoggedOutToken,

    /// <summary>A token issued before its user's password was changed.</summary>
    PasswordChangedToken,

    /// <summary>A token of a user since deleted.</summary>
    DeletedUserToken,
}

public static class Identities
{
    public static readonly Identity[] All = Enum.GetValues<Identity>();

    /// <summary>The identities that hold no good token: every endpoint that needs one answers them 401.</summary>
    public static bool IsSignedOut(this Identity identity) =>
        identity is Identity.Anonymous or Identity.ExpiredToken or Identity.LoggedOutToken
            or Identity.PasswordChangedToken or Identity.DeletedUserToken;
}
