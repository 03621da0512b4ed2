using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>Upserts staffing facts into staffing_facts, keeping the highest revision of each key.</summary>
public sealed class StaffingRecordedConsumer(ReportingDbContext db, ILogger<StaffingRecordedConsumer> logger)
    : FactConsumer<StaffingRecordedConsumer, StaffingRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-staffing-recorded";

    protected override int CountOf(StaffingRecorded message) => message.Facts.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, StaffingRecorded message, CancellationToken cancellationToken) =>
        db.UpsertStaffingFactsAsync(message.Facts, cancellationToken);
}
