using Microsoft.Extensions.Options;
using Switchboard.Connectors.Simulator.Internal;

namespace Switchboard.Connectors.Simulator;

/// <summary>Refuses settings the simulator cannot run with: numbers that cannot be dialled, clashes, zero timeouts.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Check(SimulatorOptions options)
    {
        var failures = new List<string>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extension in options.Extensions)
        {
            if (!DialRules.IsDiallable(extension))
            {
                failures.Add($"Simulator:Extensions has '{extension}', which is not a number.");
            }
            else if (!numbers.Add(extension))
            {
                failures.Add($"Simulator:Extensions has {extension} twice.");
            }
        }

        foreach (var queue in options.Queues)
        {
            if (!DialRules.IsDiallable(queue.Number))
            {
                failures.Add($"Simulator:Queues has a queue '{queue.Name}' whose number '{queue.Number}' is not a number.");
            }
            else if (!numbers.Add(queue.Number))
            {
                failures.Add($"Simulator:Queues has the number {queue.Number}, which is already an extension or another queue.");
            }
        }

        if (options.NoAnswerTimeout <= TimeSpan.Zero)
        {
            failures.Add("Simulator:NoAnswerTimeout must be longer than zero.");
        }

        if (options.QueueRingTimeout <= TimeSpan.Zero)
        {
            failures.Add("Simulator:QueueRingTimeout must be longer than zero.");
        }

        return failures;
    }
}
