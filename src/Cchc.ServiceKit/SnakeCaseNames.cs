using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cchc.ServiceKit;

/// <summary>
/// snake_case column, key and index names for this service's own entities (those in <c>ns</c>); names set
/// explicitly in a configuration, and the shared outbox mapping, are left as they are.
/// </summary>
public static class SnakeCaseNames
{
    public static ModelBuilder UseSnakeCaseNames(this ModelBuilder modelBuilder, string ns)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == ns))
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName() == p.Name))
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
            foreach (var key in entity.GetKeys().Where(k => k.FindAnnotation(RelationalAnnotationNames.Name) is null))
            {
                key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : $"ak_{table}_{Columns(key.Properties)}");
            }
            foreach (var index in entity.GetIndexes().Where(i => i.FindAnnotation(RelationalAnnotationNames.Name) is null))
            {
                index.SetDatabaseName($"ix_{table}_{Columns(index.Properties)}");
            }
        }
        return modelBuilder;
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    private static string Columns(IEnumerable<IMutableProperty> properties) =>
        string.Join('_', properties.Select(p => p.GetColumnName()));
}
