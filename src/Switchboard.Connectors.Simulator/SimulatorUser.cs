using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Connectors.Simulator;

/// <summary>
/// What one signed-in user may do with the simulator's outside world. An agent plays the outside
/// party only of calls to and from their own lines. A queue rings whichever agents joined it, so
/// only supervisors and administrators (<see cref="MayCallQueues"/>) place queue calls, and see
/// the calls that went through a queue. The PBX link is everybody's: only an administrator cuts
/// and restores it. An administrator sees and plays every call.
/// </summary>
public sealed record SimulatorUser(IReadOnlyCollection<string> Lines, bool IsAdministrator, bool MayCallQueues)
{
    /// <summary>A signed-in user the directory does not know (removed since their token was issued): no line, no right.</summary>
    public static SimulatorUser Nobody { get; } = new([], IsAdministrator: false, MayCallQueues: false);

    /// <summary>Whether this user may have an outside number call <paramref name="to"/>, which is a queue when <paramref name="toQueue"/>.</summary>
    public bool MayCall(string to, bool toQueue) => IsAdministrator || Owns(to) || (toQueue && MayCallQueues);

    /// <summary>Whether this user sees <paramref name="call"/> and may play its outside party.</summary>
    public bool TakesPartIn(SimCallInfo call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return IsAdministrator || IsOwnLine(call.Caller) || IsOwnLine(call.Callee) || (MayCallQueues && call.Queue is not null);
    }

    /// <summary>Minimal APIs bind a parameter of this type by asking the host's <see cref="ISimulatorUsers"/>.</summary>
    public static async ValueTask<SimulatorUser?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.RequestServices.GetRequiredService<ISimulatorUsers>().FindAsync(context.User, context.RequestAborted);
    }

    private bool Owns(string line) => Lines.Contains(line, StringComparer.Ordinal);

    private bool IsOwnLine(SimEndInfo? end) => end is { Kind: "line" } && Owns(end.Number);
}
