using System.Text.Json;
using Switchboard.Messaging.Mapping;
using Domain = Switchboard.Telephony;

namespace Switchboard.Messaging.Tests;

public class CandidateMappingTests
{
    [Fact]
    public void A_colleague_on_an_internal_line_travels_with_the_users_id_and_name()
    {
        var anna = Guid.NewGuid();
        var candidate = new Domain.Calls.ContactCandidate(null, null, null, null, "extension") { UserId = anna, UserName = "Anna Petrova" };

        var json = JsonSerializer.SerializeToElement(ContractMapper.ToDto(candidate), JsonSerializerOptions.Web);

        Assert.Equal("extension", json.GetProperty("matchedBy").GetString());
        Assert.Equal(anna, json.GetProperty("userId").GetGuid());
        Assert.Equal("Anna Petrova", json.GetProperty("userName").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("contactId").ValueKind);
    }

    [Fact]
    public void A_contact_travels_without_a_user()
    {
        var candidate = new Domain.Calls.ContactCandidate(Guid.NewGuid(), "Ivan Sidorov", Guid.NewGuid(), "Romashka LLC", "nationalNumber");

        var dto = ContractMapper.ToDto(candidate);

        Assert.Equal("nationalNumber", dto.MatchedBy);
        Assert.Null(dto.UserId);
        Assert.Null(dto.UserName);
    }
}
