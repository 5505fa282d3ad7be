using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// Finds AMI frames in the bytes Asterisk sends and classifies each one without allocating:
/// the caller looks at <see cref="Kind"/>, <see cref="EventName"/> and <see cref="ActionId"/> (byte spans), and
/// <see cref="EventWanted"/> when the reader was given an <see cref="AmiEventFilter"/>, and makes an
/// <see cref="AmiMessage"/> only for the frames it wants (<see cref="TryCreateMessage"/>).
/// </summary>
/// <remarks>
/// Used like a <see cref="System.IO.Pipelines.PipeReader"/> consumer: pass the buffer read so far to
/// <see cref="TryReadFrame"/> until it returns false, then advance the pipe to <c>buffer.Start</c> (consumed)
/// and <c>buffer.End</c> (examined). The next call must get a buffer that starts where that one started;
/// the reader remembers how far it has scanned, so a frame that arrives one byte at a time is scanned once.
/// A frame stays valid until the buffer is advanced. Rules (observed in the recordings, see the fixtures' README):
/// <list type="bullet">
/// <item>A line ends with LF, with or without CR before it; an empty line ends the frame; empty lines between frames are ignored.</item>
/// <item>A line is <c>Key: Value</c>, split at the first colon (values may hold colons); keys may repeat.</item>
/// <item>A line with no colon right after a line that ended with a bare LF continues that value
/// (a value holding a bare LF); anywhere else it makes the frame malformed.</item>
/// <item><c>Response: Follows</c> (Asterisk 13 and older answering <c>Command</c>): after the response's
/// <c>Privilege</c> and <c>ActionID</c> lines, every line up to <c>--END COMMAND--</c> is command output,
/// made into repeated <c>Output</c> keys as newer Asterisk sends them.</item>
/// <item>Finding a frame looks at the first byte of each line and reads further only the <c>Event</c>,
/// <c>Response</c> and <c>ActionID</c> lines, and, in a frame of an event that the filter narrows by a key
/// (<see cref="AmiEventCondition"/>), that key's line. Asterisk writes <c>Event</c> first; the key is looked for
/// after it, and a frame whose <c>Event</c> line is not its first passes whatever the key holds. Whether every line is well formed (<c>Key: Value</c>, UTF-8) is
/// checked when the frame is made into a message: a malformed frame (no colon where a key is expected, bytes
/// that are not UTF-8, binary garbage) is then counted, logged and skipped up to its blank line. Frames
/// nobody wants are skipped unread, well formed or not.</item>
/// <item>A frame longer than the limit is skipped as it streams past, without being buffered whole.</item>
/// <item>In every case the stream goes on with the next frame.</item>
/// </list>
/// </remarks>
public sealed partial class AmiFrameReader
{
    /// <summary>The default limit of one frame: 64 KiB.</summary>
    public const int DefaultMaxFrameBytes = 64 * 1024;

    private const int MaxBannerBytes = 1024;
    private const int CapturedValueCapacity = 128;
    private const int Absent = -1;
    private const int TooLong = -2;

    private readonly int _maxFrameBytes;
    private readonly ILogger _logger;
    private readonly AmiFrameCounters _counters;
    private readonly AmiEventFilter? _filter;
    private readonly List<KeyValuePair<string, string>> _fieldBuffer = [];
    private readonly byte[] _eventName = new byte[CapturedValueCapacity];
    private readonly byte[] _actionId = new byte[CapturedValueCapacity];
    private AmiStringCache? _keys;
    private AmiStringCache? _values;
    private byte[] _lineScratch = [];
    private byte[] _frameScratch = [];

    // The frame being scanned. Offsets count from the start of the buffer the caller passes in.
    private int _frameStart;
    private int _scanned;
    private int _lines;
    private ScanFlags _flags;
    private int _eventNameLength = Absent;
    private int _actionIdLength = Absent;
    private EventVerdict _verdict;
    private AmiEventCondition? _condition;

    // Skipping an oversized frame as it streams past.
    private bool _skipping;
    private bool _skipMidLine;
    private long _skippedBytes;

    // The frame last returned by TryReadFrame.
    private ReadOnlySequence<byte> _frame;
    private AmiMessageKind _kind = AmiMessageKind.Unknown;
    private int _frameEventNameLength = Absent;
    private int _frameActionIdLength = Absent;
    private bool _frameWanted;

    public AmiFrameReader(int maxFrameBytes = DefaultMaxFrameBytes, ILogger? logger = null)
        : this(maxFrameBytes, logger, new AmiFrameCounters())
    {
    }

    /// <summary>A reader that also decides, while it scans, which events <paramref name="events"/> wants (<see cref="EventWanted"/>).</summary>
    public AmiFrameReader(AmiEventFilter events, int maxFrameBytes = DefaultMaxFrameBytes, ILogger? logger = null)
        : this(maxFrameBytes, logger, new AmiFrameCounters(), events ?? throw new ArgumentNullException(nameof(events)))
    {
    }

    internal AmiFrameReader(int maxFrameBytes, ILogger? logger, AmiFrameCounters counters, AmiEventFilter? events = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 64);
        _maxFrameBytes = maxFrameBytes;
        _logger = logger ?? NullLogger.Instance;
        _counters = counters;
        _filter = events;
    }

    [Flags]
    private enum ScanFlags
    {
        None = 0,
        Event = 1,
        Response = 2,
        Follows = 4,
        FollowsOutput = 8,
        FollowsEnded = 16,
    }

    // What the filter says of the event being scanned.
    private enum EventVerdict
    {
        None,
        Unwanted,
        Wanted,

        // Listed with a condition whose key has not been seen yet; at the frame's end, not wanted.
        Pending,
    }

    private enum ScanResult
    {
        NeedMore,
        Continue,
        FrameEnd,
        Oversized,
    }

    /// <summary>What the last frame is: it has an <c>Event</c> key (even with <c>Response</c>, as <c>OriginateResponse</c>), only a <c>Response</c> key, or neither.</summary>
    public AmiMessageKind Kind => _kind;

    /// <summary>The value of the last frame's first <c>Event</c> key; empty when it has none.</summary>
    public ReadOnlySpan<byte> EventName => _frameEventNameLength > 0 ? _eventName.AsSpan(0, _frameEventNameLength) : [];

    /// <summary>Whether the last frame has an <c>ActionID</c> key short enough to be one of ours.</summary>
    public bool HasActionId => _frameActionIdLength >= 0;

    /// <summary>The value of the last frame's first <c>ActionID</c> key; empty when it has none.</summary>
    public ReadOnlySpan<byte> ActionId => _frameActionIdLength > 0 ? _actionId.AsSpan(0, _frameActionIdLength) : [];

    /// <summary>
    /// Whether the last frame is an event that the reader's <see cref="EventFilter"/> wants: its name is listed and,
    /// when the filter narrows that event by a key, the key holds one of the condition's values. False for frames
    /// that are not events; true for every event when the reader has no filter.
    /// </summary>
    public bool EventWanted => _frameWanted;

    /// <summary>The filter that decides <see cref="EventWanted"/>; null when every event is wanted.</summary>
    public AmiEventFilter? EventFilter => _filter;

    /// <summary>The bytes of the last frame, up to and including its blank line; valid until the buffer is advanced.</summary>
    public ReadOnlySequence<byte> Frame => _frame;

    /// <summary>Frames refused by <see cref="TryCreateMessage"/>: a line had no colon where a key was expected, or the bytes were not UTF-8.</summary>
    public long MalformedFrames => Interlocked.Read(ref _counters.Malformed);

    /// <summary>Frames skipped because they were longer than the limit.</summary>
    public long OversizedFrames => Interlocked.Read(ref _counters.Oversized);

    /// <summary>Reads the one-line banner (<c>Asterisk Call Manager/9.0.0</c>) that opens the stream; no blank line follows it.</summary>
    /// <exception cref="AmiProtocolException">The first line is longer than any banner.</exception>
    public static bool TryReadBanner(ref ReadOnlySequence<byte> buffer, [NotNullWhen(true)] out string? banner)
    {
        var lineFeed = buffer.PositionOf((byte)'\n');
        if (lineFeed is null)
        {
            if (buffer.Length > MaxBannerBytes)
            {
                throw new AmiProtocolException($"The server sent {buffer.Length} bytes without a line end where the AMI banner was expected.");
            }

            banner = null;
            return false;
        }

        banner = Encoding.UTF8.GetString(buffer.Slice(0, lineFeed.Value)).TrimEnd('\r');
        buffer = buffer.Slice(buffer.GetPosition(1, lineFeed.Value));
        return true;
    }

    /// <summary>
    /// Finds the next complete frame in <paramref name="buffer"/> and moves <paramref name="buffer"/> past it.
    /// Oversized frames are skipped on the way. Returns false when more bytes are needed.
    /// </summary>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            if (_skipping)
            {
                if (!SkipOversized(ref buffer))
                {
                    return false;
                }

                _skipping = false;
                var oversized = Interlocked.Increment(ref _counters.Oversized);
                LogOversizedFrame(_skippedBytes, _maxFrameBytes, oversized);
                continue;
            }

            switch (Scan(buffer))
            {
                case ScanResult.FrameEnd:
                    CompleteFrame(ref buffer);
                    return true;
                case ScanResult.Oversized:
                    BeginSkip(ref buffer);
                    continue;
                default:
                    if (buffer.Length - _frameStart > _maxFrameBytes)
                    {
                        BeginSkip(ref buffer);
                        continue;
                    }

                    return false;
            }
        }
    }

    /// <summary>
    /// Makes the last frame into an <see cref="AmiMessage"/>. Returns false, and counts and logs the frame as
    /// malformed, when a line has no colon where a key is expected or the bytes are not UTF-8.
    /// </summary>
    public bool TryCreateMessage([NotNullWhen(true)] out AmiMessage? message)
    {
        var bytes = FrameSpan();
        var utf8 = Utf8.IsValid(bytes);
        var fields = utf8 ? ParseFields(bytes) : null;
        if (fields is null)
        {
            var malformed = Interlocked.Increment(ref _counters.Malformed);
            LogMalformedFrame(utf8 ? "a line without a colon where a key was expected" : "bytes that are not UTF-8", bytes.Length, malformed);
            message = null;
            return false;
        }

        message = new AmiMessage(fields);
        return true;
    }

    /// <summary>The last frame as text, exactly as received (for the raw-message view); invalid UTF-8 becomes U+FFFD.</summary>
    public string GetFrameText() => Encoding.UTF8.GetString(_frame);

    /// <summary>
    /// Parses a whole recorded stream (for tests and tools): the banner when <paramref name="startsWithBanner"/>,
    /// then every frame; events are kept when <paramref name="events"/> wants them (by name and condition, as
    /// <see cref="EventWanted"/>; every event when null), responses always.
    /// </summary>
    public static IReadOnlyList<AmiMessage> ReadAll(ReadOnlyMemory<byte> stream, AmiEventFilter? events = null, bool startsWithBanner = true)
    {
        var reader = new AmiFrameReader(int.MaxValue / 2, logger: null, new AmiFrameCounters(), events);
        var buffer = new ReadOnlySequence<byte>(stream);
        if (startsWithBanner && !TryReadBanner(ref buffer, out _))
        {
            return [];
        }

        var messages = new List<AmiMessage>();
        while (reader.TryReadFrame(ref buffer))
        {
            if (reader.Kind == AmiMessageKind.Event && !reader.EventWanted)
            {
                continue;
            }

            if (reader.TryCreateMessage(out var message))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private void ResetScan()
    {
        _frameStart = 0;
        _scanned = 0;
        _lines = 0;
        _flags = ScanFlags.None;
        _eventNameLength = Absent;
        _actionIdLength = Absent;
        _verdict = EventVerdict.None;
        _condition = null;
    }

    private void CompleteFrame(ref ReadOnlySequence<byte> buffer)
    {
        _frame = buffer.Slice(_frameStart, _scanned - _frameStart);
        _kind = (_flags & ScanFlags.Event) != 0 ? AmiMessageKind.Event
            : (_flags & ScanFlags.Response) != 0 ? AmiMessageKind.Response
            : AmiMessageKind.Unknown;
        _frameEventNameLength = _eventNameLength;
        _frameActionIdLength = _actionIdLength;
        _frameWanted = _kind == AmiMessageKind.Event && (_filter is null || _verdict == EventVerdict.Wanted);
        buffer = buffer.Slice(_scanned);
        ResetScan();
    }
}
