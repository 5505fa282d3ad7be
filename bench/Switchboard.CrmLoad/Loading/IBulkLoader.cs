using Switchboard.Crm.Data;

namespace Switchboard.CrmLoad.Loading;

/// <summary>Writes many rows of the CRM's tables fast, each column as EF Core would store it.</summary>
internal interface IBulkLoader
{
    /// <summary>What the loader does to go fast, for the report (pragmas, COPY...).</summary>
    string Method { get; }

    /// <summary>Writes <paramref name="rows"/> into the entity's table; returns how many.</summary>
    Task<long> LoadAsync<TEntity>(CrmDbContext model, IEnumerable<TEntity> rows, Action<long>? progress, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>What a DBA does after a bulk load: refresh the planner's statistics and tidy up.</summary>
    Task AfterLoadAsync(CancellationToken cancellationToken);

    /// <summary>The size of the database on disk, in bytes.</summary>
    Task<long> SizeAsync(CancellationToken cancellationToken);
}
