using System.Net;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Tests.Api;

/// <summary>Linking a call to a contact or account, and commenting it.</summary>
public abstract class CallEditingApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task Linking_a_call_to_a_contact_links_it_to_the_contacts_account_too()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var call = fixture.CallIds["s.2"];

        using var answer = (await agent1.PutJsonAsync($"/api/calls/{call}/link", new { contactId = fixture.ContactId("Olga Smirnova") })).Expect(HttpStatusCode.OK);
        var card = await agent1.GetJsonAsync($"/api/calls/{call}");

        Assert.Equal("Olga Smirnova", answer.Body!["contactName"]!.GetValue<string>());
        Assert.Equal(fixture.ContactId("Olga Smirnova"), card["contactId"]!.GetValue<Guid>());
        Assert.Equal(fixture.AccountId("Vector Ltd"), card["accountId"]!.GetValue<Guid>());
        Assert.Equal("Vector Ltd", card["accountName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Linking_a_call_to_an_account_alone_leaves_no_contact()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var call = fixture.CallIds["s.10"];
        (await agent1.PutJsonAsync($"/api/calls/{call}/link", new { contactId = fixture.ContactId("Maria Orlova") })).Expect(HttpStatusCode.OK).Dispose();

        (await agent1.PutJsonAsync($"/api/calls/{call}/link", new { accountId = fixture.AccountId("Horns and Hooves") })).Expect(HttpStatusCode.OK).Dispose();
        var card = await agent1.GetJsonAsync($"/api/calls/{call}");

        Assert.Null(card["contactId"]);
        Assert.Equal("Horns and Hooves", card["accountName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Linking_a_call_that_is_still_active_tells_the_messaging_service()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var maria = fixture.ContactId("Maria Orlova");

        (await agent1.PutJsonAsync($"/api/calls/{fixture.CallIds["s.9"]}/link", new { contactId = maria.ToString() })).Expect(HttpStatusCode.OK).Dispose();

        var heard = Assert.Single(fixture.Links.Heard, h => h.PbxCallId == "s.9");
        Assert.Equal(new HeardLink("s.9", "101", maria, "Maria Orlova", fixture.AccountId("Vector Ltd"), "Vector Ltd"), heard);
    }

    [Fact]
    public async Task Linking_a_finished_call_is_only_stored()
    {
        using var agent2 = await Server.SignInAsync("agent2");

        (await agent2.PutJsonAsync($"/api/calls/{fixture.CallIds["s.8"]}/link", new { accountId = fixture.AccountId("Vector Ltd") })).Expect(HttpStatusCode.OK).Dispose();

        Assert.DoesNotContain(fixture.Links.Heard, h => h.PbxCallId == "s.8");
    }

    [Theory]
    [InlineData("{}", "contactId")]
    [InlineData("{\"contactId\":\"olga\"}", "contactId")]
    [InlineData("{\"accountId\":\"vector\"}", "accountId")]
    [InlineData("{\"contactId\":\"7b0c2a5e-0000-0000-0000-000000000000\"}", "contactId")]
    [InlineData("{\"accountId\":\"7b0c2a5e-0000-0000-0000-000000000000\"}", "accountId")]
    public async Task A_link_to_nothing_to_a_malformed_id_or_to_a_record_that_does_not_exist_is_400_naming_the_field(string body, string field)
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = (await agent1.PutRawJsonAsync($"/api/calls/{fixture.CallIds["s.7"]}/link", body)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(field));
    }

    [Fact]
    public async Task Linking_or_commenting_a_call_that_does_not_exist_is_404()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        (await supervisor.PutJsonAsync($"/api/calls/{Guid.NewGuid()}/link", new { accountId = fixture.AccountId("Vector Ltd") })).Expect(HttpStatusCode.NotFound).Dispose();
        (await supervisor.PutJsonAsync($"/api/calls/{Guid.NewGuid()}/comment", new { comment = "x" })).Expect(HttpStatusCode.NotFound).Dispose();
    }

    [Fact]
    public async Task A_comment_is_set_replaced_and_cleared()
    {
        using var agent2 = await Server.SignInAsync("agent2");
        var call = $"/api/calls/{fixture.CallIds["s.11"]}";

        (await agent2.PutJsonAsync($"{call}/comment", new { comment = "  Wants a quote  " })).Expect(HttpStatusCode.OK).Dispose();
        var set = (await agent2.GetJsonAsync(call))["comment"]!.GetValue<string>();
        (await agent2.PutJsonAsync($"{call}/comment", new { comment = "Sent the quote" })).Expect(HttpStatusCode.OK).Dispose();
        var replaced = (await agent2.GetJsonAsync(call))["comment"]!.GetValue<string>();
        (await agent2.PutJsonAsync($"{call}/comment", new { comment = "" })).Expect(HttpStatusCode.OK).Dispose();
        var cleared = (await agent2.GetJsonAsync(call))["comment"];

        Assert.Equal("Wants a quote", set);
        Assert.Equal("Sent the quote", replaced);
        Assert.Null(cleared);
    }

    [Fact]
    public async Task A_comment_of_the_longest_length_is_kept_and_a_longer_one_is_400_naming_the_field()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var call = $"/api/calls/{fixture.CallIds["s.12"]}";

        using var longest = (await agent1.PutJsonAsync($"{call}/comment", new { comment = new string('a', CallEditor.MaxCommentLength) })).Expect(HttpStatusCode.OK);
        using var longer = (await agent1.PutJsonAsync($"{call}/comment", new { comment = new string('b', CallEditor.MaxCommentLength + 1) })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(CallEditor.MaxCommentLength, longest.Body!["comment"]!.GetValue<string>().Length);
        Assert.NotNull(longer.ErrorsAbout("comment"));
        Assert.Equal(new string('a', CallEditor.MaxCommentLength), (await agent1.GetJsonAsync(call))["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_comment_with_control_characters_other_than_line_breaks_is_400_naming_the_field()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = (await agent1.PutJsonAsync($"/api/calls/{fixture.CallIds["s.7"]}/comment", new { comment = "bell\u0007 and nul\u0000" }))
            .Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("comment"));
    }

    [Fact]
    public async Task A_later_save_of_the_call_keeps_the_comment_made_in_the_calls_section()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var call = $"/api/calls/{fixture.CallIds["s.3"]}";
        (await agent1.PutJsonAsync($"{call}/comment", new { comment = "Called about the invoice" })).Expect(HttpStatusCode.OK).Dispose();

        // The Messaging Service saves the call again (a retry): its snapshot has no comment.
        var again = TestCalls.Outgoing("s.3", "101", "984951112233", TestCalls.Noon.AddMinutes(20))
            .Answered(TestCalls.Noon.AddMinutes(20).AddSeconds(7))
            .Ended(TestCalls.Noon.AddMinutes(25), CallEndReason.Completed);
        await Server.Get<CallLog>().SaveAsync(again, TestCalls.Noon.AddHours(2), Timeouts.Token()).WithTimeout();

        Assert.Equal("Called about the invoice", (await agent1.GetJsonAsync(call))["comment"]!.GetValue<string>());
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallEditingApiTests(PostgresCallsSectionFixture fixture) : CallEditingApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteCallEditingApiTests(SqliteCallsSectionFixture fixture) : CallEditingApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
