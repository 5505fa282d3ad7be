using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.CrmLink;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Tests.Outbox;

namespace Switchboard.Messaging.Tests.CrmLink;

/// <summary>How the HTTP save reads the CRM's answers: confirmed, refused for good, or to be tried again.</summary>
public class HttpCallLogWriterTests
{
    private static readonly Guid RowId = Guid.NewGuid();

    [Fact]
    public async Task A_confirmed_save_gives_the_rows_id_and_the_path_carries_the_key()
    {
        var crm = new ScriptedCrm(_ => Json(HttpStatusCode.OK, new CallSaveResponse(RowId)));

        Assert.Equal(RowId, await Writer(crm).SaveAsync("1700000000.12", "101", OutboxHarness.Save(CallState.Finished), CancellationToken.None));
        Assert.Contains(crm.Requests, r => r == "PUT /api/calls/pbx/1700000000.12/101");
    }

    [Fact]
    public async Task A_malformed_save_is_refused_for_good_with_the_CRMs_reason()
    {
        var crm = new ScriptedCrm(_ => Json(HttpStatusCode.BadRequest, new
        {
            title = "One or more validation errors occurred.",
            errors = new Dictionary<string, string[]> { ["durationSeconds"] = ["Whole seconds, not negative."] },
        }));

        var refused = await Assert.ThrowsAsync<CallSaveRefusedException>(
            () => Writer(crm).SaveAsync("sim-1", "101", OutboxHarness.Save(CallState.Finished), CancellationToken.None));
        Assert.Contains("durationSeconds: Whole seconds, not negative.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_the_CRM_stopped_accepting_is_replaced_and_the_save_sent_again()
    {
        var saves = 0;
        var crm = new ScriptedCrm(request => request == "PUT" && Interlocked.Increment(ref saves) == 1
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : Json(HttpStatusCode.OK, new CallSaveResponse(RowId)));

        Assert.Equal(RowId, await Writer(crm).SaveAsync("sim-1", "101", OutboxHarness.Save(CallState.Finished), CancellationToken.None));
        Assert.Equal(2, crm.Requests.Count(r => r == "POST /api/auth/login"));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Other_answers_are_failures_to_try_again_not_refusals(HttpStatusCode status)
    {
        var crm = new ScriptedCrm(_ => new HttpResponseMessage(status));

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => Writer(crm).SaveAsync("sim-1", "101", OutboxHarness.Save(CallState.Finished), CancellationToken.None));
        Assert.IsNotType<CallSaveRefusedException>(error);
    }

    private static HttpCallLogWriter Writer(ScriptedCrm crm)
    {
        var options = Options.Create(new CrmLinkOptions { Url = new Uri("http://127.0.0.1:9"), ServiceLogin = "admin", ServicePassword = "secret" });
        return new HttpCallLogWriter(new CrmServiceAccount(new CrmApi(crm), options, TimeProvider.System));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status) { Content = JsonContent.Create(body) };

    /// <summary>The CRM's HTTP answers, scripted: logins always succeed, the rest as the test says.</summary>
    private sealed class ScriptedCrm(Func<string, HttpResponseMessage> answer) : HttpMessageHandler, IHttpClientFactory
    {
        private readonly List<string> _requests = [];

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests)
            {
                _requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            }

            return Task.FromResult(request.RequestUri!.AbsolutePath == "/api/auth/login"
                ? Json(HttpStatusCode.OK, new { token = Guid.NewGuid().ToString(), expiresAt = DateTimeOffset.UtcNow.AddHours(1) })
                : answer(request.Method.Method));
        }
    }
}
