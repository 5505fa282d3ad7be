using System.Globalization;
using System.Text;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// Bencode, the encoding of rtpengine's ng control protocol: integers <c>i42e</c>, strings
/// <c>4:spam</c>, lists <c>l...e</c> and dictionaries <c>d...e</c>. Decoded values are long, string,
/// List&lt;object&gt; and Dictionary&lt;string, object&gt;.
/// </summary>
public static class Bencode
{
    public static byte[] Encode(IReadOnlyDictionary<string, string> dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var text = new StringBuilder("d");
        foreach (var (key, value) in dictionary.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(key)}:{key}{Encoding.UTF8.GetByteCount(value)}:{value}");
        }

        return Encoding.UTF8.GetBytes(text.Append('e').ToString());
    }

    public static object Decode(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var value = Read(data, ref position);
        return position == data.Length ? value : throw new FormatException($"Bencode: {data.Length - position} bytes after the value.");
    }

    private static object Read(ReadOnlySpan<byte> data, ref int position)
    {
        if (position >= data.Length)
        {
            throw new FormatException("Bencode: the data ends inside a value.");
        }

        switch (data[position])
        {
            case (byte)'i':
                var end = data[position..].IndexOf((byte)'e') + position;
                var number = long.Parse(data[(position + 1)..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                position = end + 1;
                return number;
            case (byte)'l':
                position++;
                var list = new List<object>();
                while (data[position] != 'e')
                {
                    list.Add(Read(data, ref position));
                }

                position++;
                return list;
            case (byte)'d':
                position++;
                var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
                while (data[position] != 'e')
                {
                    var key = (string)Read(data, ref position);
                    dictionary[key] = Read(data, ref position);
                }

                position++;
                return dictionary;
            default:
                var colon = data[position..].IndexOf((byte)':') + position;
                var length = int.Parse(data[position..colon], NumberStyles.None, CultureInfo.InvariantCulture);
                var text = Encoding.UTF8.GetString(data.Slice(colon + 1, length));
                position = colon + 1 + length;
                return text;
        }
    }
}
