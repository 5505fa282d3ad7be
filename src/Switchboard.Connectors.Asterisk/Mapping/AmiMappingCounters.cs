namespace Switchboard.Connectors.Asterisk.Mapping;

/// <summary>How many events the mapper saw, used, ignored and had to skip.</summary>
/// <param name="Events">Every message given to the mapper.</param>
/// <param name="Used">Events of a kind the mapper follows that it applied.</param>
/// <param name="Ignored">Events and responses the mapper has no use for.</param>
/// <param name="Skipped">Events the mapper follows that could not be applied: an unknown channel, a missing key, an unexpected order.</param>
public sealed record AmiMappingCounters(long Events, long Used, long Ignored, long Skipped);
