using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Messaging.Pump;

namespace Switchboard.Server.Health;

/// <summary>Ready once the PBX connector has started; in the roles with a database, it is migrated before the host listens.</summary>
internal sealed class ReadinessCheck(CallPump pump) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(pump.Started.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("Database migrated, PBX connector started.")
            : HealthCheckResult.Unhealthy("The PBX connector has not started yet."));
}
