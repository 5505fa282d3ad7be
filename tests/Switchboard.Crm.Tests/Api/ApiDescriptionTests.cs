using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>Every CRM endpoint is described for OpenAPI: a name, a summary and a tag.</summary>
public sealed class ApiDescriptionTests : IAsyncLifetime
{
    private CrmTestServer _server = null!;

    public async Task InitializeAsync() => _server = await CrmTestServer.StartAsync(SqliteTestDatabase.Instance);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Every_api_endpoint_has_a_name_a_summary_and_a_tag()
    {
        var endpoints = _server.Get<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(endpoints.Count >= 18, $"only {endpoints.Count} endpoints under /api");
        Assert.All(endpoints, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName), $"{e.RoutePattern.RawText} has no name");
            Assert.False(string.IsNullOrEmpty(e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary), $"{e.RoutePattern.RawText} has no summary");
            Assert.NotEmpty(e.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? []);
        });
    }

    [Fact]
    public void The_csv_export_is_described_as_csv()
    {
        var export = _server.Get<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "ExportCalls");

        Assert.Contains(export.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>(), p => p.StatusCode == 200 && p.ContentTypes.Contains("text/csv"));
    }
}
