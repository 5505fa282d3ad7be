using System.Text.Json.Serialization;

namespace Switchboard.Contracts;

// The wire names of enumerations are camelCase strings, whatever serializer settings a client uses.

[JsonConverter(typeof(JsonStringEnumConverter<CallDirection>))]
public enum CallDirection
{
    [JsonStringEnumMemberName("incoming")] Incoming,
    [JsonStringEnumMemberName("outgoing")] Outgoing,
    [JsonStringEnumMemberName("internal")] Internal,
}

[JsonConverter(typeof(JsonStringEnumConverter<CallState>))]
public enum CallState
{
    [JsonStringEnumMemberName("alerting")] Alerting,
    [JsonStringEnumMemberName("connected")] Connected,
    [JsonStringEnumMemberName("held")] Held,
    [JsonStringEnumMemberName("busy")] Busy,
    [JsonStringEnumMemberName("finished")] Finished,
}

[JsonConverter(typeof(JsonStringEnumConverter<CallEndReason>))]
public enum CallEndReason
{
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("missed")] Missed,
    [JsonStringEnumMemberName("busy")] Busy,
    [JsonStringEnumMemberName("abandoned")] Abandoned,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("transferred")] Transferred,
}

[JsonConverter(typeof(JsonStringEnumConverter<AgentState>))]
public enum AgentState
{
    [JsonStringEnumMemberName("available")] Available,
    [JsonStringEnumMemberName("away")] Away,
    [JsonStringEnumMemberName("doNotDisturb")] DoNotDisturb,
    [JsonStringEnumMemberName("wrapUp")] WrapUp,
    [JsonStringEnumMemberName("busy")] Busy,
    [JsonStringEnumMemberName("offline")] Offline,
}

[JsonConverter(typeof(JsonStringEnumConverter<UserRole>))]
public enum UserRole
{
    [JsonStringEnumMemberName("agent")] Agent,
    [JsonStringEnumMemberName("supervisor")] Supervisor,
    [JsonStringEnumMemberName("administrator")] Administrator,
}

/// <summary>How a supervisor is in an agent's call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupervisionMode>))]
public enum SupervisionMode
{
    [JsonStringEnumMemberName("listen")] Listen,
    [JsonStringEnumMemberName("whisper")] Whisper,
    [JsonStringEnumMemberName("barge")] Barge,
}
