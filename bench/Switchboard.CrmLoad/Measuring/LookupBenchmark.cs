using System.Diagnostics;
using Switchboard.Crm.Contacts;
using Switchboard.CrmLoad.Generation;
using Switchboard.Telephony.Calls;

namespace Switchboard.CrmLoad.Measuring;

/// <summary>The timings of one pass of lookups and what they found.</summary>
internal sealed record LookupRun(
    int Callers,
    TimeSpan Elapsed,
    Latencies All,
    IReadOnlyDictionary<LookupKind, Latencies> ByKind,
    int KnownAsked,
    int KnownFound,
    int KnownFoundFirst,
    int ExtensionsAsked,
    int ExtensionsFound)
{
    public double PerSecond => All.Count / Elapsed.TotalSeconds;
}

/// <summary>
/// Asks <see cref="CallerLookup.LookupAsync"/> about every sample, with a number of concurrent
/// callers, and times each call with a <see cref="Stopwatch"/>. A known number counts as found when
/// its contact (or, for an account's number, its account) is among the candidates.
/// </summary>
internal static class LookupBenchmark
{
    public static async Task<LookupRun> RunAsync(
        CallerLookup lookup, SyntheticCrm crm, IReadOnlyList<LookupSample> samples, int callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(samples);
        var ticks = new long[samples.Count];
        var found = new byte[samples.Count];
        var next = -1;
        var started = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < samples.Count)
                {
                    var sample = samples[i];
                    var before = Stopwatch.GetTimestamp();
                    var candidates = await lookup.LookupAsync(sample.Input, cancellationToken);
                    ticks[i] = Stopwatch.GetTimestamp() - before;
                    found[i] = Found(crm, sample, candidates);
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        started.Stop();

        var byKind = Enum.GetValues<LookupKind>()
            .ToDictionary(k => k, k => Latencies.Of(Enumerable.Range(0, samples.Count).Where(i => samples[i].Kind == k).Select(i => ticks[i])));
        var known = Enumerable.Range(0, samples.Count).Where(i => samples[i].Kind == LookupKind.Known).ToList();
        var extensions = Enumerable.Range(0, samples.Count).Where(i => samples[i].Kind == LookupKind.Extension).ToList();
        return new LookupRun(
            callers,
            started.Elapsed,
            Latencies.Of(ticks),
            byKind,
            known.Count,
            known.Count(i => found[i] > 0),
            known.Count(i => found[i] > 1),
            extensions.Count(i => samples[i].Format == "line"),
            extensions.Count(i => found[i] > 0));
    }

    /// <summary>0: not found; 1: among the candidates; 2: the first candidate.</summary>
    public static byte Found(SyntheticCrm crm, LookupSample sample, IReadOnlyList<ContactCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(candidates);
        switch (sample.Kind)
        {
            case LookupKind.Known:
                var number = crm.Numbers[sample.NumberIndex];
                for (var k = 0; k < candidates.Count; k++)
                {
                    var c = candidates[k];
                    var match = number.ContactId is { } contactId
                        ? c.ContactId == contactId
                        : c.ContactId is null && c.AccountId == number.AccountId;
                    if (match)
                    {
                        return k == 0 ? (byte)2 : (byte)1;
                    }
                }

                return 0;
            case LookupKind.Extension:
                return candidates is [{ MatchedBy: CallerLookup.MatchedByExtension, UserId: not null }] ? (byte)2 : (byte)0;
            default:
                return candidates.Count > 0 ? (byte)1 : (byte)0;
        }
    }
}
