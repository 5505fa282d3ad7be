namespace Switchboard.Crm.Data;

/// <summary>
/// One sign-in: what a token's session id (<c>sid</c>) points at. A token is good only while its
/// session is here and unexpired, so logging out (deleting the row) ends it at once, however long
/// the token itself would still be valid. A user's sessions go with the user.
/// </summary>
public sealed class Session
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the latest token of this session expires; refresh moves it on.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
