using System.Buffers;
using System.Text;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>The parser's rules, one at a time, on made-up streams.</summary>
public sealed class AmiFrameReaderTests
{
    [Fact]
    public void The_banner_is_one_line_and_the_first_frame_follows_it_directly()
    {
        var buffer = Bytes("Asterisk Call Manager/9.0.0\r\nResponse: Success\r\nActionID: 1\r\n\r\n");

        Assert.True(AmiFrameReader.TryReadBanner(ref buffer, out var banner));
        Assert.Equal("Asterisk Call Manager/9.0.0", banner);
        var reader = new AmiFrameReader();
        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.Equal(AmiMessageKind.Response, reader.Kind);
        Assert.Equal("1", Encoding.UTF8.GetString(reader.ActionId));
    }

    [Fact]
    public void A_banner_without_a_line_end_waits_for_more_and_a_huge_one_is_refused()
    {
        var partial = Bytes("Asterisk Call Man");
        Assert.False(AmiFrameReader.TryReadBanner(ref partial, out _));

        var huge = Bytes(new string('x', 5000));
        Assert.Throws<AmiProtocolException>(() => AmiFrameReader.TryReadBanner(ref huge, out _));
    }

    [Fact]
    public void Frames_are_classified_by_their_Event_Response_and_ActionID_without_making_a_message()
    {
        var reader = new AmiFrameReader();
        var buffer = Bytes("Event: Newchannel\r\nPrivilege: call,all\r\n\r\nResponse: Error\r\nActionID: sb-7\r\nMessage: No\r\n\r\nFoo: bar\r\n\r\n");

        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.Equal(AmiMessageKind.Event, reader.Kind);
        Assert.Equal("Newchannel", Encoding.UTF8.GetString(reader.EventName));
        Assert.False(reader.HasActionId);

        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.Equal(AmiMessageKind.Response, reader.Kind);
        Assert.True(reader.HasActionId);
        Assert.Equal("sb-7", Encoding.UTF8.GetString(reader.ActionId));
        Assert.True(reader.EventName.IsEmpty);

        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.Equal(AmiMessageKind.Unknown, reader.Kind);
        Assert.False(reader.TryReadFrame(ref buffer));
    }

    [Fact]
    public void Bare_LF_line_ends_work_like_CRLF()
    {
        var crlf = Parse("Event: Hangup\r\nChannel: SIP/101-1\r\nCause: 16\r\n\r\n").Select(m => m.ToString()).ToList();
        var lf = Parse("Event: Hangup\nChannel: SIP/101-1\nCause: 16\n\n").Select(m => m.ToString()).ToList();
        var mixed = Parse("Event: Hangup\r\nChannel: SIP/101-1\nCause: 16\r\n\n").Select(m => m.ToString()).ToList();

        Assert.Equal(crlf, lf);
        Assert.Equal(crlf, mixed);
        Assert.Single(crlf);
    }

    [Fact]
    public void A_value_keeps_every_colon_after_the_first()
    {
        var message = Single("Event: VarSet\r\nVariable: CALLERID(num)\r\nValue: sip:101@127.0.0.1:5061;transport=udp\r\nEventTV: 2026-11-24T00:27:33.013+0000\r\n\r\n");

        Assert.Equal("sip:101@127.0.0.1:5061;transport=udp", message["Value"]);
        Assert.Equal("2026-11-24T00:27:33.013+0000", message["EventTV"]);
    }

    [Fact]
    public void Empty_values_and_values_without_the_space_after_the_colon_are_kept()
    {
        var message = Single("Event: Newchannel\r\nAccountCode: \r\nLanguage:en\r\nExten:\r\n\r\n");

        Assert.Equal("", message["AccountCode"]);
        Assert.Equal("en", message["Language"]);
        Assert.Equal("", message["Exten"]);
    }

    [Fact]
    public void Keys_compare_without_regard_to_case_and_repeated_keys_are_all_kept()
    {
        var message = Single("Response: Success\r\nActionID: 9\r\nMessage: Presence State\r\nmessage: Do not disturb\r\n\r\n");

        Assert.Equal(["Presence State", "Do not disturb"], message.GetAll("MESSAGE"));
        Assert.Equal("9", message["actionid"]);
    }

    [Fact]
    public void The_park_response_bare_LF_ends_the_value_and_the_extra_blank_line_is_ignored()
    {
        var messages = Parse("Response: Success\r\nActionID: park-2\r\nMessage: Park successful\n\r\n\r\nEvent: VarSet\r\nVariable: X\r\n\r\n");

        Assert.Equal(2, messages.Count);
        Assert.Equal("Park successful", messages[0]["Message"]);
        Assert.Equal("VarSet", messages[1].EventName);
    }

    [Fact]
    public void A_line_without_a_colon_after_a_bare_LF_continues_the_value_and_does_not_break_the_stream()
    {
        var messages = Parse("Response: Success\r\nActionID: 3\r\nMessage: first line\nsecond line\r\n\r\nEvent: Next\r\n\r\n");

        Assert.Equal(2, messages.Count);
        Assert.Equal("first line\nsecond line", messages[0]["Message"]);
        Assert.Equal("Next", messages[1].EventName);
    }

    [Fact]
    public void Blank_lines_between_frames_are_not_frames()
    {
        var messages = Parse("\r\n\r\nEvent: A\r\n\r\n\r\n\n\r\nEvent: B\r\n\r\n\n");

        Assert.Equal(["A", "B"], messages.Select(m => m.EventName));
    }

    [Fact]
    public void A_legacy_Follows_command_response_is_read_up_to_END_COMMAND_as_Output_lines()
    {
        var messages = Parse(
            "Response: Follows\r\nPrivilege: Command\r\nActionID: c-1\r\n"
            + "Channel              Location\nSIP/101-0001: Up\n\nlast line\n--END COMMAND--\r\n\r\n"
            + "Event: After\r\n\r\n");

        Assert.Equal(2, messages.Count);
        var command = messages[0];
        Assert.Equal(AmiMessageKind.Response, command.Kind);
        Assert.Equal("Follows", command.Response);
        Assert.Equal("c-1", command.ActionId);
        Assert.Equal("Command", command["Privilege"]);
        Assert.Equal(["Channel              Location", "SIP/101-0001: Up", "", "last line"], command.GetAll("Output"));
        Assert.Equal("After", messages[1].EventName);
    }

    [Fact]
    public void A_legacy_command_output_without_a_final_newline_has_END_COMMAND_on_its_last_line()
    {
        var messages = Parse("Response: Follows\r\nActionID: c-2\r\nPrivilege: Command\r\nSystem uptime: 46 minutes--END COMMAND--\r\n\r\nEvent: After\r\n\r\n");

        Assert.Equal(["System uptime: 46 minutes"], messages[0].GetAll("Output"));
        Assert.Equal("After", messages[1].EventName);
    }

    [Fact]
    public void A_legacy_command_with_no_output_is_one_frame()
    {
        var messages = Parse("Response: Follows\r\nPrivilege: Command\r\n--END COMMAND--\r\n\r\nEvent: After\r\n\r\n");

        Assert.Empty(messages[0].GetAll("Output"));
        Assert.Equal("After", messages[1].EventName);
    }

    [Fact]
    public void A_frame_with_a_line_without_a_colon_is_skipped_to_its_blank_line_and_counted()
    {
        var reader = new AmiFrameReader();
        var messages = Parse("Event: Before\r\n\r\nEvent: Broken\r\nthis is not a header\r\nKey: v\r\n\r\nEvent: After\r\n\r\n", reader);

        Assert.Equal(["Before", "After"], messages.Select(m => m.EventName));
        Assert.Equal(1, reader.MalformedFrames);
    }

    [Fact]
    public void A_skipped_frame_is_logged_with_the_count_so_far_and_without_its_content()
    {
        using var logs = new CapturingLoggerProvider();
        var reader = new AmiFrameReader(1024, logs.CreateLogger("ami"));

        Parse("Event: A\r\nsecret-ish garbage\r\n\r\nEvent: B\r\nmore garbage\r\n\r\n", reader);
        Parse("Event: Big\r\n" + string.Concat(Enumerable.Repeat("Data: " + new string('d', 100) + "\r\n", 20)) + "\r\n", reader);

        Assert.Equal(3, logs.Lines.Count);
        Assert.Contains(logs.Lines, l => l.Contains("2 malformed frames skipped so far", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("1 oversized frames skipped so far", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("garbage", StringComparison.Ordinal));
    }

    [Fact]
    public void A_frame_that_starts_with_a_line_without_a_colon_is_malformed_even_after_a_bare_LF()
    {
        var reader = new AmiFrameReader();
        var messages = Parse("garbage line\nEvent: Broken\n\nEvent: After\n\n", reader);

        Assert.Equal(["After"], messages.Select(m => m.EventName));
        Assert.Equal(1, reader.MalformedFrames);
    }

    [Fact]
    public void Binary_garbage_is_skipped_up_to_the_next_blank_line()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = garbage[i] is (byte)'\n' or (byte)':' ? (byte)0xFF : garbage[i];
            if (i % 100 == 99)
            {
                garbage[i] = (byte)'\n';
            }
        }

        var reader = new AmiFrameReader();
        var messages = Parse(Concat("Event: Before\r\n\r\n"u8, garbage, "\r\n\r\nEvent: After\r\n\r\n"u8), reader);

        Assert.Equal(["Before", "After"], messages.Select(m => m.EventName));
        Assert.Equal(1, reader.MalformedFrames);
    }

    [Fact]
    public void A_frame_that_is_not_UTF8_is_found_and_classified_but_not_made_into_a_message()
    {
        var reader = new AmiFrameReader();
        var messages = Parse(Concat("Event: Bad\r\nCallerIDName: "u8, [0xC3, 0x28, 0xFF], "\r\n\r\nEvent: After\r\n\r\n"u8), reader);

        Assert.Equal(["After"], messages.Select(m => m.EventName));
        Assert.Equal(1, reader.MalformedFrames);
    }

    [Fact]
    public void UTF8_values_are_decoded()
    {
        var message = Single("Event: Newchannel\r\nCallerIDName: Агент 101 — Zoë\r\n\r\n");

        Assert.Equal("Агент 101 — Zoë", message["CallerIDName"]);
    }

    [Fact]
    public void An_oversized_frame_is_skipped_as_it_streams_past_and_the_next_frame_is_read()
    {
        var reader = new AmiFrameReader(maxFrameBytes: 1024);
        var big = "Event: Big\r\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"Line{i}: {new string('x', 40)}\r\n")) + "\r\n";
        var bytes = Encoding.UTF8.GetBytes("Event: Before\r\n\r\n" + big + "Event: After\r\n\r\n");

        var messages = ChunkedFeed.Parse(bytes.Prepend((byte)'\n').ToArray(), () => 100, maxFrameBytes: 1024);
        var whole = Parse(bytes, reader);

        Assert.Equal(["Before", "After"], messages.Select(EventNameOf));
        Assert.Equal(["Before", "After"], whole.Select(m => m.EventName));
        Assert.Equal(1, reader.OversizedFrames);
    }

    [Fact]
    public void A_huge_line_without_a_line_end_is_not_buffered_whole()
    {
        var reader = new AmiFrameReader(maxFrameBytes: 1024);
        var buffer = Bytes("Event: Huge\r\nValue: " + new string('y', 4000));

        Assert.False(reader.TryReadFrame(ref buffer));

        Assert.True(buffer.Length <= 1, "the oversized frame's bytes were consumed");
        buffer = Bytes(new string('y', 3000) + "\r\nMore: z\r\n\r\nEvent: After\r\n\r\n");
        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.Equal("After", Encoding.UTF8.GetString(reader.EventName));
        Assert.Equal(1, reader.OversizedFrames);
    }

    [Fact]
    public void A_truncated_frame_at_the_end_of_the_bytes_waits_for_the_rest()
    {
        var reader = new AmiFrameReader();
        var buffer = Bytes("Event: Complete\r\n\r\nEvent: Trunc\r\nChannel: SIP/1");

        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.False(reader.TryReadFrame(ref buffer));
        Assert.Equal("Event: Trunc\r\nChannel: SIP/1", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void The_raw_text_of_a_frame_is_the_bytes_received()
    {
        var reader = new AmiFrameReader();
        var buffer = Bytes("\r\nEvent: A\nKey: v\r\n\r\n");

        Assert.True(reader.TryReadFrame(ref buffer));

        Assert.Equal("Event: A\nKey: v\r\n\r\n", reader.GetFrameText());
    }

    [Fact]
    public void A_reader_refuses_a_limit_too_small_for_any_frame() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AmiFrameReader(maxFrameBytes: 10));

    private static string? EventNameOf(string described) =>
        AmiMessage.Parse(described[(described.IndexOf('|', StringComparison.Ordinal) + 1)..]).EventName;

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];

    private static AmiMessage Single(string text) => Assert.Single(Parse(text));

    private static List<AmiMessage> Parse(string text, AmiFrameReader? reader = null) => Parse(Encoding.UTF8.GetBytes(text), reader);

    private static List<AmiMessage> Parse(byte[] bytes, AmiFrameReader? reader = null)
    {
        reader ??= new AmiFrameReader();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var messages = new List<AmiMessage>();
        while (reader.TryReadFrame(ref buffer))
        {
            if (reader.TryCreateMessage(out var message))
            {
                messages.Add(message);
            }
        }

        return messages;
    }
}
