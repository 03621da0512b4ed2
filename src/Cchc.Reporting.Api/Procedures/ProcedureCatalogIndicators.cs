using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>
/// The procedure catalogue at each period's end (day <c>to</c>): each procedure's version in effect that day
/// (greatest effective_from ≤ to, then greatest version) counts when in force (in_force_from ≤ to and not
/// abolished on or before to). Counts by level (total = sum of the levels), by one-stop-shop receiving place,
/// and of the inter-agency and "4 on the spot" flags.
/// </summary>
public sealed class ProcedureCatalogIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string Total = "procedures.in_force.total";
    public const string Province = "procedures.in_force.province";
    public const string District = "procedures.in_force.district";
    public const string Commune = "procedures.in_force.commune";
    public const string ProvincialCentre = "procedures.one_stop.provincial_centre";
    public const string DistrictOneStop = "procedures.one_stop.district";
    public const string CommuneOneStop = "procedures.one_stop.commune";
    public const string InterAgencySameLevel = "procedures.inter_agency.same_level";
    public const string InterAgencyBetweenLevels = "procedures.inter_agency.between_levels";
    public const string FourOnTheSpotProvince = "procedures.four_on_the_spot.province";

    // Column order of the query's counts (after the period key).
    private static readonly string[] Counted =
    [
        Province, District, Commune, ProvincialCentre, DistrictOneStop, CommuneOneStop,
        InterAgencySameLevel, InterAgencyBetweenLevels, FourOnTheSpotProvince,
    ];

    private const string Sql = """
        WITH period_end AS (
            SELECT * FROM unnest(@keys, @tos) AS p(key, day)
        ), spans AS (
            -- Each version is in effect from its effective_from until the next one's (by effective_from, version): one sort
            -- of the catalogue instead of sorting every (period, version) pair (docs/benchmarks.md, issue 14).
            SELECT v.*, lead(v.effective_from) OVER (PARTITION BY v.code ORDER BY v.effective_from, v.version) AS superseded_from
            FROM procedure_versions v
        ), version_in_effect AS (
            SELECT p.key, p.day, s.*
            FROM period_end p JOIN spans s ON s.effective_from <= p.day AND (s.superseded_from IS NULL OR s.superseded_from > p.day)
        )
        SELECT key,
            count(*) FILTER (WHERE level = 1),
            count(*) FILTER (WHERE level = 2),
            count(*) FILTER (WHERE level = 3),
            count(*) FILTER (WHERE receiving_place = 1),
            count(*) FILTER (WHERE receiving_place = 2),
            count(*) FILTER (WHERE receiving_place = 3),
            count(*) FILTER (WHERE inter_agency_same_level),
            count(*) FILTER (WHERE inter_agency_between_levels),
            count(*) FILTER (WHERE four_on_the_spot AND level = 1)
        FROM version_in_effect
        WHERE in_force_from <= day AND (abolished_on IS NULL OR abolished_on > day)
        GROUP BY key
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["ProcedureVersionsRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } = [Total, .. Counted];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var counts = periods.ToDictionary(p => p.Key, _ => new long[Counted.Length]);
        await FactQuery.ReadAsync(db, Sql, periods, reader =>
        {
            var row = counts[reader.GetString(0)];
            for (var i = 0; i < Counted.Length; i++)
            {
                row[i] = reader.GetInt64(i + 1);
            }
        }, cancellationToken);
        foreach (var (key, row) in counts)
        {
            for (var i = 0; i < Counted.Length; i++)
            {
                values.Set(Counted[i], key, row[i]);
            }
            values.Set(Total, key, IndicatorMath.Total(row[0], row[1], row[2]));
        }
    }
}
