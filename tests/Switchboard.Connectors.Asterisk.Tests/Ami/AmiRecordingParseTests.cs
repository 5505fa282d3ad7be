using System.Text;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>The parser against every recording of real Asterisk traffic in the three fixture folders.</summary>
public sealed class AmiRecordingParseTests
{
    public static TheoryData<string> Recordings => AmiRecordings.Theory();

    [Fact]
    public void The_three_fixture_folders_hold_recordings()
    {
        var all = AmiRecordings.All;
        Assert.Contains(all, name => !name.Contains('/', StringComparison.Ordinal));
        Assert.Contains(all, name => name.StartsWith("asterisk22-pjsip/", StringComparison.Ordinal));
        Assert.Contains(all, name => name.StartsWith("asterisk22-features/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_recording_gives_the_messages_its_notes_count(string name)
    {
        var messages = AmiFrameReader.ReadAll(AmiRecordings.Read(name));

        var counted = messages.GroupBy(Label).ToDictionary(g => g.Key, g => g.Count());
        var expected = AmiRecordings.ExpectedCounts(name);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), counted.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(AmiRecordings.ExpectedMessageCount(name), messages.Count);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void No_frame_of_any_recording_is_skipped_as_malformed_or_oversized(string name)
    {
        var reader = new AmiFrameReader();
        var buffer = new System.Buffers.ReadOnlySequence<byte>(AmiRecordings.Read(name));
        Assert.True(AmiFrameReader.TryReadBanner(ref buffer, out var banner));
        Assert.StartsWith("Asterisk Call Manager/", banner, StringComparison.Ordinal);
        var frames = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            Assert.True(reader.TryCreateMessage(out _));
            frames++;
        }

        Assert.Equal(0, buffer.Length);
        Assert.Equal(0, reader.MalformedFrames);
        Assert.Equal(0, reader.OversizedFrames);
        Assert.Equal(AmiRecordings.ExpectedMessageCount(name), frames);
    }

    [Theory]
    [InlineData("08b-hold-park.ami")]
    [InlineData("asterisk22-pjsip/06b-hold-park.ami")]
    public void The_park_response_with_a_bare_LF_in_its_value_is_one_frame_and_the_next_frame_follows(string name)
    {
        var bytes = AmiRecordings.Read(name);
        Assert.True(bytes.AsSpan().IndexOf("Park successful\n\r\n\r\n"u8) >= 0, "the recording holds the bare LF");

        var messages = AmiFrameReader.ReadAll(bytes);

        var index = messages.ToList().FindIndex(m => m.ActionId is { } id && id.StartsWith("park-", StringComparison.Ordinal));
        var park = messages[index];
        Assert.Equal(AmiMessageKind.Response, park.Kind);
        Assert.Equal("Success", park.Response);
        Assert.Equal("Park successful", park["Message"]);
        Assert.Equal(3, park.Fields.Count);
        Assert.Equal(AmiMessageKind.Event, messages[index + 1].Kind);
    }

    [Theory]
    [InlineData("11-housekeeping.ami", "command-7")]
    [InlineData("asterisk22-pjsip/11-housekeeping.ami", null)]
    public void A_command_response_keeps_every_repeated_Output_key_in_order(string name, string? actionId)
    {
        var messages = AmiFrameReader.ReadAll(AmiRecordings.Read(name));

        var command = messages.First(m => m.ActionId is { } id && id.StartsWith(actionId ?? "command-", StringComparison.Ordinal));
        var output = command.GetAll("Output");
        Assert.Equal("Command output follows", command["Message"]);
        Assert.True(output.Count >= 3);
        Assert.Equal(command.Fields.Count(f => f.Key == "Output"), output.Count);
        Assert.Equal(output[0], command["Output"]);
        Assert.Contains(output, line => line.Contains("active channel", StringComparison.Ordinal));
    }

    [Fact]
    public void The_recorded_command_output_keeps_its_trailing_spaces()
    {
        var messages = AmiFrameReader.ReadAll(AmiRecordings.Read("11-housekeeping.ami"));

        var header = messages.Single(m => m.ActionId == "command-7").GetAll("Output")[0];
        Assert.StartsWith("Channel ", header, StringComparison.Ordinal);
        Assert.EndsWith(" ", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02-click-to-call.ami")]
    [InlineData("08b-hold-park.ami")]
    [InlineData("asterisk22-pjsip/05-click-to-call.ami")]
    public void OriginateResponse_is_an_event_although_it_carries_Response_and_ActionID(string name)
    {
        var messages = AmiFrameReader.ReadAll(AmiRecordings.Read(name));

        var originate = messages.First(m => m.EventName == "OriginateResponse");
        Assert.Equal(AmiMessageKind.Event, originate.Kind);
        Assert.NotNull(originate.Response);
        Assert.NotNull(originate.ActionId);
        var answer = messages.First(m => m.Kind == AmiMessageKind.Response && m.ActionId == originate.ActionId);
        Assert.True(messages.ToList().IndexOf(answer) < messages.ToList().IndexOf(originate), "the response comes before the event");
    }

    [Fact]
    public void A_list_action_answer_is_a_response_with_EventList_start_then_items_then_the_Complete_event()
    {
        var messages = AmiFrameReader.ReadAll(AmiRecordings.Read("11-housekeeping.ami"));

        var withId = messages.Where(m => m.ActionId == "coreshowchannels-2").ToList();
        Assert.Equal(AmiMessageKind.Response, withId[0].Kind);
        Assert.Equal("start", withId[0]["EventList"]);
        Assert.All(withId.Skip(1).SkipLast(1), m => Assert.Equal("CoreShowChannel", m.EventName));
        Assert.Equal("Complete", withId[^1]["EventList"]);
        Assert.Equal((withId.Count - 2).ToString(System.Globalization.CultureInfo.InvariantCulture), withId[^1]["ListItems"]);
    }

    [Fact]
    public void The_PresenceState_response_keeps_both_of_its_Message_keys()
    {
        var messages = AmiFrameReader.ReadAll(AmiRecordings.Read("asterisk22-features/19-pause-presence.ami"));

        var presence = messages.First(m => m.Kind == AmiMessageKind.Response && m.GetAll("Message").Count == 2);
        Assert.Equal("Presence State", presence.GetAll("Message")[0]);
    }

    [Fact]
    public void Filtering_keeps_the_wanted_events_and_every_response()
    {
        var bytes = AmiRecordings.Read("01-inbound-answered.ami");
        var all = AmiFrameReader.ReadAll(bytes);

        var filtered = AmiFrameReader.ReadAll(bytes, new AmiEventFilter(["Newchannel", "hangup"]));

        Assert.Equal(
            all.Where(m => m.Kind == AmiMessageKind.Response || m.EventName is "Newchannel" or "Hangup").Select(m => m.ToString()),
            filtered.Select(m => m.ToString()));
    }

    [Fact]
    public void A_message_prints_back_to_the_bytes_it_was_read_from()
    {
        var bytes = AmiRecordings.Read("asterisk22-pjsip/01-inbound-answered.ami");
        var afterBanner = Encoding.UTF8.GetString(bytes.AsSpan(Array.IndexOf(bytes, (byte)'\n') + 1));

        var printed = string.Concat(AmiFrameReader.ReadAll(bytes).Select(m => m + "\r\n"));

        Assert.Equal(afterBanner, printed);
    }

    private static string Label(AmiMessage message) =>
        message.Kind == AmiMessageKind.Event ? message.EventName! : $"Response: {message.Response}";
}
