using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;

namespace Switchboard.Benchmarks;

/// <summary>
/// The AMI frame reader on a recorded burst of real Asterisk traffic and on a few hundred MB made of it.
/// Each operation parses the whole stream and returns the number of frames found; the columns turn that
/// into events per second, megabytes per second and allocated bytes per event.
/// </summary>
[MemoryDiagnoser]
public class AmiParsingBenchmarks
{
    /// <summary>
    /// What the connector reads AMI with (AsteriskServiceCollectionExtensions): the mapper's events, VarSet only for
    /// ATTENDEDTRANSFER and TRANSFERERNAME, decided by the reader while it scans.
    /// </summary>
    private static readonly AmiEventFilter ConnectorEvents = AmiCallMapper.EventFilter;

    /// <summary>The mapper's event names without the VarSet condition: what the connector read with before it had one.</summary>
    private static readonly AmiEventFilter EveryVarSetEvents = new(AmiCallMapper.EventNames);

    private byte[] _stream = [];

    [Params(AmiStreams.Burst, AmiStreams.Synthetic)]
    public string Stream { get; set; } = AmiStreams.Burst;

    [GlobalSetup]
    public void Setup()
    {
        WarmUp();
        _stream = AmiStreams.Load(Stream);
    }

    /// <summary>Find and classify every frame (Event / Response / ActionID as bytes); make no message.</summary>
    [Benchmark]
    public long ClassifyOnly()
    {
        var reader = new AmiFrameReader();
        var buffer = StartOfFrames();
        long frames = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            frames += reader.Kind == AmiMessageKind.Unknown ? 0 : 1;
        }

        return frames;
    }

    /// <summary>As the connection does with the connector's filter: make messages for responses and the wanted events only.</summary>
    [Benchmark(Baseline = true)]
    public long ConnectorPath() => ReadWith(ConnectorEvents);

    /// <summary>The same through a PipeReader over a stream with 32 KiB reads, as the connection reads its socket: frames cross segments.</summary>
    [Benchmark]
    public async Task<long> ConnectorPathThroughPipe()
    {
        var input = PipeReader.Create(new MemoryStream(_stream, writable: false), new StreamPipeReaderOptions(bufferSize: 32 * 1024, minimumReadSize: 4096));
        var reader = new AmiFrameReader(ConnectorEvents);
        var bannerRead = false;
        long frames = 0;
        while (true)
        {
            var result = await input.ReadAsync();
            frames += Drain(reader, result.Buffer, ref bannerRead, out var consumed);
            input.AdvanceTo(consumed, result.Buffer.End);
            if (result.IsCompleted)
            {
                await input.CompleteAsync();
                return frames;
            }
        }
    }

    /// <summary>The mapper's event names with every VarSet let through: the connector's path before the VarSet condition.</summary>
    [Benchmark]
    public long EveryVarSet() => ReadWith(EveryVarSetEvents);

    /// <summary>Make a message of every frame (strings for every key and value).</summary>
    [Benchmark]
    public long MaterializeEveryFrame()
    {
        var reader = new AmiFrameReader();
        var buffer = StartOfFrames();
        long frames = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            frames += reader.TryCreateMessage(out var message) && message.Fields.Count > 0 ? 1 : 0;
        }

        return frames;
    }

    // --job short measures right after three warm-up passes. When a pass is long (the burst on a busy machine, where the
    // first passes of unoptimized code take the pilot to one pass per iteration), the JIT has not finished optimizing the
    // hot paths by then and the figures come out several times too slow. So every path first reads the burst at least
    // 30 times and for at least a second, enough for tiered compilation to have optimized code in place.
    private void WarmUp()
    {
        _stream = AmiStreams.Load(AmiStreams.Burst);
        var watch = Stopwatch.StartNew();
        for (var pass = 0; pass < 30 || watch.Elapsed < TimeSpan.FromSeconds(1); pass++)
        {
            ClassifyOnly();
            ConnectorPath();
            ConnectorPathThroughPipe().GetAwaiter().GetResult();
            EveryVarSet();
            MaterializeEveryFrame();
        }
    }

    private static long Drain(AmiFrameReader reader, ReadOnlySequence<byte> buffer, ref bool bannerRead, out SequencePosition consumed)
    {
        long frames = 0;
        if (!bannerRead)
        {
            bannerRead = AmiFrameReader.TryReadBanner(ref buffer, out _);
        }

        if (bannerRead)
        {
            while (reader.TryReadFrame(ref buffer))
            {
                frames += Deliver(reader);
            }
        }

        consumed = buffer.Start;
        return frames;
    }

    // What AmiConnection.Dispatch does with a frame (no action is pending here): responses and wanted events become messages.
    private static long Deliver(AmiFrameReader reader)
    {
        var wanted = reader.Kind == AmiMessageKind.Response || reader.EventWanted;
        if (wanted && !reader.TryCreateMessage(out _))
        {
            return 0;
        }

        return 1;
    }

    private long ReadWith(AmiEventFilter events)
    {
        var reader = new AmiFrameReader(events);
        var buffer = StartOfFrames();
        long frames = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            frames += Deliver(reader);
        }

        return frames;
    }

    private ReadOnlySequence<byte> StartOfFrames()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        AmiFrameReader.TryReadBanner(ref buffer, out _);
        return buffer;
    }
}
