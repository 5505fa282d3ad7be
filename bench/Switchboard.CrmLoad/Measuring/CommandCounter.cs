using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Switchboard.CrmLoad.Measuring;

/// <summary>
/// Counts the SQL commands the CRM's contexts execute (each one a round trip to the database) and
/// the time spent in them; while <see cref="Tracing"/> is on, it also keeps their text.
/// </summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private long _commands;
    private long _ticks;

    public bool Tracing { get; set; }

    public ConcurrentQueue<string> Traced { get; } = new();

    public long Commands => Interlocked.Read(ref _commands);

    public TimeSpan TimeInCommands => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Count(command, eventData);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Count(command, eventData);
        return base.NonQueryExecuted(command, eventData, result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Count(command, eventData);
        return base.ScalarExecuted(command, eventData, result);
    }

    private void Count(DbCommand command, CommandExecutedEventData eventData)
    {
        Interlocked.Increment(ref _commands);
        Interlocked.Add(ref _ticks, eventData.Duration.Ticks);
        if (Tracing)
        {
            Traced.Enqueue($"-- {eventData.Duration.TotalMilliseconds:F2} ms{Environment.NewLine}{command.CommandText}");
        }
    }
}
