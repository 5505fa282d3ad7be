using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Domain = Switchboard.Telephony;

namespace Switchboard.Messaging.Tests;

public class ContractMapperTests
{
    [Fact]
    public void Every_domain_enumeration_member_has_its_contract_twin()
    {
        AssertMirrors<Domain.Calls.CallDirection, CallDirection>();
        AssertMirrors<Domain.Calls.CallState, CallState>();
        AssertMirrors<Domain.Calls.CallEndReason, CallEndReason>();
        AssertMirrors<Domain.Agents.AgentState, AgentState>();
        AssertMirrors<Domain.Calls.SupervisionMode, SupervisionMode>();
    }

    [Fact]
    public void Every_operation_flag_maps_to_its_named_flag()
    {
        foreach (var flag in Enum.GetValues<Domain.Calls.CallOperations>().Where(f => f != Domain.Calls.CallOperations.None))
        {
            var json = JsonSerializer.SerializeToElement(ContractMapper.ToDto(flag), JsonSerializerOptions.Web);
            var set = json.EnumerateObject().Where(p => p.Value.GetBoolean()).Select(p => p.Name).ToList();
            Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(flag.ToString()), Assert.Single(set));
        }
    }

    [Fact]
    public void Enumerations_travel_as_camel_case_strings()
    {
        var json = JsonSerializer.Serialize(new AgentStateChangedEvent("101", AgentState.DoNotDisturb, null), JsonSerializerOptions.Web);

        Assert.Contains("\"state\":\"doNotDisturb\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_maps_with_its_durations_and_match()
    {
        var start = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var contact = new Domain.Calls.ContactCandidate(Guid.NewGuid(), "Ivan Sidorov", Guid.NewGuid(), "Romashka LLC", "e164");
        var call = new Domain.Calls.Call
        {
            Id = Guid.NewGuid(),
            Key = new Domain.Calls.CallKey("c1", "101"),
            ConversationId = "c1",
            Direction = Domain.Calls.CallDirection.Incoming,
            CallerNumber = "+74951234567",
            CalleeNumber = "101",
            State = Domain.Calls.CallState.Finished,
            StartedAt = start,
            AnsweredAt = start.AddSeconds(5),
            EndedAt = start.AddSeconds(65),
            CompletedHoldTime = TimeSpan.FromSeconds(10),
            EndReason = Domain.Calls.CallEndReason.Completed,
            CallerMatch = Domain.Calls.CallerMatch.From([contact]),
        };

        var dto = ContractMapper.ToDto(call, start.AddHours(1));

        Assert.Equal(5, dto.TimeBeforeConnectionSeconds);
        Assert.Equal(65, dto.DurationSeconds);
        Assert.Equal(50, dto.TalkSeconds);
        Assert.Equal(10, dto.HoldSeconds);
        Assert.Equal(CallEndReason.Completed, dto.EndReason);
        Assert.Equal("Romashka LLC", dto.Contact?.AccountName);
        Assert.Single(dto.Candidates);
    }

    private static void AssertMirrors<TDomain, TContract>()
        where TDomain : struct, Enum
        where TContract : struct, Enum
    {
        Assert.Equal(Enum.GetNames<TDomain>(), Enum.GetNames<TContract>());
        foreach (var value in Enum.GetValues<TDomain>())
        {
            Assert.Equal(value.ToString(), ContractMapper.ByName<TContract>(value).ToString());
        }
    }
}
