using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>Every awaited step has a limit so that no test can hang; none of them is a measurement.</summary>
public static class AmiTestTimeouts
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
}

/// <summary>Feeds bytes to an <see cref="AmiFrameReader"/> the way a pipe hands them out, in chunks that become segments.</summary>
public static class ChunkedFeed
{
    /// <summary>
    /// Parses <paramref name="bytes"/> (banner first) delivered in chunks of the given sizes (the last size repeats); every
    /// message, as "Kind|text". With <paramref name="events"/>, the reader applies it and unwanted events are left out.
    /// </summary>
    public static List<string> Parse(
        byte[] bytes, Func<int> nextChunkSize, int maxFrameBytes = AmiFrameReader.DefaultMaxFrameBytes, AmiEventFilter? events = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(nextChunkSize);
        var reader = events is null ? new AmiFrameReader(maxFrameBytes) : new AmiFrameReader(events, maxFrameBytes);
        var messages = new List<string>();
        var bannerRead = false;
        Segment? first = null;
        Segment? last = null;
        var startIndex = 0;
        var offset = 0;
        while (offset < bytes.Length)
        {
            var size = Math.Min(Math.Max(1, nextChunkSize()), bytes.Length - offset);
            var segment = new Segment(bytes.AsMemory(offset, size), last);
            offset += size;
            last = segment;
            first ??= segment;
            var buffer = new ReadOnlySequence<byte>(first, startIndex, last, last.Memory.Length);
            if (!bannerRead)
            {
                bannerRead = AmiFrameReader.TryReadBanner(ref buffer, out _);
            }

            if (bannerRead)
            {
                while (reader.TryReadFrame(ref buffer))
                {
                    if (reader.Kind != AmiMessageKind.Event || reader.EventWanted)
                    {
                        messages.Add(Describe(reader));
                    }
                }
            }

            // What a PipeReader keeps after AdvanceTo(buffer.Start, buffer.End): the unconsumed bytes.
            var start = buffer.Start;
            first = start.GetObject() as Segment ?? last;
            startIndex = start.GetObject() is Segment ? start.GetInteger() : last.Memory.Length;
        }

        return messages;
    }

    public static string Describe(AmiFrameReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.TryCreateMessage(out var message) ? $"{message.Kind}|{message}" : "malformed";
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}

/// <summary>Keeps every log line written, to check what is (and is not) logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_lines);

    public ILogger<T> CreateLogger<T>() => new CapturingLogger<T>(_lines);

    public void Dispose()
    {
    }

    private class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
    }

    private sealed class CapturingLogger<T>(ConcurrentQueue<string> lines) : CapturingLogger(lines), ILogger<T>;
}
