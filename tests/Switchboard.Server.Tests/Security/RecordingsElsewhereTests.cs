using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>Recordings served by another host: the panel's player may follow the API's redirect there, and nowhere else.</summary>
public sealed class RecordingsElsewhereTests(RecordingsElsewhereTests.RecordingsOnPbx server) : IClassFixture<RecordingsElsewhereTests.RecordingsOnPbx>
{
    [Fact]
    public async Task The_policy_lets_media_come_from_the_recordings_host_and_the_server_only()
    {
        using var response = await server.Http.GetAsync("/");

        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("media-src 'self' https://pbx.example.com:8443;", policy + ";", StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    public sealed class RecordingsOnPbx : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
            ["--Recordings:Folder=", "--Recordings:UrlTemplate=https://pbx.example.com:8443/monitor/{file}"];
    }
}
