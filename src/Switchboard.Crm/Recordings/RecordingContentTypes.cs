using Microsoft.AspNetCore.StaticFiles;

namespace Switchboard.Crm.Recordings;

/// <summary>The media type of a recording by its extension, so the browser's player knows what it gets.</summary>
internal static class RecordingContentTypes
{
    private static readonly FileExtensionContentTypeProvider Known = Build();

    public static string For(string path) =>
        Known.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    // The framework's table lacks the formats PBXs write besides wav, mp3 and ogg.
    private static FileExtensionContentTypeProvider Build()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".wav"] = "audio/wav";
        provider.Mappings[".gsm"] = "audio/x-gsm";
        provider.Mappings[".opus"] = "audio/ogg";
        provider.Mappings[".flac"] = "audio/flac";
        return provider;
    }
}
