using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Benchmarks;

/// <summary>
/// The AMI frame reader on a recorded burst of real Asterisk traffic and on a few hundred MB made of it.
/// Each operation parses the whole stream and returns the number of frames found; the columns turn that
/// into events per second, megabytes per second and allocated bytes per event.
/// </summary>
[MemoryDiagnoser]
public class AmiParsingBenchmarks
{
    /// <summary>The events a call connector acts on; VarSet, Newexten, RTCPSent and the rest are skipped unread.</summary>
    private static readonly AmiEventFilter ConnectorEvents = new(
    [
        "Newchannel", "Newstate", "NewCallerid", "NewConnectedLine", "Rename", "Hangup", "HangupRequest", "SoftHangupRequest",
        "DialBegin", "DialEnd", "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy", "LocalBridge",
        "Hold", "Unhold", "MusicOnHoldStart", "MusicOnHoldStop", "ParkedCall", "UnParkedCall", "ParkedCallGiveUp", "ParkedCallTimeOut",
        "BlindTransfer", "AttendedTransfer", "OriginateResponse", "DTMFEnd", "ChanSpyStart",
        "AgentCalled", "AgentRingNoAnswer", "QueueMember", "QueueMemberAdded", "QueueMemberRemoved", "QueueMemberPause", "QueueMemberStatus",
        "PresenceStateChange",
    ]);

    private byte[] _stream = [];

    [Params(AmiStreams.Burst, AmiStreams.Synthetic)]
    public string Stream { get; set; } = AmiStreams.Burst;

    [GlobalSetup]
    public void Setup() => _stream = AmiStreams.Load(Stream);

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

    /// <summary>As the connection does: make messages for responses and the connector's events only.</summary>
    [Benchmark(Baseline = true)]
    public long ConnectorFilter()
    {
        var reader = new AmiFrameReader();
        var buffer = StartOfFrames();
        long frames = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            frames += Deliver(reader);
        }

        return frames;
    }

    /// <summary>The same through a PipeReader over a stream with 32 KiB reads, as the connection reads its socket: frames cross segments.</summary>
    [Benchmark]
    public async Task<long> ConnectorFilterThroughPipe()
    {
        var input = PipeReader.Create(new MemoryStream(_stream, writable: false), new StreamPipeReaderOptions(bufferSize: 32 * 1024, minimumReadSize: 4096));
        var reader = new AmiFrameReader();
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

    private static long Deliver(AmiFrameReader reader)
    {
        var wanted = reader.Kind == AmiMessageKind.Response
            || (reader.Kind == AmiMessageKind.Event && ConnectorEvents.Matches(reader.EventName));
        if (wanted && !reader.TryCreateMessage(out _))
        {
            return 0;
        }

        return 1;
    }

    private ReadOnlySequence<byte> StartOfFrames()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        AmiFrameReader.TryReadBanner(ref buffer, out _);
        return buffer;
    }
}
