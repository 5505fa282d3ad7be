using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchboard.WebPhoneBench.Reporting;

/// <summary>One measured quantity: a stable key (for the JSON), what it is, its unit, its summary over the rounds and the samples, in order.</summary>
internal sealed record BenchRow(string Key, string What, string Unit, Summary Summary, IReadOnlyList<double> Samples)
{
    public BenchRow(string key, string what, string unit, IReadOnlyList<double> samples)
        : this(key, what, unit, Summary.Of(samples), samples)
    {
    }
}

/// <summary>What a run measured, and on what, as a Markdown table (docs/benchmarks.md's shape) or JSON.</summary>
internal sealed record BenchReport(DateTimeOffset StartedAt, int Rounds, string Machine, string Browser, IReadOnlyList<BenchRow> Rows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Web phone, {Rounds} round(s), started {StartedAt:yyyy-MM-dd HH:mm} UTC; {Machine}; {Browser}.\n\n");
        text.Append("| what | n | p50 | p95 | max |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var row in Rows)
        {
            var s = row.Summary;
            text.Append(CultureInfo.InvariantCulture, $"| {row.What} | {s.Count} | {Value(s.P50, row.Unit)} | {Value(s.P95, row.Unit)} | {Value(s.Max, row.Unit)} |\n");
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static string Value(double value, string unit) =>
        double.IsNaN(value) ? "-"
        : unit == "ms" ? string.Create(CultureInfo.InvariantCulture, $"{value:F0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{value:F2} {unit}");
}
