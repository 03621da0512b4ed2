using Cchc.Contracts.Events.Egov;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>Upserts e-government metric submissions into egov_metric_facts, keeping the highest revision.</summary>
public sealed class MetricsSubmittedConsumer(ReportingDbContext db, ILogger<MetricsSubmittedConsumer> logger)
    : FactConsumer<MetricsSubmittedConsumer, MetricsSubmitted>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-egov-metrics-submitted";

    protected override int CountOf(MetricsSubmitted message) => message.Submissions.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, MetricsSubmitted message, CancellationToken cancellationToken) =>
        db.UpsertEgovMetricFactsAsync(message.Submissions, cancellationToken);
}

/// <summary>Upserts capability states into egov_capability_facts, keeping the highest revision.</summary>
public sealed class CapabilityStatesRecordedConsumer(ReportingDbContext db, ILogger<CapabilityStatesRecordedConsumer> logger)
    : FactConsumer<CapabilityStatesRecordedConsumer, CapabilityStatesRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-egov-capability-states-recorded";

    protected override int CountOf(CapabilityStatesRecorded message) => message.States.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, CapabilityStatesRecorded message, CancellationToken cancellationToken) =>
        db.UpsertEgovCapabilityFactsAsync(message.States, cancellationToken);
}
