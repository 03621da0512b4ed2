using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>
/// Staffing indicators from staffing_facts. A stock metric (quota, employed, commune civil servants' qualification) of a
/// period is the sum over units of each unit's latest figure dated inside the period (its last day within [from, to]);
/// a flow metric is the sum of the facts lying wholly inside the period (individual records count 1 each). Reductions
/// (quota reduced) compare the stock of the period's first year with the stock of the period.
/// </summary>
public sealed class CivilServiceIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string CivilServantQuota = "staffing.civil_servants.quota";
    public const string CivilServantsEmployed = "staffing.civil_servants.employed";
    public const string PublicEmployeeQuota = "staffing.public_employees.quota";
    public const string PublicEmployeesEmployed = "staffing.public_employees.employed";
    public const string CompetitiveRecruitment = "staffing.recruitment.competitive";
    public const string AppointedThroughCompetition = "staffing.appointments.through_competition";
    public const string Streamlined = "staffing.streamlined";
    public const string CivilServantsTrained = "staffing.training.civil_servants";
    public const string PublicEmployeesTrained = "staffing.training.public_employees";
    public const string TrainingClasses = "staffing.training.classes";
    public const string CommuneCivilServants = "staffing.commune.employed";
    public const string CommuneCivilServantsQualified = "staffing.commune.meeting_standard";
    public const string CommuneCivilServantsQualifiedPercent = "staffing.commune.meeting_standard_percent";
    public const string CommuneCivilServantsPoliticalTheory = "staffing.commune.political_theory";
    public const string CommuneCivilServantsPoliticalTheoryPercent = "staffing.commune.political_theory_percent";
    public const string AppointmentsTotal = "staffing.appointments.total";
    public const string Elected = "staffing.appointments.elected";
    public const string NewlyAppointed = "staffing.appointments.newly_appointed";
    public const string Reappointed = "staffing.appointments.reappointed";
    public const string TransferredAndAppointed = "staffing.appointments.transferred";
    public const string RotatedAndAppointed = "staffing.appointments.rotated";
    public const string QuotaReducedTotal = "staffing.quota_reduced.total";
    public const string CivilServantQuotaReduced = "staffing.quota_reduced.civil_servants";
    public const string PublicEmployeeQuotaReduced = "staffing.quota_reduced.public_employees";

    internal static readonly (string Indicator, StaffingMetric Metric)[] Direct =
    [
        (CivilServantQuota, StaffingMetric.CivilServantQuota), (CivilServantsEmployed, StaffingMetric.CivilServantsEmployed),
        (PublicEmployeeQuota, StaffingMetric.PublicEmployeeQuota), (PublicEmployeesEmployed, StaffingMetric.PublicEmployeesEmployed),
        (CompetitiveRecruitment, StaffingMetric.CompetitiveRecruitment), (AppointedThroughCompetition, StaffingMetric.AppointedThroughCompetition),
        (Streamlined, StaffingMetric.Streamlined), (CivilServantsTrained, StaffingMetric.CivilServantsTrained),
        (PublicEmployeesTrained, StaffingMetric.PublicEmployeesTrained), (TrainingClasses, StaffingMetric.TrainingClasses),
        (CommuneCivilServants, StaffingMetric.CommuneCivilServantsEmployed),
        (CommuneCivilServantsQualified, StaffingMetric.CommuneCivilServantsMeetingStandard),
        (CommuneCivilServantsPoliticalTheory, StaffingMetric.CommuneCivilServantsWithPoliticalTheory),
        (Elected, StaffingMetric.Elected), (NewlyAppointed, StaffingMetric.NewlyAppointed), (Reappointed, StaffingMetric.Reappointed),
        (TransferredAndAppointed, StaffingMetric.TransferredAndAppointed), (RotatedAndAppointed, StaffingMetric.RotatedAndAppointed),
    ];

    internal static readonly StaffingMetric[] Appointments =
    [
        StaffingMetric.Elected, StaffingMetric.NewlyAppointed, StaffingMetric.Reappointed, StaffingMetric.TransferredAndAppointed,
        StaffingMetric.RotatedAndAppointed,
    ];

    /// <summary>Per period and metric: stocks are each unit's latest figure inside the period, flows the facts inside it.</summary>
    internal const string Sql = """
        WITH p AS (SELECT * FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)),
        latest AS (
            SELECT DISTINCT ON (p.key, f.unit_code, f.metric) p.key, f.metric, f.value
            FROM p JOIN staffing_facts f ON f.to_day BETWEEN p.from_day AND p.to_day
            WHERE f.metric BETWEEN 1 AND 9
            ORDER BY p.key, f.unit_code, f.metric, f.to_day DESC, f.from_day DESC)
        SELECT key, metric, sum(value) FROM latest GROUP BY key, metric
        UNION ALL
        SELECT p.key, f.metric, sum(f.value)
        FROM p JOIN staffing_facts f ON f.from_day >= p.from_day AND f.to_day <= p.to_day
        WHERE f.metric >= 10
        GROUP BY p.key, f.metric
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["StaffingRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        .. Direct.Select(d => d.Indicator), CommuneCivilServantsQualifiedPercent, CommuneCivilServantsPoliticalTheoryPercent, AppointmentsTotal,
        QuotaReducedTotal, CivilServantQuotaReduced, PublicEmployeeQuotaReduced,
    ];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        // The first calendar year of each period, for the reductions ("2015-01-01..2020-03-31" starts with the figures of 2015).
        var firstYears = periods.Select(p =>
        {
            var endOfYear = new DateOnly(p.From.Year, 12, 31);
            return new ReportPeriod("start:" + p.Key, p.From, endOfYear < p.To ? endOfYear : p.To);
        }).ToList();
        var sums = new Dictionary<(string Period, StaffingMetric Metric), decimal>();
        await FactQuery.ReadAsync(db, Sql, [.. periods, .. firstYears], r => sums[(r.GetString(0), (StaffingMetric)r.GetInt32(1))] = r.GetDecimal(2),
            cancellationToken);
        decimal Sum(string key, StaffingMetric metric) => sums.GetValueOrDefault((key, metric));
        foreach (var period in periods)
        {
            foreach (var (indicator, metric) in Direct)
            {
                values.Set(indicator, period.Key, Sum(period.Key, metric));
            }
            var communes = Sum(period.Key, StaffingMetric.CommuneCivilServantsEmployed);
            values.Set(CommuneCivilServantsQualifiedPercent, period.Key,
                IndicatorMath.Percentage(Sum(period.Key, StaffingMetric.CommuneCivilServantsMeetingStandard), communes));
            values.Set(CommuneCivilServantsPoliticalTheoryPercent, period.Key,
                IndicatorMath.Percentage(Sum(period.Key, StaffingMetric.CommuneCivilServantsWithPoliticalTheory), communes));
            values.Set(AppointmentsTotal, period.Key, Appointments.Sum(m => Sum(period.Key, m)));
            var civil = Sum("start:" + period.Key, StaffingMetric.CivilServantQuota) - Sum(period.Key, StaffingMetric.CivilServantQuota);
            var employees = Sum("start:" + period.Key, StaffingMetric.PublicEmployeeQuota) - Sum(period.Key, StaffingMetric.PublicEmployeeQuota);
            values.Set(CivilServantQuotaReduced, period.Key, civil);
            values.Set(PublicEmployeeQuotaReduced, period.Key, employees);
            values.Set(QuotaReducedTotal, period.Key, civil + employees);
        }
    }
}
