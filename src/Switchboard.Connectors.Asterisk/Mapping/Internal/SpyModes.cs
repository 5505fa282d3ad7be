using Switchboard.Telephony.Calls;

namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>
/// What kind of supervision a ChanSpy is. AMI never says (ChanSpyStart is the same for all three, recording 17):
/// ChanSpy's options say it when the mapper saw them, else the feature code the supervisor dialled.
/// </summary>
internal sealed class SpyModes(AmiMappingOptions options)
{
    /// <summary>ChanSpy options (app_chanspy): <c>B</c> barges, <c>w</c> or <c>W</c> whispers, anything else listens.</summary>
    public static SupervisionMode? FromOptions(string? spyOptions)
    {
        if (spyOptions is null)
        {
            return null;
        }

        // The option letters end at the first '(' of an option argument such as e(…) or g(…).
        var letters = spyOptions.Split('(')[0];
        return letters.Contains('B', StringComparison.Ordinal) ? SupervisionMode.Barge
            : letters.Contains('w', StringComparison.OrdinalIgnoreCase) ? SupervisionMode.Whisper
            : SupervisionMode.Listen;
    }

    /// <summary>The mode of a dialled feature code such as <c>*22101</c>, by its configured prefix.</summary>
    public SupervisionMode? FromCode(string? dialled)
    {
        if (string.IsNullOrEmpty(dialled))
        {
            return null;
        }

        return Starts(dialled, options.BargeCode) ? SupervisionMode.Barge
            : Starts(dialled, options.WhisperCode) ? SupervisionMode.Whisper
            : Starts(dialled, options.ListenCode) ? SupervisionMode.Listen
            : null;
    }

    private static bool Starts(string dialled, string? prefix) =>
        !string.IsNullOrEmpty(prefix) && dialled.StartsWith(prefix, StringComparison.Ordinal);
}
