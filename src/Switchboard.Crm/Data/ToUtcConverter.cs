using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Switchboard.Crm.Data;

/// <summary>Hands the database the same moment with a zero offset; it reads back as stored (UTC).</summary>
internal sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
