namespace Switchboard.Crm.Recordings;

/// <summary>Where a call's recording is to be found, or why it is not.</summary>
public abstract record RecordingLocation
{
    private RecordingLocation()
    {
    }

    /// <summary>A file in the recordings folder that exists now.</summary>
    public sealed record LocalFile(string FullPath) : RecordingLocation;

    /// <summary>Served elsewhere: the address from <see cref="RecordingsOptions.UrlTemplate"/>.</summary>
    public sealed record Elsewhere(Uri Address) : RecordingLocation;

    /// <summary>No file: gone from the folder, never copied there, or a name that would lead out of it.</summary>
    public sealed record Missing(string Reason) : RecordingLocation;
}
