using Cchc.Contracts.Events.Programme;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.Programme;

/// <summary>Upserts programme records into programme_record_facts, keeping the highest revision.</summary>
public sealed class ProgrammeRecordsRecordedConsumer(ReportingDbContext db, ILogger<ProgrammeRecordsRecordedConsumer> logger)
    : FactConsumer<ProgrammeRecordsRecordedConsumer, ProgrammeRecordsRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-programme-records-recorded";

    protected override int CountOf(ProgrammeRecordsRecorded message) => message.Records.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, ProgrammeRecordsRecorded message, CancellationToken cancellationToken) =>
        db.UpsertProgrammeRecordFactsAsync(message.Records, cancellationToken);
}

/// <summary>Upserts submitted values into submitted_value_facts, keeping the highest revision.</summary>
public sealed class ValuesSubmittedConsumer(ReportingDbContext db, ILogger<ValuesSubmittedConsumer> logger)
    : FactConsumer<ValuesSubmittedConsumer, ValuesSubmitted>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-programme-values-submitted";

    protected override int CountOf(ValuesSubmitted message) => message.Values.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, ValuesSubmitted message, CancellationToken cancellationToken) =>
        db.UpsertSubmittedValueFactsAsync(message.Values, cancellationToken);
}

/// <summary>Upserts obligations into obligation_facts, keeping the highest revision.</summary>
public sealed class ObligationsDeclaredConsumer(ReportingDbContext db, ILogger<ObligationsDeclaredConsumer> logger)
    : FactConsumer<ObligationsDeclaredConsumer, ObligationsDeclared>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-programme-obligations-declared";

    protected override int CountOf(ObligationsDeclared message) => message.Obligations.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, ObligationsDeclared message, CancellationToken cancellationToken) =>
        db.UpsertObligationFactsAsync(message.Obligations, cancellationToken);
}
