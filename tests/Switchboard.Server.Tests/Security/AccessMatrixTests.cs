using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// Every HTTP endpoint the server maps (read from its own endpoint data source) × every identity →
/// the status that identity must get, asserted; the hub's commands × identities in <see cref="HubCommandMatrixTests"/>.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public void Every_endpoint_the_server_maps_has_a_row_in_the_matrix()
    {
        var missing = MappedEndpoints().Where(e => !EndpointRules.All.ContainsKey(e)).ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to EndpointRules: " + string.Join(", ", missing));
        Assert.Empty(EndpointRules.All.Keys.Except(MappedEndpoints()));
    }

    [Theory]
    [MemberData(nameof(EveryIdentity))]
    public async Task Each_identity_gets_exactly_its_answer_from_every_endpoint(Identity identity)
    {
        var wrong = new List<string>();
        foreach (var endpoint in MappedEndpoints().Where(EndpointRules.All.ContainsKey))
        {
            var rule = EndpointRules.All[endpoint];
            var token = rule.OwnSession ? await fixture.ThrowawayTokenOf(identity) : fixture.TokenOf(identity);
            using var request = await rule.Request(fixture, identity);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await fixture.Http.SendAsync(request);
            var expected = rule.Expected(identity);
            if (response.StatusCode != expected)
            {
                wrong.Add($"{endpoint}: expected {(int)expected}, got {(int)response.StatusCode} {await Shorten(response)}");
            }
        }

        Assert.True(wrong.Count == 0, $"{identity}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    public static TheoryData<Identity> EveryIdentity() => [.. Identities.All];

    private List<string> MappedEndpoints() =>
    [
        .. fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => $"{e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single() ?? "*"} {Pattern(e)}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    // A group's own route ("") ends its pattern with the group's slash: "/api/calls/" is "/api/calls".
    private static string Pattern(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { Length: > 1 } text ? text.TrimEnd('/') : endpoint.RoutePattern.RawText ?? "";

    private static async Task<string> Shorten(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length <= 200 ? text : text[..200];
    }
}
