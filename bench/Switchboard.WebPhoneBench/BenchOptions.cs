using System.Globalization;

namespace Switchboard.WebPhoneBench;

/// <summary>How many rounds, how long the panel idles before its heap is read, where the JSON goes; read from the command line (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Switchboard.WebPhoneBench: starts the web phone's rig (Kamailio, rtpengine, SIPp), the server and
        Chromium, then measures registration, call set-up and the panel's memory over a number of rounds.

          --rounds <n>      rounds of each measurement, default 20
          --idle <seconds>  how long the panel idles before its heap is read, default 3
          --json <file>     also write the results as JSON to this file
        """;

    public int Rounds { get; init; } = 20;

    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(3);

    public string? JsonFile { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--rounds" => options with { Rounds = Positive(name, Value()) },
                "--idle" => options with { Idle = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--json" => options with { JsonFile = Value() },
                _ => throw new ArgumentException($"Unknown argument {name}."),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} needs a whole number above 0, not '{value}'.");

    private static double NonNegative(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number <= 3600
            ? number
            : throw new ArgumentException($"{name} needs a number of seconds from 0 to 3600, not '{value}'.");
}
