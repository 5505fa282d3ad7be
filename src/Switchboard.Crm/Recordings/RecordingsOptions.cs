namespace Switchboard.Crm.Recordings;

/// <summary>Where call recordings are kept (configuration section <c>Recordings</c>).</summary>
public sealed class RecordingsOptions
{
    public const string SectionName = "Recordings";

    /// <summary>
    /// The folder the recordings are read from (and the simulator writes into); relative to the working folder.
    /// A recording is found by its path below this folder; one the PBX named by an absolute path elsewhere (its own
    /// spool, mounted or copied here) by its file name. Empty to serve files from nowhere.
    /// </summary>
    public string? Folder { get; set; } = "recordings";

    /// <summary>
    /// Used when <see cref="Folder"/> is empty: recordings are served elsewhere (the PBX's web server, a store), and
    /// the API redirects to this address after checking that the user may read the call. <c>{file}</c> is the file
    /// name, <c>{path}</c> the path as the PBX gave it without its leading slash, each part URL-escaped. Example:
    /// <c>https://pbx.example.com/recordings/{file}</c>.
    /// </summary>
    public string? UrlTemplate { get; set; }
}
