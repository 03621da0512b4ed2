using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Programme;

internal sealed class ProgrammeRecordFactConfiguration : IEntityTypeConfiguration<ProgrammeRecordFactRow>
{
    public void Configure(EntityTypeBuilder<ProgrammeRecordFactRow> b)
    {
        b.ToTable("programme_record_facts");
        b.HasKey(x => new { x.ReportingUnit, x.Key }).HasName("pk_programme_record_facts");
        b.Property(x => x.ReportingUnit).HasColumnName("reporting_unit");
        b.Property(x => x.Key).HasColumnName("key");
        b.Property(x => x.Kind).HasColumnName("kind");
        b.Property(x => x.DayFrom).HasColumnName("day_from");
        b.Property(x => x.DayTo).HasColumnName("day_to");
        b.Property(x => x.Subject).HasColumnName("subject");
        b.Property(x => x.Target).HasColumnName("target");
        b.Property(x => x.NationalIndex).HasColumnName("national_index");
        b.Property(x => x.Bulletins).HasColumnName("bulletins");
        b.Property(x => x.NewspaperArticles).HasColumnName("newspaper_articles");
        b.Property(x => x.PortalSection).HasColumnName("portal_section");
        b.Property(x => x.Contests).HasColumnName("contests");
        b.Property(x => x.Participants).HasColumnName("participants");
        b.Property(x => x.ServicesSurveyed).HasColumnName("services_surveyed");
        b.Property(x => x.SampleSize).HasColumnName("sample_size");
        b.Property(x => x.Score).HasColumnName("score");
        b.Property(x => x.Rank).HasColumnName("rank");
        b.Property(x => x.Year).HasColumnName("year");
        b.Property(x => x.Revision).HasColumnName("revision");
        b.Property(x => x.FirstRecordedAt).HasColumnName("first_recorded_at");
        b.HasIndex(x => new { x.Kind, x.DayFrom }).HasDatabaseName("ix_programme_record_facts_kind_day_from");
    }
}

internal sealed class SubmittedValueFactConfiguration : IEntityTypeConfiguration<SubmittedValueFactRow>
{
    public void Configure(EntityTypeBuilder<SubmittedValueFactRow> b)
    {
        b.ToTable("submitted_value_facts");
        b.HasKey(x => new { x.Indicator, x.Unit, x.PeriodFrom, x.PeriodTo }).HasName("pk_submitted_value_facts");
        b.Property(x => x.Indicator).HasColumnName("indicator");
        b.Property(x => x.Unit).HasColumnName("unit");
        b.Property(x => x.PeriodFrom).HasColumnName("period_from");
        b.Property(x => x.PeriodTo).HasColumnName("period_to");
        b.Property(x => x.Kind).HasColumnName("kind");
        b.Property(x => x.Value).HasColumnName("value");
        b.Property(x => x.Revision).HasColumnName("revision");
        b.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        b.Property(x => x.RecordedBy).HasColumnName("recorded_by");
        b.Property(x => x.FirstRecordedAt).HasColumnName("first_recorded_at");
    }
}

internal sealed class ObligationFactConfiguration : IEntityTypeConfiguration<ObligationFactRow>
{
    public void Configure(EntityTypeBuilder<ObligationFactRow> b)
    {
        b.ToTable("obligation_facts");
        b.HasKey(x => new { x.Unit, x.Subject, x.PeriodFrom, x.PeriodTo }).HasName("pk_obligation_facts");
        b.Property(x => x.Unit).HasColumnName("unit");
        b.Property(x => x.Subject).HasColumnName("subject");
        b.Property(x => x.PeriodFrom).HasColumnName("period_from");
        b.Property(x => x.PeriodTo).HasColumnName("period_to");
        b.Property(x => x.Indicator).HasColumnName("indicator");
        b.Property(x => x.RecordKind).HasColumnName("record_kind");
        b.Property(x => x.DueOn).HasColumnName("due_on");
        b.Property(x => x.Revision).HasColumnName("revision");
    }
}
