using System.Buffers.Binary;

namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>
/// A recording of a simulated call: the format Asterisk's MixMonitor writes by default (PCM, 16-bit, mono, 8 kHz),
/// holding a quiet tone, so the demo's player has something real to play and seek in.
/// </summary>
internal static class WaveFile
{
    private const int SampleRate = 8000;
    private const int HeaderLength = 44;

    // A simulated call can be left recording for hours; the file need not grow with it.
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    public static void Write(string path, TimeSpan length)
    {
        var seconds = Math.Clamp(length.TotalSeconds, 1, Longest.TotalSeconds);
        var samples = (int)(seconds * SampleRate);
        var bytes = new byte[HeaderLength + (samples * 2)];
        WriteHeader(bytes, samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(2000 * Math.Sin(2 * Math.PI * 440 * i / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(HeaderLength + (i * 2)), sample);
        }

        File.WriteAllBytes(path, bytes);
    }

    // RIFF/WAVE with one fmt chunk (PCM) and one data chunk.
    private static void WriteHeader(Span<byte> header, int dataLength)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataLength);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataLength);
    }
}
