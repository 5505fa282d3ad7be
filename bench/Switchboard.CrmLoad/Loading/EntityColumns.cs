using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Switchboard.CrmLoad.Loading;

/// <summary>
/// The table and columns of an entity as the CRM's EF Core model maps them on one engine, and how
/// each property's value becomes the value stored (the model's own converters: enums as names,
/// moments as UTC ticks on SQLite, UTC on PostgreSQL). Read from the model, not written down here,
/// so a column the CRM adds is loaded too.
/// </summary>
internal sealed class EntityColumns<TEntity>
    where TEntity : class
{
    private readonly Func<TEntity, object?>[] _values;

    private EntityColumns(string table, IReadOnlyList<ColumnMapping> columns)
    {
        Table = table;
        Columns = columns;
        _values = [.. columns.Select(c => ProviderValue(c.Property, c.TypeMapping))];
    }

    public string Table { get; }

    public IReadOnlyList<ColumnMapping> Columns { get; }

    public static EntityColumns<TEntity> Of(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the CRM's model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table.");
        var columns = entity.GetProperties()
            .Select(p =>
            {
                if (p.PropertyInfo is null)
                {
                    throw new InvalidOperationException($"{typeof(TEntity).Name}.{p.Name} is a shadow property; the load tool cannot fill it.");
                }

                return new ColumnMapping(p.GetColumnName(), p, p.GetRelationalTypeMapping());
            })
            .ToList();
        return new EntityColumns<TEntity>(table, columns);
    }

    /// <summary>The value stored in column <paramref name="index"/> for <paramref name="entity"/>; null for NULL.</summary>
    public object? Value(int index, TEntity entity) => _values[index](entity);

    private static Func<TEntity, object?> ProviderValue(IProperty property, RelationalTypeMapping mapping)
    {
        var info = property.PropertyInfo!;
        var converter = mapping.Converter;
        return converter is null
            ? entity => info.GetValue(entity)
            : entity => info.GetValue(entity) is { } value ? converter.ConvertToProvider(value) : null;
    }
}

internal sealed record ColumnMapping(string Name, IProperty Property, RelationalTypeMapping TypeMapping);
