using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

internal static class ServerFixtureExtensions
{
    /// <summary>Disposes a started fixture at the end of a test's scope.</summary>
    public static IAsyncDisposable AsAsyncDisposable(this ServerFixture server) => new Disposer(server);

    private sealed class Disposer(ServerFixture server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await server.DisposeAsync();
    }
}
