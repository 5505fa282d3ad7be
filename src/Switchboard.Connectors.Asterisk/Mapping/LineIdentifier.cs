using System.Text.RegularExpressions;

namespace Switchboard.Connectors.Asterisk.Mapping;

/// <summary>Tells which channels and devices are agents' lines, and which dialled numbers stay inside the PBX.</summary>
public sealed class LineIdentifier
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _device;
    private readonly Regex _lineName;
    private readonly HashSet<string>? _knownLines;

    public LineIdentifier(AmiMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _device = new Regex(options.DevicePattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
        if (_device.GroupNumberFromName("line") < 0)
        {
            throw new ArgumentException("The device pattern needs a named group 'line'.", nameof(options));
        }

        _lineName = new Regex(options.LineNamePattern, RegexOptions.CultureInvariant, MatchTimeout);
        _knownLines = options.KnownLines.Count > 0 ? new HashSet<string>(options.KnownLines, StringComparer.Ordinal) : null;
    }

    /// <summary>The line of a channel or device name (<c>PJSIP/101-00000007</c>, <c>SIP/101</c>), or null when it is no line.</summary>
    public string? LineOf(string? channelOrDevice)
    {
        if (string.IsNullOrEmpty(channelOrDevice) || IsLocal(channelOrDevice))
        {
            return null;
        }

        Match match;
        try
        {
            match = _device.Match(channelOrDevice);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        var line = match.Groups["line"].Value;
        return IsLineName(line) ? line : null;
    }

    /// <summary>A dialled number that reaches a line (or, without a list of lines, looks like one): the call stays inside.</summary>
    public bool IsInternalNumber(string? number) => !string.IsNullOrEmpty(number) && IsLineName(number);

    public static bool IsLocal(string? channel) =>
        channel is not null && channel.StartsWith("Local/", StringComparison.OrdinalIgnoreCase);

    private bool IsLineName(string name)
    {
        if (_knownLines is not null)
        {
            return _knownLines.Contains(name);
        }

        try
        {
            return _lineName.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
