using Microsoft.EntityFrameworkCore;

namespace Cchc.ReferenceData;

/// <summary>Maps the local copy of the unit reference data into a service's EF model, so its migrations create the tables.</summary>
public static class UnitReferenceModelBuilderExtensions
{
    public const string UnitsTable = "unit_reference_units";
    public const string PeriodsTable = "unit_reference_periods";

    /// <summary>
    /// Tables unit_reference_units (PK unit_code, the stored revision) and unit_reference_periods (PK unit_code +
    /// valid_from; index on name + valid_from for the checks by name). Codes and names use collation "C": they are
    /// compared for equality only, and a bulk import's staging table compares with them. The service's model must
    /// also call <c>AddInbox()</c> (the consumer records its messages there).
    /// </summary>
    public static ModelBuilder AddUnitReference(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<UnitReferenceUnit>(b =>
        {
            b.ToTable(UnitsTable);
            b.HasKey(u => u.UnitCode).HasName("pk_unit_reference_units");
            b.Property(u => u.UnitCode).HasColumnName("unit_code").HasColumnType("text").UseCollation("C");
            b.Property(u => u.Revision).HasColumnName("revision");
            b.Property(u => u.UpdatedAt).HasColumnName("updated_at").HasColumnType("timestamptz");
        });
        modelBuilder.Entity<UnitReferencePeriod>(b =>
        {
            b.ToTable(PeriodsTable);
            b.HasKey(p => new { p.UnitCode, p.ValidFrom }).HasName("pk_unit_reference_periods");
            b.Property(p => p.UnitCode).HasColumnName("unit_code").HasColumnType("text").UseCollation("C");
            b.Property(p => p.ValidFrom).HasColumnName("valid_from");
            b.Property(p => p.ValidTo).HasColumnName("valid_to");
            b.Property(p => p.Name).HasColumnName("name").HasColumnType("text").UseCollation("C");
            b.Property(p => p.Kind).HasColumnName("kind");
            b.Property(p => p.ParentCode).HasColumnName("parent_code").HasColumnType("text");
            b.HasIndex(p => new { p.Name, p.ValidFrom }).HasDatabaseName("ix_unit_reference_periods_name_valid_from");
            b.HasOne<UnitReferenceUnit>().WithMany().HasForeignKey(p => p.UnitCode).HasConstraintName("fk_unit_reference_periods_units")
                .OnDelete(DeleteBehavior.Cascade);
        });
        return modelBuilder;
    }
}
