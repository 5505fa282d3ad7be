using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Switchboard.Crm.Data;

/// <summary>Stores a moment as UTC ticks; it reads back with a zero offset.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
