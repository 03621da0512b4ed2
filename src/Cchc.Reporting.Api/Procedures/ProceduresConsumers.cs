using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>Stores every procedure version (keyed by code and version; a duplicate is skipped).</summary>
public sealed class ProcedureVersionsRecordedConsumer(ReportingDbContext db, ILogger<ProcedureVersionsRecordedConsumer> logger)
    : FactConsumer<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-procedure-versions-recorded";

    protected override int CountOf(ProcedureVersionsRecorded message) => message.Versions.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, ProcedureVersionsRecorded message, CancellationToken cancellationToken) =>
        db.UpsertProcedureVersionsAsync(message.Versions, cancellationToken);
}

/// <summary>Upserts a batch of dossier states (up to ~1,000 per message) into dossier_facts and moves dossier_daily_counts.</summary>
public sealed class DossiersRecordedConsumer(ReportingDbContext db, ILogger<DossiersRecordedConsumer> logger)
    : FactConsumer<DossiersRecordedConsumer, DossiersRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-dossiers-recorded";

    protected override int CountOf(DossiersRecorded message) => message.Dossiers.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, DossiersRecorded message, CancellationToken cancellationToken) =>
        db.UpsertDossierFactsAsync(message.Dossiers, cancellationToken);
}

/// <summary>Upserts citizen feedback states into feedback_facts, keeping the highest version.</summary>
public sealed class FeedbackRecordedConsumer(ReportingDbContext db, ILogger<FeedbackRecordedConsumer> logger)
    : FactConsumer<FeedbackRecordedConsumer, FeedbackRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-feedback-recorded";

    protected override int CountOf(FeedbackRecorded message) => message.Items.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, FeedbackRecorded message, CancellationToken cancellationToken) =>
        db.UpsertFeedbackFactsAsync(message.Items, cancellationToken);
}
