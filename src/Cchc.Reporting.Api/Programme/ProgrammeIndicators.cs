using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Programme;

/// <summary>
/// Appendix 1's figures from the programme records (kinds as in programme.proto RecordKind):
/// units inspected = distinct units inspected on a day inside the period; bulletins, contests, the portal section =
/// the propaganda reports whose period lies inside the report period (sum; a contest or the section "= 1" when any
/// report says so, "= 0" when reports exist and none does); training classes = classes held inside the period;
/// initiatives = those applied at some time in the period; a criteria set row = 1 when a set for that target is in force
/// on the period's last day, else 0; surveys = those whose period lies inside the report period (services and samples
/// summed, overall satisfaction the sample-weighted mean, 2 decimals). A count with no record behind it is blank (not
/// reported), never 0.
/// </summary>
public sealed class ProgrammeIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string UnitsInspected = "programme.inspections.units";
    public const string PropagandaSection = "programme.propaganda";
    public const string ContestHeld = "programme.propaganda.contest_held";
    public const string Bulletins = "programme.propaganda.bulletins";
    public const string TrainingClasses = "programme.training.classes";
    public const string PortalSection = "programme.propaganda.portal_section";
    public const string Initiatives = "programme.initiatives.applied";
    public const string CriteriaSection = "programme.criteria";
    public const string CriteriaDepartments = "programme.criteria.departments";
    public const string CriteriaDistricts = "programme.criteria.district_committees";
    public const string CriteriaCommunes = "programme.criteria.commune_committees";
    public const string CriteriaVerticalAgencies = "programme.criteria.vertical_agencies";
    public const string SatisfactionSection = "programme.satisfaction";
    public const string ServicesSurveyed = "programme.satisfaction.services_surveyed";
    public const string SampleSize = "programme.satisfaction.sample_size";
    public const string OverallSatisfaction = "programme.satisfaction.overall";

    public IReadOnlyCollection<string> FactKinds { get; } = ["ProgrammeRecordsRecorded"];

    private const string Sql = """
        SELECT p.key,
            count(DISTINCT f.subject) FILTER (WHERE f.kind = 1 AND f.day_from BETWEEN p.from_day AND p.to_day),
            count(*) FILTER (WHERE f.kind = 2 AND f.day_from >= p.from_day AND f.day_to <= p.to_day AND f.contests IS NOT NULL),
            sum(f.contests) FILTER (WHERE f.kind = 2 AND f.day_from >= p.from_day AND f.day_to <= p.to_day),
            sum(f.bulletins) FILTER (WHERE f.kind = 2 AND f.day_from >= p.from_day AND f.day_to <= p.to_day),
            count(*) FILTER (WHERE f.kind = 3 AND f.day_from BETWEEN p.from_day AND p.to_day),
            count(*) FILTER (WHERE f.kind = 2 AND f.day_from >= p.from_day AND f.day_to <= p.to_day AND f.portal_section IS NOT NULL),
            count(*) FILTER (WHERE f.kind = 2 AND f.day_from >= p.from_day AND f.day_to <= p.to_day AND f.portal_section),
            count(*) FILTER (WHERE f.kind = 4 AND f.day_from <= p.to_day AND (f.day_to IS NULL OR f.day_to >= p.from_day)),
            count(*) FILTER (WHERE f.kind = 5 AND f.target = 1 AND f.day_from <= p.to_day AND (f.day_to IS NULL OR f.day_to > p.to_day)),
            count(*) FILTER (WHERE f.kind = 5 AND f.target = 2 AND f.day_from <= p.to_day AND (f.day_to IS NULL OR f.day_to > p.to_day)),
            count(*) FILTER (WHERE f.kind = 5 AND f.target = 3 AND f.day_from <= p.to_day AND (f.day_to IS NULL OR f.day_to > p.to_day)),
            count(*) FILTER (WHERE f.kind = 5 AND f.target = 4 AND f.day_from <= p.to_day AND (f.day_to IS NULL OR f.day_to > p.to_day)),
            count(*) FILTER (WHERE f.kind = 6 AND f.day_from >= p.from_day AND f.day_to <= p.to_day),
            sum(f.services_surveyed) FILTER (WHERE f.kind = 6 AND f.day_from >= p.from_day AND f.day_to <= p.to_day),
            sum(f.sample_size) FILTER (WHERE f.kind = 6 AND f.day_from >= p.from_day AND f.day_to <= p.to_day),
            sum(f.score * f.sample_size) FILTER (WHERE f.kind = 6 AND f.day_from >= p.from_day AND f.day_to <= p.to_day)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        LEFT JOIN programme_record_facts f ON f.day_from <= p.to_day
        GROUP BY p.key
        """;

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        UnitsInspected, ContestHeld, Bulletins, TrainingClasses, PortalSection, Initiatives,
        CriteriaDepartments, CriteriaDistricts, CriteriaCommunes, CriteriaVerticalAgencies, ServicesSurveyed, SampleSize, OverallSatisfaction,
    ];

    public Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken) =>
        FactQuery.ReadAsync(db, Sql, periods, r =>
        {
            var key = r.GetString(0);
            long Long(int i) => r.IsDBNull(i) ? 0 : r.GetInt64(i);
            decimal? Sum(int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);
            values.Set(UnitsInspected, key, Positive(Long(1)));
            if (Long(2) > 0)
            {
                values.Set(ContestHeld, key, Sum(3) > 0 ? 1L : 0L);
            }
            values.Set(Bulletins, key, Sum(4));
            values.Set(TrainingClasses, key, Positive(Long(5)));
            if (Long(6) > 0)
            {
                values.Set(PortalSection, key, Long(7) > 0 ? 1L : 0L);
            }
            values.Set(Initiatives, key, Positive(Long(8)));
            values.Set(CriteriaDepartments, key, Long(9) > 0 ? 1L : 0L);
            values.Set(CriteriaDistricts, key, Long(10) > 0 ? 1L : 0L);
            values.Set(CriteriaCommunes, key, Long(11) > 0 ? 1L : 0L);
            values.Set(CriteriaVerticalAgencies, key, Long(12) > 0 ? 1L : 0L);
            if (Long(13) > 0)
            {
                values.Set(ServicesSurveyed, key, Sum(14));
                values.Set(SampleSize, key, Sum(15));
                var samples = Sum(15) ?? 0;
                values.Set(OverallSatisfaction, key, samples > 0 && Sum(16) is { } weighted ? Math.Round(weighted / samples, 2, MidpointRounding.AwayFromZero) : null);
            }
        }, cancellationToken);

    private static decimal? Positive(long count) => count > 0 ? count : null;
}
