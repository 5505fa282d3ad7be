using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Live;

/// <summary>
/// The live scenarios, each a whole call: what the agent's panel would see over the hub, what the panel's
/// commands do on the real PBX, and the rows the call log has at the end. A failed check throws.
/// </summary>
internal static class Scenarios
{
    private static readonly TimeSpan PartyLimit = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<(string Name, Func<SmokeRun, Task> Run)> All { get; } =
    [
        ("incoming call with the caller found, hold and unhold", IncomingHoldUnholdAsync),
        ("blind transfer", BlindTransferAsync),
        ("attended transfer, completed", run => AttendedTransferAsync(run, complete: true)),
        ("attended transfer, cancelled", run => AttendedTransferAsync(run, complete: false)),
        ("consultation merged into a three-way conference", ConferenceAsync),
        ("click-to-call", ClickToCallAsync),
        ("supervisor listens", ListenAsync),
        ("supervisor whispers, then barges in; the agent sees each", WhisperAndBargeAsync),
        ("queue call, then the queue's wrap-up", QueueWrapUpAsync),
        ("agent state both ways: panel to presence, presence to panel", PresenceAsync),
        ("recording from the panel, played from the log", RecordingAsync),
    ];

    private static async Task IncomingHoldUnholdAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent1");
        await using var phone = run.Phone("101");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(12));

        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == "101" && c.CallerNumber == SmokeRun.Caller);
        Check(started.Contact?.ContactName is not null, $"the caller was not found among contacts ({started.CallerNumber})");
        await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == started.Id);
        await agent.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == started.Id && l.Operations.Hold);
        await agent.Model.HoldCallAsync(started.Id);
        await agent.WaitForCallAsync(CtiEvents.Hold, c => c.Id == started.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await agent.Model.UnholdCallAsync(started.Id);
        await agent.WaitForCallAsync(CtiEvents.Unhold, c => c.Id == started.Id);
        await caller.FinishedAsync(PartyLimit);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);

        Check(finished.EndReason == CallEndReason.Completed, $"ended {finished.EndReason}, not completed");
        var row = Single(await run.RowsAsync(started.ConversationId, 1));
        Check(Text(row, "direction") == "incoming" && Text(row, "endReason") == "completed", $"row {row}");
        Check(row.GetProperty("holdSeconds").GetInt32() >= 1, $"no hold time in {row}");
        Check(row.GetProperty("contactId").ValueKind == JsonValueKind.String, $"no contact in {row}");
    }

    private static async Task BlindTransferAsync(SmokeRun run)
    {
        await using var a = await run.ConnectAsync("agent1");
        await using var b = await run.ConnectAsync("agent2");
        await using var phoneA = run.Phone("101");
        await using var phoneB = run.Phone("102");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(14));

        var call = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101");
        await a.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == call.Id && l.Operations.BlindTransfer);
        await a.Model.BlindTransferCallAsync(call.Id, "102");
        var atA = await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        var atB = await b.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "102");
        await caller.FinishedAsync(PartyLimit);
        await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == atB.Id);

        Check(atA.EndReason == CallEndReason.Transferred, $"101's call ended {atA.EndReason}");
        Check(atB.CallerNumber == SmokeRun.Caller, $"102 got {atB.CallerNumber}, not the caller");
        var rows = await run.RowsAsync(call.ConversationId, 2);
        Check(rows.Count == 2, $"{rows.Count} rows, not 2");
    }

    private static async Task AttendedTransferAsync(SmokeRun run, bool complete)
    {
        await using var a = await run.ConnectAsync("agent1");
        await using var b = await run.ConnectAsync("agent2");
        await using var phoneA = run.Phone("101");
        await using var phoneB = run.Phone("102");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(22));

        var call = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101");
        await a.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == call.Id && l.Operations.MakeConsultCall);
        await a.Model.MakeConsultCallAsync(call.Id, "102");
        var consultation = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.ParentCallId == call.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));
        if (complete)
        {
            await a.Model.TransferCallAsync(consultation.Id);
        }
        else
        {
            await a.Model.CancelTransferAsync(consultation.Id);
        }

        await caller.FinishedAsync(PartyLimit);
        var original = await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Check(original.EndReason == (complete ? CallEndReason.Transferred : CallEndReason.Completed), $"101's call ended {original.EndReason}");
        var consultations = a.All<CallDto>(CtiEvents.CallStarted).Count(c => c.ParentCallId == call.Id);
        Check(consultations == 1, $"the agent got {consultations} consultations, not 1");
        var rows = await run.RowsAsync(call.ConversationId, 3);
        Check(rows.Count == 3, $"{rows.Count} rows, not 3: {string.Join(", ", rows.Select(r => $"{Text(r, "line")} {Text(r, "endReason")}"))}");
        Check(rows.Count(r => Text(r, "parentPbxCallId") == call.PbxCallId) == 1, "not exactly one consultation row");
    }

    // Asterisk's three-way of an attended transfer (Asterisk:ThreeWayCode, the refpbx's atxferthreeway *5).
    private static async Task ConferenceAsync(SmokeRun run)
    {
        await using var a = await run.ConnectAsync("agent1");
        await using var b = await run.ConnectAsync("agent2");
        await using var phoneA = run.Phone("101");
        await using var phoneB = run.Phone("102");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(16));

        var call = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101");
        await a.Model.MakeConsultCallAsync(call.Id, "102");
        var consultation = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.ParentCallId == call.Id);
        await a.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == consultation.Id && l.Operations.Conference);
        await run.PostAsync($"/api/line-calls/{consultation.Id}/conference", a.Token);
        await a.WaitForAsync<CallDto>(CtiEvents.CallInfoChanged, c => c.Line == "101" && c.Conference?.Members.Count == 3);
        await b.WaitForAsync<CallDto>(CtiEvents.CallInfoChanged, c => c.Line == "102" && c.Conference?.Members.Count == 3);
        await caller.FinishedAsync(PartyLimit);
        // The two agents are still together once the caller left: the agent hangs up what is left on the panel.
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var left in (await a.Model.GetActiveCallsAsync()).Calls.Where(c => c.Line == "101"))
        {
            await a.Model.DropCallAsync(left.Id);
        }

        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == consultation.Id);
        var rows = await run.RowsAsync(call.ConversationId, 3);
        Check(rows.Count == 3, $"{rows.Count} rows, not 3");
    }

    private static async Task ClickToCallAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent1");
        await using var phone = run.Phone("101");
        await using var callee = run.Callee();

        await agent.Model.MakeCallAsync("984951112233");
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101" && c.Direction == CallDirection.Outgoing);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await agent.Model.DropCallAsync(call.Id);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);

        Check(finished.Contact?.ContactName is not null, $"the dialled contact was not found ({finished.CalleeNumber})");
        var row = Single(await run.RowsAsync(call.ConversationId, 1));
        Check(Text(row, "direction") == "outgoing" && row.GetProperty("talkSeconds").GetInt32() >= 1, $"row {row}");
    }

    private static async Task ListenAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent1");
        await using var supervisor = await run.ConnectAsync("supervisor");
        await using var phone = run.Phone("101");
        await using var supervisorPhone = run.Phone("103");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(12));

        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101");
        await supervisor.Model.ListenCallAsync(call.Id);
        var listening = await supervisor.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "103");
        Check(listening.IsListening, "the supervisor's call is not a listening call");
        await caller.FinishedAsync(PartyLimit);
        await supervisor.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == listening.Id);
        var rows = await run.RowsAsync(call.ConversationId, 1);
        Check(rows.All(r => Text(r, "line") == "101"), "the listening call was logged");
    }

    private static async Task WhisperAndBargeAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent1");
        await using var supervisor = await run.ConnectAsync("supervisor");
        await using var phone = run.Phone("101");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(20));

        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101");
        foreach (var mode in new[] { SupervisionMode.Whisper, SupervisionMode.Barge })
        {
            await using var supervisorPhone = run.Phone("103");
            await supervisor.Model.ListenCallAsync(call.Id, mode);
            var spying = await supervisor.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "103" && c.ListenMode == mode);
            await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision?.Mode == mode && c.Supervision.SupervisorLine == "103");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await supervisor.Model.DropCallAsync(spying.Id);
            await supervisor.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == spying.Id);
            await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision is null);
        }

        await caller.FinishedAsync(PartyLimit);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }

    // The reference Asterisk's queue support (DID 600, ringall, wrapuptime 10): 102 answers, 101 does not.
    private static async Task QueueWrapUpAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent2");
        await using var phone = run.Phone("102");
        await using var caller = run.CallFromOutside("600", TimeSpan.FromSeconds(4));

        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "102");
        await caller.FinishedAsync(PartyLimit);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        var wrapUp = await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == "102" && e.State == AgentState.WrapUp);
        var started = DateTime.UtcNow;
        await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == "102" && e.State == AgentState.Available);
        var lasted = DateTime.UtcNow - started;
        Check(lasted >= TimeSpan.FromSeconds(5), $"wrap-up lasted {lasted.TotalSeconds:F1} s; the queue's wrapuptime is longer");
        Console.WriteLine($"      wrap-up shown for {lasted.TotalSeconds:F1} s ({wrapUp.Reason})");
    }

    // The panel's state reaches the line's presence on Asterisk, and a presence set on Asterisk reaches the panel.
    private static async Task PresenceAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent1");
        await using var ami = new Ami.AmiConnection(run.Options.Ami);
        await ami.ConnectAsync();
        try
        {
            await agent.Model.SetAgentStateAsync(AgentState.DoNotDisturb);
            await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == "101" && e.State == AgentState.DoNotDisturb);
            var presence = await ami.SendActionAsync(new Ami.AmiAction("PresenceState").Add("Provider", "CustomPresence:101"));
            Check(string.Equals(presence["State"], "dnd", StringComparison.OrdinalIgnoreCase), $"Asterisk's presence of 101 is {presence["State"]}, not dnd");

            await ami.SendActionAsync(new Ami.AmiAction("Setvar").Add("Variable", "PRESENCE_STATE(CustomPresence:101)").Add("Value", "away,,At the dentist"));
            var away = await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == "101" && e.State == AgentState.Away);
            Check(away.Reason == "At the dentist", $"the reason is '{away.Reason}'");
        }
        finally
        {
            await agent.Model.SetAgentStateAsync(AgentState.Available);
            await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == "101" && e.State == AgentState.Available);
        }
    }

    // MixMonitor started and stopped from the panel; the server reads Asterisk's monitor folder (Recordings:Folder).
    private static async Task RecordingAsync(SmokeRun run)
    {
        await using var agent = await run.ConnectAsync("agent1");
        await using var phone = run.Phone("101");
        await using var caller = run.CallFromOutside("101", TimeSpan.FromSeconds(10));

        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == "101");
        await run.PostAsync($"/api/calls/active/{call.Id}/recording/start", agent.Token);
        await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Recording);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await run.PostAsync($"/api/calls/active/{call.Id}/recording/stop", agent.Token);
        await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && !c.Recording);
        await caller.FinishedAsync(PartyLimit);

        var row = Single(await run.RowsAsync(call.ConversationId, 1));
        Check(row.GetProperty("hasRecording").GetBoolean(), $"the row has no recording: {row}");
        var (status, bytes, type) = await run.GetRecordingAsync(row.GetProperty("id").GetGuid(), agent.Token);
        Check(status == 200 && bytes > 44 * 2 && type == "audio/wav", $"the recording answered {status}, {bytes} bytes of {type}");
        Console.WriteLine($"      recording: {bytes} bytes of {type}");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static JsonElement Single(IReadOnlyList<JsonElement> rows)
    {
        Check(rows.Count == 1, $"{rows.Count} rows, not 1");
        return rows[0];
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
