using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Procedures.Api.Data.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<ProcedureEntity>
{
    public void Configure(EntityTypeBuilder<ProcedureEntity> builder)
    {
        builder.ToTable("procedures");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Version).HasColumnName("current_version").IsConcurrencyToken();
        builder.ConfigureSnapshot();
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersionEntity>
{
    public void Configure(EntityTypeBuilder<ProcedureVersionEntity> builder)
    {
        builder.ToTable("procedure_versions");
        builder.HasKey(p => new { p.Code, p.Version });
        builder.ConfigureSnapshot();
        // ListProcedures filters the versions in effect on a day by level or field, in code order.
        builder.HasIndex(p => new { p.Level, p.Code });
        builder.HasIndex(p => new { p.Field, p.Code });
    }
}

/// <summary>Collations used by the model.</summary>
internal static class Collations
{
    /// <summary>PostgreSQL's "C": byte-wise comparison, for identifiers.</summary>
    public const string Ordinal = "C";
}

internal static class ProcedureSnapshotConfiguration
{
    public static void ConfigureSnapshot<T>(this EntityTypeBuilder<T> builder) where T : ProcedureSnapshot
    {
        builder.Property(p => p.Code).HasMaxLength(64).UseCollation(Collations.Ordinal);
        builder.Property(p => p.Version).ValueGeneratedNever();
        builder.Property(p => p.DecisionNumber).HasMaxLength(100);
    }
}
