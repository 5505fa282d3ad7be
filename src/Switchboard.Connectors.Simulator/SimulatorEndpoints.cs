using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Connectors.Simulator;

/// <summary>
/// The outside world of the simulator over HTTP: call in, answer, be busy, hang up, press keys,
/// break the link. Every endpoint needs a signed-in user, and each one is limited to what that
/// user may do (<see cref="SimulatorUser"/>).
/// </summary>
public static class SimulatorEndpoints
{
    /// <summary>
    /// Maps the endpoints under <c>/api/simulator</c>; the host maps them only when the simulator is
    /// the PBX, after registering its <see cref="ISimulatorUsers"/>.
    /// </summary>
    public static RouteGroupBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ISimulatorUsers>() is null)
        {
            throw new InvalidOperationException(
                $"The simulator's endpoints need to know who calls them: register an {nameof(ISimulatorUsers)} first.");
        }

        var group = endpoints.MapGroup("/api/simulator")
            .WithTags("Simulator")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/calls", (InboundCallRequest? request, SimulatorUser user, SimulatedPbx pbx) =>
        {
            // A missing destination is left to the PBX, which says what a request must hold.
            if (request?.To is { } to && !user.MayCall(to, pbx.IsQueue(to)))
            {
                return Forbidden(user.MayCallQueues
                    ? "You may place simulated calls only to your own lines and to queues."
                    : "You may place simulated calls only to your own lines.");
            }

            var result = pbx.PlaceInboundCall(request?.From, request?.To);
            return result.Succeeded
                ? Results.Created($"/api/simulator/calls/{result.CallId}", new InboundCallResponse(result.CallId!))
                : Problem(result);
        })
            .Produces<InboundCallResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/calls", (SimulatorUser user, SimulatedPbx pbx) =>
            Results.Ok(pbx.ListCalls().Where(user.TakesPartIn).ToList()))
            .Produces<IReadOnlyList<SimCallInfo>>();
        group.MapGet("/calls/{id}", (string id, SimulatorUser user, SimulatedPbx pbx) =>
            pbx.FindCall(id) is { } call && user.TakesPartIn(call)
                ? Results.Ok(call)
                : Problem(SimulatorResult.NotFound($"There is no active simulator call {id}.")))
            .Produces<SimCallInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        OutsideAction(group.MapPost("/calls/{id}/answer", (string id, SimulatorUser user, SimulatedPbx pbx) =>
            Reply(pbx.AnswerAsOutsideParty(id, user.TakesPartIn))));
        OutsideAction(group.MapPost("/calls/{id}/busy", (string id, SimulatorUser user, SimulatedPbx pbx) =>
            Reply(pbx.RespondBusyAsOutsideParty(id, user.TakesPartIn))));
        OutsideAction(group.MapPost("/calls/{id}/hangup", (string id, SimulatorUser user, SimulatedPbx pbx) =>
            Reply(pbx.HangUpAsOutsideParty(id, user.TakesPartIn))));
        OutsideAction(group.MapPost("/calls/{id}/dtmf", (string id, DtmfRequest? request, SimulatorUser user, SimulatedPbx pbx) =>
            Reply(pbx.SendDtmfAsOutsideParty(id, request?.Digits, user.TakesPartIn))))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        LinkAction(group.MapPost("/link/down", (LinkDownRequest? request, SimulatorUser user, SimulatedPbx pbx) =>
        {
            if (!user.IsAdministrator)
            {
                return LinkForbidden();
            }

            pbx.SimulateLinkDown(string.IsNullOrWhiteSpace(request?.Reason) ? "Link broken by the simulator's HTTP API" : request.Reason);
            return Results.NoContent();
        }));
        LinkAction(group.MapPost("/link/up", (SimulatorUser user, SimulatedPbx pbx) =>
        {
            if (!user.IsAdministrator)
            {
                return LinkForbidden();
            }

            pbx.SimulateLinkUp();
            return Results.NoContent();
        }));
        return group;
    }

    private static RouteHandlerBuilder OutsideAction(RouteHandlerBuilder endpoint) =>
        endpoint
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static RouteHandlerBuilder LinkAction(RouteHandlerBuilder endpoint) =>
        endpoint
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static IResult Reply(SimulatorResult result) => result.Succeeded ? Results.NoContent() : Problem(result);

    private static IResult LinkForbidden() =>
        Forbidden("Only administrators cut and restore the PBX link: it serves everyone.");

    private static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    private static IResult Problem(SimulatorResult result) => result.Outcome switch
    {
        SimulatorOutcome.NotFound => Results.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "No such call"),
        SimulatorOutcome.Conflict => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request"),
    };
}
