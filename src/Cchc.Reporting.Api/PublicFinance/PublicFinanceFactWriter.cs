using Cchc.Contracts.Events.Finance;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.PublicFinance;

/// <summary>
/// Writes the public finance facts: a unit's statuses are replaced whole when the incoming version is higher than the
/// one held; budget figures are upserted keeping the highest version; unreported cells are inserted once.
/// </summary>
public static class PublicFinanceFactWriter
{
    // Three statements in one round trip, inside the consumer's transaction: the units whose incoming version is newer
    // than the one held lose their statuses, get the incoming ones, then their version is raised (last, so the first two
    // see the same set of newer units).
    private const string UnitsSql = """
        DELETE FROM autonomy_status_facts s
        USING (SELECT i.unit FROM unnest(@units, @versions) AS i(unit, version) LEFT JOIN autonomy_unit_facts t ON t.unit = i.unit
               WHERE t.unit IS NULL OR i.version > t.version) n
        WHERE s.unit = n.unit;
        INSERT INTO autonomy_status_facts (unit, sequence, regime, level, parent_kind, effective_from, effective_to)
        SELECT x.unit, x.sequence, x.regime, x.level, x.parent_kind, x.effective_from, x.effective_to
        FROM unnest(@s_units, @s_sequences, @s_regimes, @s_levels, @s_parents, @s_from, @s_to)
            AS x(unit, sequence, regime, level, parent_kind, effective_from, effective_to)
        JOIN (SELECT i.unit FROM unnest(@units, @versions) AS i(unit, version) LEFT JOIN autonomy_unit_facts t ON t.unit = i.unit
              WHERE t.unit IS NULL OR i.version > t.version) n ON n.unit = x.unit;
        INSERT INTO autonomy_unit_facts AS t (unit, version) SELECT * FROM unnest(@units, @versions)
        ON CONFLICT (unit) DO UPDATE SET version = excluded.version WHERE excluded.version > t.version;
        """;

    private const string FiguresSql = """
        INSERT INTO budget_figure_facts AS t (figure_id, version, kind, year_from, year_to, funding_source, amount)
        SELECT * FROM unnest(@ids, @versions, @kinds, @from, @to, @sources, @amounts)
        ON CONFLICT (figure_id) DO UPDATE SET
            version = excluded.version, kind = excluded.kind, year_from = excluded.year_from, year_to = excluded.year_to,
            funding_source = excluded.funding_source, amount = excluded.amount
        WHERE excluded.version > t.version
        """;

    private const string UnreportedSql = """
        INSERT INTO unreported_breakdown_facts (year, parent_kind, level)
        SELECT * FROM unnest(@years, @parents, @levels)
        ON CONFLICT DO NOTHING
        """;

    public static Task<int> UpsertAutonomyUnitFactsAsync(this ReportingDbContext db, IEnumerable<UnitAutonomyState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.Unit, s => s.Version);
        if (batch.Count == 0)
        {
            return Task.FromResult(0);
        }
        var statuses = batch.SelectMany(u => u.Statuses.Select((s, i) => (u.Unit, Sequence: i + 1, Status: s))).ToList();
        return db.Database.ExecuteSqlRawAsync(UnitsSql,
        [
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(s => s.Unit)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(s => s.Version)),
            FactBatch.Array("s_units", NpgsqlDbType.Text, statuses.Select(s => s.Unit)),
            FactBatch.Array("s_sequences", NpgsqlDbType.Integer, statuses.Select(s => s.Sequence)),
            FactBatch.Array("s_regimes", NpgsqlDbType.Integer, statuses.Select(s => (int)s.Status.Regime)),
            FactBatch.Array("s_levels", NpgsqlDbType.Integer, statuses.Select(s => (int)s.Status.Level)),
            FactBatch.Array("s_parents", NpgsqlDbType.Integer, statuses.Select(s => (int)s.Status.ParentKind)),
            FactBatch.Array("s_from", NpgsqlDbType.Date, statuses.Select(s => s.Status.EffectiveFrom)),
            FactBatch.Array("s_to", NpgsqlDbType.Date, statuses.Select(s => s.Status.EffectiveTo)),
        ], cancellationToken);
    }

    public static Task<int> UpsertBudgetFigureFactsAsync(this ReportingDbContext db, IEnumerable<BudgetFigureState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.FigureId, s => s.Version);
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(FiguresSql,
        [
            FactBatch.Array("ids", NpgsqlDbType.Text, batch.Select(s => s.FigureId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(s => s.Version)),
            FactBatch.Array("kinds", NpgsqlDbType.Integer, batch.Select(s => (int)s.Kind)),
            FactBatch.Array("from", NpgsqlDbType.Integer, batch.Select(s => s.YearFrom)),
            FactBatch.Array("to", NpgsqlDbType.Integer, batch.Select(s => s.YearTo)),
            FactBatch.Array("sources", NpgsqlDbType.Integer, batch.Select(s => (int)s.FundingSource)),
            FactBatch.Array("amounts", NpgsqlDbType.Numeric, batch.Select(s => s.Amount)),
        ], cancellationToken);
    }

    public static Task<int> InsertUnreportedBreakdownFactsAsync(this ReportingDbContext db, IReadOnlyList<UnreportedBreakdownState> items, CancellationToken cancellationToken) =>
        items.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(UnreportedSql,
        [
            FactBatch.Array("years", NpgsqlDbType.Integer, items.Select(s => s.Year)),
            FactBatch.Array("parents", NpgsqlDbType.Integer, items.Select(s => (int)s.ParentKind)),
            FactBatch.Array("levels", NpgsqlDbType.Integer, items.Select(s => (int)s.Level)),
        ], cancellationToken);
}
