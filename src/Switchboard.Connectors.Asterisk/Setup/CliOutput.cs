using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Setup;

/// <summary>Reads the CLI output that AMI's <c>Command</c> action returns as <c>Output:</c> lines (Asterisk 14 and later).</summary>
internal static class CliOutput
{
    public static IReadOnlyList<string> Lines(AmiMessage response) => response.GetAll("Output");

    /// <summary>
    /// The current code of a builtin feature in <c>features show</c>: a table whose header names the columns
    /// (<c>Builtin Feature  Default Current</c>), read by column position since an unset code is blank. Null when
    /// the table or the row is not there; empty when the feature has no code.
    /// </summary>
    public static string? CurrentFeatureCode(IReadOnlyList<string> featuresShow, string feature)
    {
        ArgumentNullException.ThrowIfNull(featuresShow);
        var header = featuresShow.FirstOrDefault(l => l.StartsWith("Builtin Feature", StringComparison.OrdinalIgnoreCase));
        var column = header?.IndexOf("Current", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (column < 0)
        {
            return null;
        }

        var row = featuresShow.FirstOrDefault(l => l.StartsWith(feature, StringComparison.OrdinalIgnoreCase));
        return row is null ? null : row.Length <= column ? "" : row[column..].Trim();
    }

    /// <summary>Whether <c>dialplan show exten@context</c> found the extension.</summary>
    public static bool ExtensionExists(IReadOnlyList<string> dialplanShow) =>
        !dialplanShow.Any(l => l.Contains("There is no existence of", StringComparison.OrdinalIgnoreCase));
}
