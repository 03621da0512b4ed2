using System.Globalization;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Scope;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>
/// The dossier rates split by the receiving unit (dossier_facts.receiving_unit): on-time rate by level (Appendix 3, rows
/// 5) and the share processed through the electronic one-stop-shop system (Appendix 7, row 13). Per unit: the dossiers
/// resolved in the period (the denominator) and those on time / processed electronically (the numerator), the same
/// facts <see cref="DossierTimelinessIndicators"/> and <see cref="OnlineServiceIndicators"/> count through
/// dossier_daily_counts. The facts behind a cell are the dossiers themselves.
/// </summary>
public sealed class DossierUnitBreakdown(ReportingDbContext db) : IUnitBreakdown
{
    private static readonly Dictionary<string, GovernmentLevel> LevelOf = new(StringComparer.Ordinal)
    {
        [DossierTimelinessIndicators.Province] = GovernmentLevel.Province,
        [DossierTimelinessIndicators.District] = GovernmentLevel.District,
        [DossierTimelinessIndicators.Commune] = GovernmentLevel.Commune,
    };

    private const string Sql = """
        SELECT p.key, d.receiving_unit, d.unit_level, count(*), count(*) FILTER (WHERE d.on_time),
            count(*) FILTER (WHERE d.processed_electronically)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN dossier_facts d ON d.status = 2 AND d.closed_on BETWEEN p.from_day AND p.to_day
        GROUP BY p.key, d.receiving_unit, d.unit_level
        """;

    // Keyset paging by dossier id; @level 0 = any level (the electronic one-stop-shop row counts every level).
    private const string FactsSql = """
        SELECT d.dossier_id, d.receiving_unit, d.closed_on, d.procedure_code, d.received_on, d.due_at, d.closed_at, d.on_time,
            d.processed_electronically, d.channel
        FROM dossier_facts d
        WHERE d.status = 2 AND d.closed_on BETWEEN @from AND @to AND d.receiving_unit = ANY(@units)
            AND (@level = 0 OR d.unit_level = @level) AND (@after IS NULL OR d.dossier_id > @after)
        ORDER BY d.dossier_id
        LIMIT @limit
        """;

    public IReadOnlyCollection<string> Indicators { get; } = [.. LevelOf.Keys, OnlineServiceIndicators.ElectronicOneStopRate];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, UnitMeasures measures, CancellationToken cancellationToken)
    {
        await FactQuery.ReadAsync(db, Sql, periods, r =>
        {
            var (key, unit, level) = (r.GetString(0), r.GetString(1), (GovernmentLevel)r.GetInt16(2));
            var (resolved, onTime, electronic) = (r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
            if (LevelOf.FirstOrDefault(l => l.Value == level).Key is { } indicator)
            {
                measures.Add(indicator, key, unit, new UnitMeasure(onTime, resolved));
            }
            measures.Add(OnlineServiceIndicators.ElectronicOneStopRate, key, unit, new UnitMeasure(electronic, resolved));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FactEntry>> FactsAsync(string indicator, ReportPeriod period, IReadOnlyCollection<string> units, string? after, int pageSize,
        CancellationToken cancellationToken)
    {
        var facts = new List<FactEntry>();
        await FactQuery.ReadAsync(db, FactsSql, command =>
        {
            FactPageParameters.AddTo(command, period, units, after, pageSize);
            command.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Smallint) { Value = (short)LevelOf.GetValueOrDefault(indicator) });
        }, r =>
        {
            facts.Add(new FactEntry("hồ sơ", r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), new Dictionary<string, string?>
            {
                ["Mã thủ tục"] = r.GetString(3),
                ["Ngày tiếp nhận"] = r.GetFieldValue<DateOnly>(4).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ["Hạn trả kết quả"] = r.GetFieldValue<DateTimeOffset>(5).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                ["Thời điểm trả kết quả"] = r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                ["Đúng hẹn"] = r.IsDBNull(7) ? null : r.GetBoolean(7) ? "có" : "không",
                ["Xử lý trên hệ thống một cửa điện tử"] = r.IsDBNull(8) ? "không rõ" : r.GetBoolean(8) ? "có" : "không",
                ["Kênh tiếp nhận"] = (DossierChannel)r.GetInt16(9) == DossierChannel.Online ? "trực tuyến" : "trực tiếp/bưu chính",
            }));
        }, cancellationToken);
        return facts;
    }
}
