namespace Switchboard.Connectors.Asterisk.Setup;

/// <summary>
/// Asterisk's refusals that mean its configuration lacks something Switchboard needs, told as the fix: an
/// administrator reading the agent's error (or the log) should not have to know manager.c's wording.
/// </summary>
internal static class AsteriskRefusals
{
    public static string Explain(string action, string? message)
    {
        var reason = message ?? "no reason given";
        if (reason.Contains("No attended transfer feature code", StringComparison.OrdinalIgnoreCase))
        {
            return "Asterisk has no attended-transfer feature code, which consultation (Atxfer) needs: add 'atxfer = *2' under " +
                "[featuremap] in features.conf, and dial agents with the t and T options (Dial(PJSIP/101,30,tT)).";
        }

        if (reason.Contains("No disconnect feature code", StringComparison.OrdinalIgnoreCase))
        {
            return "Asterisk has no feature code to cancel a consultation (CancelAtxfer): set 'atxferabort' under [general] in features.conf.";
        }

        if (reason.Contains("not dynamic", StringComparison.OrdinalIgnoreCase))
        {
            return "The line is a static member of the queue (queues.conf 'member =>'): Asterisk cannot take it out. " +
                "An administrator must make the queue's members dynamic.";
        }

        return $"Asterisk refused {action}: {reason}.";
    }
}
