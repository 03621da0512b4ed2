using Cchc.Contracts.Events.Reporting;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>Table correction_facts: the corrections the domain services accepted inside approved periods (FactCorrected).</summary>
public sealed class CorrectionFact
{
    public Guid Id { get; set; }

    public required string Service { get; set; }

    public required string Operation { get; set; }

    public DateOnly FactDay { get; set; }

    public required string Period { get; set; }

    public int ApprovalVersion { get; set; }

    public required string Reason { get; set; }

    public required string CorrectedBy { get; set; }

    public DateTimeOffset CorrectedAt { get; set; }
}

internal sealed class CorrectionFactConfiguration : IEntityTypeConfiguration<CorrectionFact>
{
    public void Configure(EntityTypeBuilder<CorrectionFact> b)
    {
        b.ToTable("correction_facts");
        b.HasKey(c => c.Id).HasName("pk_correction_facts");
        b.Property(c => c.Id).HasColumnName("id");
        b.Property(c => c.Service).HasColumnName("service").HasColumnType("text");
        b.Property(c => c.Operation).HasColumnName("operation").HasColumnType("text");
        b.Property(c => c.FactDay).HasColumnName("fact_day");
        b.Property(c => c.Period).HasColumnName("period").HasColumnType("text");
        b.Property(c => c.ApprovalVersion).HasColumnName("approval_version");
        b.Property(c => c.Reason).HasColumnName("reason").HasColumnType("text");
        b.Property(c => c.CorrectedBy).HasColumnName("corrected_by").HasColumnType("text");
        b.Property(c => c.CorrectedAt).HasColumnName("corrected_at").HasColumnType("timestamptz");
        b.HasIndex(c => c.FactDay).HasDatabaseName("ix_correction_facts_fact_day");
    }
}

/// <summary>Stores each accepted correction once (by its id), so the report shows it with the period's approval.</summary>
public sealed class FactCorrectedConsumer(ReportingDbContext db, ILogger<FactCorrectedConsumer> logger)
    : FactConsumer<FactCorrectedConsumer, FactCorrected>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-fact-corrected";

    protected override int CountOf(FactCorrected message) => 1;

    protected override Task<int> ApplyAsync(ReportingDbContext db, FactCorrected message, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO correction_facts (id, service, operation, fact_day, period, approval_version, reason, corrected_by, corrected_at)
            VALUES ({message.CorrectionId}, {message.Service}, {message.Operation}, {message.FactDay}, {message.Period}, {message.ApprovalVersion},
                {message.Reason}, {message.CorrectedBy}, {message.CorrectedAt})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
}
