using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Switchboard.Benchmarks;

/// <summary>The default configuration, with results under artifacts/ (ignored by git) and the AMI throughput columns.</summary>
public static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .WithArtifactsPath(Path.Combine("artifacts", "BenchmarkDotNet"))
        .AddColumn(new AmiThroughputColumn(AmiThroughputColumn.Measure.EventsPerSecond))
        .AddColumn(new AmiThroughputColumn(AmiThroughputColumn.Measure.MegabytesPerSecond))
        .AddColumn(new AmiThroughputColumn(AmiThroughputColumn.Measure.AllocatedBytesPerEvent));
}

/// <summary>
/// Events (frames) per second, megabytes per second and allocated bytes per event of an AMI parsing
/// benchmark, from its mean time, its allocation per operation and the size of its stream.
/// </summary>
public sealed class AmiThroughputColumn(AmiThroughputColumn.Measure measure) : IColumn
{
    public enum Measure
    {
        EventsPerSecond,
        MegabytesPerSecond,
        AllocatedBytesPerEvent,
    }

    public string Id => $"Ami{measure}";

    public string ColumnName => measure switch
    {
        Measure.EventsPerSecond => "Events/s",
        Measure.MegabytesPerSecond => "MB/s",
        _ => "Alloc/event",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)measure;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => measure switch
    {
        Measure.EventsPerSecond => "AMI frames parsed per second (frames of the stream / mean time)",
        Measure.MegabytesPerSecond => "Megabytes (10^6 bytes) of AMI stream parsed per second",
        _ => "Bytes allocated per operation / frames of the stream",
    };

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || benchmarkCase.Parameters["Stream"] is not string stream)
        {
            return "-";
        }

        var (frames, bytes) = AmiStreams.Shape(stream);
        var seconds = report.ResultStatistics.Mean / 1e9;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return measure switch
        {
            Measure.EventsPerSecond => (frames / seconds).ToString("N0", culture),
            Measure.MegabytesPerSecond => (bytes / seconds / 1e6).ToString("N0", culture),
            _ => ((double)report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase).GetValueOrDefault() / frames).ToString("N2", culture),
        };
    }
}
