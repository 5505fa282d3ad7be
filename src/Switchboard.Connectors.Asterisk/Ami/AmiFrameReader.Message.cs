using System.Buffers;
using System.Text;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Ami;

// The second pass, for the frames someone wants: check every line and make the strings.
public sealed partial class AmiFrameReader
{
    private ReadOnlySpan<byte> FrameSpan()
    {
        if (_frame.IsSingleSegment)
        {
            return _frame.FirstSpan;
        }

        var length = (int)_frame.Length;
        if (_frameScratch.Length < length)
        {
            _frameScratch = new byte[Math.Max(length, 4096)];
        }

        _frame.CopyTo(_frameScratch);
        return _frameScratch.AsSpan(0, length);
    }

    // The second pass over a frame that someone wants: makes the strings (repeated ones from the caches),
    // and checks that every line is Key: Value. Null when a line has no colon where a key was expected.
    private KeyValuePair<string, string>[]? ParseFields(ReadOnlySpan<byte> frame)
    {
        var keys = _keys ??= new AmiStringCache(slots: 512, maxLength: 64);
        var values = _values ??= new AmiStringCache(slots: 4096, maxLength: 64);
        var fields = _fieldBuffer;
        fields.Clear();
        var sawResponse = false;
        var follows = false;
        var output = false;
        var outputEnded = false;
        var previousBareLf = false;
        var position = 0;
        while (position < frame.Length)
        {
            var lineFeed = frame[position..].IndexOf((byte)'\n');
            var line = lineFeed < 0 ? frame[position..] : frame.Slice(position, lineFeed);
            position += lineFeed < 0 ? line.Length : lineFeed + 1;
            var crLf = !line.IsEmpty && line[^1] == (byte)'\r';
            if (crLf)
            {
                line = line[..^1];
            }

            if (line.IsEmpty && !(output && !outputEnded))
            {
                break;
            }

            if (follows && !output)
            {
                output = !AmiWire.IsFollowsHeader(line);
            }

            if (output)
            {
                AddCommandOutput(fields, line, ref outputEnded);
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                if (!previousBareLf || fields.Count == 0)
                {
                    return null;
                }

                // The value of the line before held a bare LF (as the Park response's does): this line continues it.
                var last = fields[^1];
                fields[^1] = new(last.Key, string.Concat(last.Value, "\n", Encoding.UTF8.GetString(line)));
                previousBareLf = !crLf;
                continue;
            }

            var keyBytes = line[..colon];
            var value = AmiWire.ValueOf(line, colon);
            fields.Add(new(keys.Get(keyBytes), values.Get(value)));
            if (!sawResponse && (keyBytes[0] | 0x20) == 'r' && AmiWire.HasKey(line, "Response"u8))
            {
                sawResponse = true;
                follows = value.SequenceEqual("Follows"u8);
            }

            previousBareLf = !crLf;
        }

        return [.. fields];
    }

    private static void AddCommandOutput(List<KeyValuePair<string, string>> fields, ReadOnlySpan<byte> line, ref bool ended)
    {
        if (ended)
        {
            return;
        }

        if (line.EndsWith(AmiWire.EndCommand))
        {
            ended = true;
            line = line[..^AmiWire.EndCommand.Length];
            if (line.IsEmpty)
            {
                return;
            }
        }

        fields.Add(new("Output", Encoding.UTF8.GetString(line)));
    }
}
