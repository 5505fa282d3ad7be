using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Switchboard.Contracts;
using Switchboard.Messaging.Hub;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// Every hub command × every identity, aimed at agent1's connected call on line 101: only its
/// owner controls it, only supervisors of its team and administrators listen to it, nobody else
/// is let through, and an identity without a good token cannot even connect.
/// </summary>
public sealed class HubCommandMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private const string Refused = "forbidden";

    // Who may act on the call, by command; everyone else signed in is refused as forbidden.
    private static readonly Dictionary<string, Identity[]> AllowedBy = new(StringComparer.Ordinal)
    {
        [CtiCommands.GetActiveCalls] = [Identity.Agent, Identity.OtherAgent, Identity.TeamSupervisor, Identity.OtherSupervisor, Identity.Administrator],
        [CtiCommands.ListenCall] = [Identity.TeamSupervisor, Identity.Administrator],
        [CtiCommands.MakeCall] = [Identity.Agent],
        [CtiCommands.AnswerCall] = [Identity.Agent],
        [CtiCommands.SendDtmf] = [Identity.Agent],
        [CtiCommands.MuteCall] = [Identity.Agent],
        [CtiCommands.UnmuteCall] = [Identity.Agent],
        [CtiCommands.HoldCall] = [Identity.Agent],
        [CtiCommands.UnholdCall] = [Identity.Agent],
        [CtiCommands.SetAgentState] = [Identity.Agent],
        [CtiCommands.SetCallCentreMode] = [Identity.Agent],
        [CtiCommands.MakeConsultCall] = [Identity.Agent],
        [CtiCommands.CancelTransfer] = [Identity.Agent],
        [CtiCommands.TransferCall] = [Identity.Agent],
        [CtiCommands.BlindTransferCall] = [Identity.Agent],
        [CtiCommands.DropCall] = [Identity.Agent],
    };

    [Fact]
    public void Every_hub_command_has_a_row_in_the_matrix()
    {
        var commands = typeof(CtiHub).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name)
            .OfType<string>()
            .ToList();

        Assert.NotEmpty(commands);
        Assert.Empty(commands.Except(AllowedBy.Keys));
    }

    [Fact]
    public async Task Each_identity_may_do_exactly_what_the_matrix_says_to_another_agents_call()
    {
        await using var owner = new AgentSession(fixture.BaseAddress, fixture.TokenOf(Identity.Agent)!);
        await owner.StartAsync();
        var (_, call) = await fixture.AnsweredInboundAsync(owner, Demo.UnknownCaller, Demo.LineA);
        var wrong = new List<string>();

        // The owner last: their transfer and hang-up end the call the others aim at.
        Identity[] live = [Identity.OtherAgent, Identity.TeamSupervisor, Identity.OtherSupervisor, Identity.Administrator, Identity.Agent];
        foreach (var identity in live)
        {
            var session = identity == Identity.Agent ? owner : new AgentSession(fixture.BaseAddress, fixture.TokenOf(identity)!);
            try
            {
                if (session != owner)
                {
                    await session.StartAsync();
                }

                foreach (var (command, allowed) in AllowedBy)
                {
                    var code = await TryAsync(session, command, call.Id);
                    var mayAct = allowed.Contains(identity);
                    if (mayAct == (code == Refused))
                    {
                        wrong.Add($"{identity} {command}: {(mayAct ? "refused as forbidden" : $"let through ({code ?? "done"})")}");
                    }
                }

                var snapshot = await session.Model.GetActiveCallsAsync();
                if (identity != Identity.Agent && snapshot.Calls.Any(c => c.Line == Demo.LineA))
                {
                    wrong.Add($"{identity} getActiveCalls: sees line {Demo.LineA}'s call");
                }
            }
            finally
            {
                if (session != owner)
                {
                    await session.DisposeAsync();
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [InlineData(Identity.Anonymous)]
    [InlineData(Identity.ExpiredToken)]
    [InlineData(Identity.LoggedOutToken)]
    [InlineData(Identity.PasswordChangedToken)]
    [InlineData(Identity.DeletedUserToken)]
    public async Task An_identity_without_a_good_token_cannot_connect_so_no_command_reaches_the_hub(Identity identity)
    {
        await using var session = new AgentSession(fixture.BaseAddress, fixture.TokenOf(identity) ?? "");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(session.StartAsync);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>Sends the command aimed at the call or its line; the code of the refusal, or null when it was carried out.</summary>
    private static async Task<string?> TryAsync(AgentSession session, string command, Guid callId)
    {
        object? argument = command switch
        {
            CtiCommands.GetActiveCalls => null,
            CtiCommands.MakeCall => new MakeCallRequest("104", Demo.LineA),
            CtiCommands.SetAgentState => new SetAgentStateRequest(AgentState.Away, "Lunch", Demo.LineA),
            CtiCommands.SetCallCentreMode => new SetCallCentreModeRequest(true, Demo.LineA),
            CtiCommands.SendDtmf => new SendDtmfRequest(callId, "1"),
            CtiCommands.BlindTransferCall or CtiCommands.MakeConsultCall => new TransferRequest(callId, Demo.LineB),
            _ => new CallRequest(callId),
        };
        session.Clear();
        try
        {
            await session.Model.InvokeRawAsync(command, argument is null ? [] : [argument]).WaitAsync(Timeouts.Step);
            return null;
        }
        catch (HubException)
        {
            var error = await session.WaitForAsync<ErrorEvent>(CtiEvents.Error, e => e.Command == command);
            return error.Code;
        }
    }
}
