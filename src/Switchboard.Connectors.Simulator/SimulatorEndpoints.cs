using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Connectors.Simulator;

/// <summary>The outside world of the simulator over HTTP: call in, answer, be busy, hang up, press keys, break the link.</summary>
public static class SimulatorEndpoints
{
    /// <summary>Maps the endpoints under <c>/api/simulator</c>; the host maps them only when the simulator is the PBX.</summary>
    public static RouteGroupBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/simulator").WithTags("Simulator");

        group.MapPost("/calls", (InboundCallRequest? request, SimulatedPbx pbx) =>
        {
            var result = pbx.PlaceInboundCall(request?.From, request?.To);
            return result.Succeeded
                ? Results.Created($"/api/simulator/calls/{result.CallId}", new InboundCallResponse(result.CallId!))
                : Problem(result);
        })
            .Produces<InboundCallResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/calls", (SimulatedPbx pbx) => Results.Ok(pbx.ListCalls()))
            .Produces<IReadOnlyList<SimCallInfo>>();
        group.MapGet("/calls/{id}", (string id, SimulatedPbx pbx) =>
            pbx.FindCall(id) is { } call
                ? Results.Ok(call)
                : Problem(SimulatorResult.NotFound($"There is no active simulator call {id}.")))
            .Produces<SimCallInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        OutsideAction(group.MapPost("/calls/{id}/answer", (string id, SimulatedPbx pbx) => Reply(pbx.AnswerAsOutsideParty(id))));
        OutsideAction(group.MapPost("/calls/{id}/busy", (string id, SimulatedPbx pbx) => Reply(pbx.RespondBusyAsOutsideParty(id))));
        OutsideAction(group.MapPost("/calls/{id}/hangup", (string id, SimulatedPbx pbx) => Reply(pbx.HangUpAsOutsideParty(id))));
        OutsideAction(group.MapPost("/calls/{id}/dtmf", (string id, DtmfRequest? request, SimulatedPbx pbx) =>
            Reply(pbx.SendDtmfAsOutsideParty(id, request?.Digits))))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/link/down", (LinkDownRequest? request, SimulatedPbx pbx) =>
        {
            pbx.SimulateLinkDown(string.IsNullOrWhiteSpace(request?.Reason) ? "Link broken by the simulator's HTTP API" : request.Reason);
            return Results.NoContent();
        })
            .Produces(StatusCodes.Status204NoContent);
        group.MapPost("/link/up", (SimulatedPbx pbx) =>
        {
            pbx.SimulateLinkUp();
            return Results.NoContent();
        })
            .Produces(StatusCodes.Status204NoContent);
        return group;
    }

    private static RouteHandlerBuilder OutsideAction(RouteHandlerBuilder endpoint) =>
        endpoint
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static IResult Reply(SimulatorResult result) => result.Succeeded ? Results.NoContent() : Problem(result);

    private static IResult Problem(SimulatorResult result) => result.Outcome switch
    {
        SimulatorOutcome.NotFound => Results.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "No such call"),
        SimulatorOutcome.Conflict => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request"),
    };
}
