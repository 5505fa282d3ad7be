using System.Globalization;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Setup;

/// <summary>
/// Reads the answer of <c>GetConfig Filename: queues.conf</c> (manager.c action_getconfig): <c>Category-NNNNNN: name</c>,
/// <c>IsTemplate-NNNNNN: 1</c> for a template, and <c>Line-NNNNNN-MMMMMM: key=value</c> with a template's lines
/// already copied into the queues that use it.
/// </summary>
internal static class QueuesConf
{
    /// <summary>Each queue's <c>wrapuptime</c> in seconds (0 when it sets none), or null when Asterisk did not show the file.</summary>
    public static IReadOnlyDictionary<string, int>? WrapUpTimes(AmiMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!string.Equals(response.Response, "Success", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var templates = new HashSet<string>(StringComparer.Ordinal);
        var times = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in response.Fields)
        {
            if (key.StartsWith("Category-", StringComparison.OrdinalIgnoreCase))
            {
                names[key["Category-".Length..]] = value.Trim();
            }
            else if (key.StartsWith("IsTemplate-", StringComparison.OrdinalIgnoreCase))
            {
                templates.Add(key["IsTemplate-".Length..]);
            }
            else if (key.StartsWith("Line-", StringComparison.OrdinalIgnoreCase) && WrapUpOf(value) is { } seconds)
            {
                // A later wrapuptime line in the same queue overrides an earlier one, as app_queue reads them.
                var dash = key.IndexOf('-', "Line-".Length);
                times[dash < 0 ? "" : key["Line-".Length..dash]] = seconds;
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, name) in names)
        {
            // [general] holds settings of app_queue itself, and a template is no queue.
            if (templates.Contains(number) || string.Equals(name, "general", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            result[name] = times.GetValueOrDefault(number);
        }

        return result;
    }

    private static int? WrapUpOf(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || !string.Equals(line[..equals].Trim(), "wrapuptime", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // app_queue takes atoi(): a bad value is 0.
        return int.TryParse(line[(equals + 1)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? Math.Max(0, seconds)
            : 0;
    }
}
