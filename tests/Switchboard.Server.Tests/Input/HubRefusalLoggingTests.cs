using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Messaging.Hub;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Input;

/// <summary>
/// What the log gets when a hub command does not go through, seen by a capturing logger while a
/// real SignalR client talks to the server: a refusal is one Information line without a stack; a
/// fault is one Error line with it; SignalR's dispatcher adds neither.
/// </summary>
public sealed class HubRefusalLoggingTests : IAsyncLifetime
{
    private const string HubLog = "Switchboard.Messaging.Hub.HubInvocationLog";
    private const string Dispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    private SwitchboardHost _server = null!;

    public async Task InitializeAsync() =>
        _server = await SwitchboardHost.StartAsync(
            services => services.Configure<HubOptions>(hub => hub.AddFilter(new FaultyActiveCalls())),
            "--Demo:Enabled=true");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_refused_command_is_logged_once_at_Information_without_a_stack()
    {
        await using var agent = new AgentSession(_server.BaseAddress, await _server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA)));
        await agent.StartAsync();
        _server.Logs.Clear();

        var refused = await Assert.ThrowsAsync<HubException>(() => agent.Model.HoldCallAsync(Guid.NewGuid()));
        await agent.WaitForAsync<ErrorEvent>(CtiEvents.Error);

        Assert.Contains("no active call", refused.Message, StringComparison.Ordinal);
        var line = Assert.Single(_server.Logs.Entries, e => e.Message.Contains("refused", StringComparison.Ordinal));
        Assert.Equal(HubLog, line.Category);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains(CtiCommands.HoldCall, line.Message, StringComparison.Ordinal);
        Assert.Contains(Demo.AgentA, line.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Logs.AtLeast(LogLevel.Warning));
        Assert.DoesNotContain(_server.Logs.Entries, e => e.Category == Dispatcher);
    }

    [Fact]
    public async Task A_fault_in_a_command_is_logged_once_at_Error_with_its_stack()
    {
        await using var agent = new AgentSession(_server.BaseAddress, await _server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA)));
        await agent.StartAsync();
        _server.Logs.Clear();

        var failed = await Assert.ThrowsAsync<HubException>(() => agent.Model.GetActiveCallsAsync());

        Assert.DoesNotContain(FaultyActiveCalls.Message, failed.Message, StringComparison.Ordinal);
        var error = Assert.Single(_server.Logs.AtLeast(LogLevel.Warning));
        Assert.Equal(HubLog, error.Category);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(FaultyActiveCalls.Message, Assert.IsType<InvalidOperationException>(error.Exception).Message);
        Assert.NotNull(error.Exception.StackTrace);
        Assert.DoesNotContain(_server.Logs.Entries, e => e.Category == Dispatcher);
    }

    /// <summary>A fault inside one command, as a bug of ours would be: getActiveCalls throws.</summary>
    private sealed class FaultyActiveCalls : IHubFilter
    {
        public const string Message = "A fault of the server, for the test.";

        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
            invocationContext.HubMethodName == nameof(CtiHub.GetActiveCalls)
                ? throw new InvalidOperationException(Message)
                : next(invocationContext);
    }
}
