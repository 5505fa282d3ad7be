using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>Small pieces of the AMI text format shared by the reader's two passes.</summary>
internal static class AmiWire
{
    /// <summary>Asterisk 13 and older end <c>Response: Follows</c> command output with this line (manager.c, action_command).</summary>
    public static ReadOnlySpan<byte> EndCommand => "--END COMMAND--"u8;

    /// <summary>Whether <paramref name="line"/> is <c>key:</c>... (keys compare without regard to case).</summary>
    public static bool HasKey(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key) =>
        line.Length > key.Length && line[key.Length] == (byte)':' && Ascii.EqualsIgnoreCase(line[..key.Length], key);

    /// <summary>The value after the colon at <paramref name="colon"/>, without the one space Asterisk writes after it.</summary>
    public static ReadOnlySpan<byte> ValueOf(ReadOnlySpan<byte> line, int colon)
    {
        var value = line[(colon + 1)..];
        return !value.IsEmpty && value[0] == (byte)' ' ? value[1..] : value;
    }

    /// <summary>The lines a legacy <c>Response: Follows</c> frame has before its raw output starts.</summary>
    public static bool IsFollowsHeader(ReadOnlySpan<byte> line) =>
        HasKey(line, "Privilege"u8) || HasKey(line, "ActionID"u8) || HasKey(line, "Response"u8);
}
