using System.Buffers;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Ami;

// The first pass: find where a frame ends and what it is, without allocating; skip oversized frames.
public sealed partial class AmiFrameReader
{
    private ScanResult Scan(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            var position = _scanned;
            var result = ScanSpan(buffer.FirstSpan, 0, ref position);
            _scanned = position;
            return result;
        }

        return ScanSegments(buffer);
    }

    // The general case: lines inside a segment are scanned in place; a line that runs across
    // segments is copied into a scratch buffer (at most one frame long) and scanned there.
    private ScanResult ScanSegments(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(_scanned);
        while (!reader.End)
        {
            var position = 0;
            var result = ScanSpan(reader.UnreadSpan, (int)reader.Consumed, ref position);
            reader.Advance(position);
            _scanned = (int)reader.Consumed;
            if (result != ScanResult.NeedMore)
            {
                return result;
            }

            var lineFeed = reader.Sequence.Slice(reader.Position).PositionOf((byte)'\n');
            if (lineFeed is null)
            {
                return ScanResult.NeedMore;
            }

            var line = reader.Sequence.Slice(reader.Position, lineFeed.Value);
            if (_scanned + line.Length - _frameStart > _maxFrameBytes)
            {
                return ScanResult.Oversized;
            }

            var length = (int)line.Length;
            if (_lineScratch.Length < length)
            {
                _lineScratch = new byte[Math.Max(length, 256)];
            }

            line.CopyTo(_lineScratch);
            reader.Advance(length + 1);
            _scanned = (int)reader.Consumed;
            result = ProcessLine(_lineScratch.AsSpan(0, length), _scanned);
            if (result != ScanResult.Continue)
            {
                return result;
            }
        }

        return ScanResult.NeedMore;
    }

    private ScanResult ScanSpan(ReadOnlySpan<byte> span, int spanOffset, ref int position)
    {
        while (true)
        {
            var lineFeed = span[position..].IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                return ScanResult.NeedMore;
            }

            var line = span.Slice(position, lineFeed);
            position += lineFeed + 1;
            var result = ProcessLine(line, spanOffset + position);
            if (result != ScanResult.Continue)
            {
                return result;
            }
        }
    }

    private ScanResult ProcessLine(ReadOnlySpan<byte> line, int offsetAfterLine)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            if (_lines == 0)
            {
                // A blank line between frames (the Park response's extra CRLF): not part of any frame.
                _frameStart = offsetAfterLine;
                return ScanResult.Continue;
            }

            if ((_flags & (ScanFlags.FollowsOutput | ScanFlags.FollowsEnded)) != ScanFlags.FollowsOutput)
            {
                _scanned = offsetAfterLine;
                return ScanResult.FrameEnd;
            }

            // A blank line inside legacy command output (before --END COMMAND--) is output.
        }
        else
        {
            _lines++;
            ClassifyLine(line);
        }

        return offsetAfterLine - _frameStart > _maxFrameBytes ? ScanResult.Oversized : ScanResult.Continue;
    }

    // The hot loop: one look at the first byte of a line; only Event, Response and ActionID lines are read further,
    // and the key of a condition on the event being scanned. Whether every line is well formed is checked when
    // (and only when) the frame is made into a message.
    private void ClassifyLine(ReadOnlySpan<byte> line)
    {
        if ((_flags & ScanFlags.Follows) != 0)
        {
            ClassifyFollowsLine(line);
            return;
        }

        if (_verdict == EventVerdict.Pending)
        {
            CheckCondition(line);
        }

        switch (line[0] | 0x20)
        {
            case 'e' when (_flags & ScanFlags.Event) == 0 && AmiWire.HasKey(line, "Event"u8):
                _flags |= ScanFlags.Event;
                _eventNameLength = Capture(AmiWire.ValueOf(line, 5), _eventName);
                if (_filter is not null)
                {
                    _verdict = JudgeEvent();
                }

                break;
            case 'r' when (_flags & ScanFlags.Response) == 0 && AmiWire.HasKey(line, "Response"u8):
                _flags |= ScanFlags.Response;
                if (AmiWire.ValueOf(line, 8).SequenceEqual("Follows"u8))
                {
                    _flags |= ScanFlags.Follows;
                }

                break;
            case 'a' when _actionIdLength == Absent && AmiWire.HasKey(line, "ActionID"u8):
                _actionIdLength = Capture(AmiWire.ValueOf(line, 8), _actionId);
                break;
        }
    }

    // What the filter says of the event just named; for an event with a condition, whether to look for its key.
    private EventVerdict JudgeEvent()
    {
        if (_filter!.PassesAll)
        {
            return EventVerdict.Wanted;
        }

        if (_eventNameLength <= 0 || !_filter.TryFind(_eventName.AsSpan(0, _eventNameLength), out var condition))
        {
            return EventVerdict.Unwanted;
        }

        if (condition is null)
        {
            return EventVerdict.Wanted;
        }

        // Asterisk writes Event first. If other lines came before it, the key may have gone by unread: let the
        // frame through and leave the decision to whoever reads the message.
        if (_lines > 1)
        {
            return EventVerdict.Wanted;
        }

        _condition = condition;
        return EventVerdict.Pending;
    }

    // The first line with the condition's key decides.
    private void CheckCondition(ReadOnlySpan<byte> line)
    {
        var key = _condition!.KeyBytes;
        if ((line[0] | 0x20) == (key[0] | 0x20) && AmiWire.HasKey(line, key))
        {
            _verdict = _condition.Accepts(AmiWire.ValueOf(line, key.Length)) ? EventVerdict.Wanted : EventVerdict.Unwanted;
        }
    }

    // Response: Follows (Asterisk 13 and older, manager.c action_command): the Privilege and ActionID
    // headers, then raw CLI output up to a line that ends with --END COMMAND--, then the blank line.
    private void ClassifyFollowsLine(ReadOnlySpan<byte> line)
    {
        if ((_flags & ScanFlags.FollowsOutput) == 0)
        {
            if (AmiWire.IsFollowsHeader(line))
            {
                if (_actionIdLength == Absent && AmiWire.HasKey(line, "ActionID"u8))
                {
                    _actionIdLength = Capture(AmiWire.ValueOf(line, 8), _actionId);
                }

                return;
            }

            _flags |= ScanFlags.FollowsOutput;
        }

        if (line.EndsWith(AmiWire.EndCommand))
        {
            _flags |= ScanFlags.FollowsEnded;
        }
    }

    private static int Capture(ReadOnlySpan<byte> value, byte[] into)
    {
        if (value.Length > into.Length)
        {
            return TooLong;
        }

        value.CopyTo(into);
        return value.Length;
    }

    private void BeginSkip(ref ReadOnlySequence<byte> buffer)
    {
        // Everything scanned so far belongs to the oversized frame; from here on lines are dropped as they arrive.
        _skippedBytes = _scanned - _frameStart;
        buffer = buffer.Slice(_scanned);
        ResetScan();
        _skipping = true;
        _skipMidLine = false;
    }

    private bool SkipOversized(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            var lineFeed = buffer.PositionOf((byte)'\n');
            if (lineFeed is null)
            {
                // Keep a lone CR at a line start: it may be the first half of the blank line.
                if (_skipMidLine || buffer.Length > 1)
                {
                    _skippedBytes += buffer.Length;
                    _skipMidLine |= buffer.Length > 0;
                    buffer = buffer.Slice(buffer.End);
                }

                return false;
            }

            var line = buffer.Slice(0, lineFeed.Value);
            var blank = !_skipMidLine && (line.IsEmpty || (line.Length == 1 && line.FirstSpan[0] == (byte)'\r'));
            _skippedBytes += line.Length + 1;
            _skipMidLine = false;
            buffer = buffer.Slice(buffer.GetPosition(1, lineFeed.Value));
            if (blank)
            {
                return true;
            }
        }
    }
}
