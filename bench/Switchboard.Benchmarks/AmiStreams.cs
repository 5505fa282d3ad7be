using System.Buffers;
using System.Collections.Concurrent;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Benchmarks;

/// <summary>
/// The AMI streams parsed by the benchmarks: the largest recording (13-burst.ami, 4.8 MB of real Asterisk
/// traffic) and a synthetic stream of a few hundred MB made in memory by repeating its frames.
/// </summary>
public static class AmiStreams
{
    public const string Burst = "burst-4.8MB";
    public const string Synthetic = "burst-x57-272MB";

    private const int SyntheticRepeats = 57;

    private static readonly ConcurrentDictionary<string, (long Frames, long Bytes)> Shapes = new();

    /// <summary>The stream's bytes: the banner line, then frames.</summary>
    public static byte[] Load(string stream)
    {
        var burst = File.ReadAllBytes(BurstPath());
        if (stream == Burst)
        {
            return burst;
        }

        var bannerLength = Array.IndexOf(burst, (byte)'\n') + 1;
        var frames = burst.AsSpan(bannerLength);
        var bytes = new byte[bannerLength + ((long)frames.Length * SyntheticRepeats)];
        burst.AsSpan(0, bannerLength).CopyTo(bytes);
        for (var i = 0; i < SyntheticRepeats; i++)
        {
            frames.CopyTo(bytes.AsSpan(bannerLength + (i * frames.Length)));
        }

        return bytes;
    }

    /// <summary>How many frames and bytes the stream holds (computed from the recording, without building the synthetic stream).</summary>
    public static (long Frames, long Bytes) Shape(string stream) => Shapes.GetOrAdd(stream, static name =>
    {
        var burst = File.ReadAllBytes(BurstPath());
        var buffer = new ReadOnlySequence<byte>(burst);
        AmiFrameReader.TryReadBanner(ref buffer, out _);
        var reader = new AmiFrameReader();
        long frames = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            frames++;
        }

        var repeats = name == Burst ? 1 : SyntheticRepeats;
        var bannerLength = Array.IndexOf(burst, (byte)'\n') + 1;
        return (frames * repeats, bannerLength + ((long)(burst.Length - bannerLength) * repeats));
    });

    private static string BurstPath()
    {
        var folder = Environment.GetEnvironmentVariable("SWITCHBOARD_AMI_FIXTURES");
        if (!string.IsNullOrEmpty(folder))
        {
            return Path.Combine(folder, "13-burst.ami");
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[]
                {
                    Path.Combine(dir.FullName, "tests", "fixtures", "asterisk-ami", "13-burst.ami"),
                    Path.Combine(dir.FullName, "shared", "fixtures", "asterisk-ami", "13-burst.ami"),
                })
                {
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new FileNotFoundException("13-burst.ami (tests/fixtures/asterisk-ami) was not found; set SWITCHBOARD_AMI_FIXTURES.");
    }
}
