using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Programme;

/// <summary>
/// The province's rank out of 63 in the national indices (programme records of kind "index result", programme.proto
/// NationalIndex: PAR INDEX 1, SIPAS 2, PAPI 3, PCI 4): for each index, the result of the latest year that lies in the
/// period (a year's result for 2019, the 2019 result for 2011–2019; a period inside a year whose result was not
/// recorded is blank — not reported —, never an older year's rank).
/// </summary>
public sealed class NationalIndexIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string ParIndexRank = "programme.index.par_index.rank";
    public const string SipasRank = "programme.index.sipas.rank";
    public const string PapiRank = "programme.index.papi.rank";
    public const string PciRank = "programme.index.pci.rank";

    /// <summary>The indicator of each NationalIndex value.</summary>
    private static readonly string[] ByIndex = ["", ParIndexRank, SipasRank, PapiRank, PciRank];

    private const string Sql = """
        SELECT p.key, f.national_index, f.rank
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN LATERAL (
            SELECT DISTINCT ON (r.national_index) r.national_index, r.rank
            FROM programme_record_facts r
            WHERE r.kind = 7 AND r.rank IS NOT NULL
              AND r.year BETWEEN extract(year FROM p.from_day)::int AND extract(year FROM p.to_day)::int
            ORDER BY r.national_index, r.year DESC, r.first_recorded_at DESC
        ) f ON true
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["ProgrammeRecordsRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } = [ParIndexRank, SipasRank, PapiRank, PciRank];

    public Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken) =>
        FactQuery.ReadAsync(db, Sql, periods, r =>
        {
            var index = r.GetInt32(1);
            if (index > 0 && index < ByIndex.Length)
            {
                values.Set(ByIndex[index], r.GetString(0), (decimal)r.GetInt32(2));
            }
        }, cancellationToken);
}
