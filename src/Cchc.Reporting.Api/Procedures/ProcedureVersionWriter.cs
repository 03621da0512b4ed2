using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>
/// Stores procedure versions, keyed by (code, version). A version is an immutable snapshot, so a duplicate or
/// a replay is skipped; every version is kept so the catalogue on any day can be rebuilt.
/// </summary>
public static class ProcedureVersionWriter
{
    private const string Sql = """
        INSERT INTO procedure_versions (code, version, effective_from, level, receiving_place, inter_agency_same_level,
                                        inter_agency_between_levels, four_on_the_spot, online_level, in_force_from, abolished_on)
        SELECT * FROM unnest(@codes, @versions, @effective_from, @levels, @places, @same_level,
                             @between_levels, @four_on_the_spot, @online_levels, @in_force_from, @abolished_on)
        ON CONFLICT (code, version) DO NOTHING
        """;

    /// <summary>Returns the number of versions that were new.</summary>
    public static Task<int> UpsertProcedureVersionsAsync(this ReportingDbContext db, IEnumerable<ProcedureVersion> versions, CancellationToken cancellationToken)
    {
        var batch = versions
            .DistinctBy(v => (v.Code, v.Version))
            .OrderBy(v => v.Code, StringComparer.Ordinal).ThenBy(v => v.Version)
            .ToList();
        if (batch.Count == 0)
        {
            return Task.FromResult(0);
        }
        return db.Database.ExecuteSqlRawAsync(Sql,
        [
            FactBatch.Array("codes", NpgsqlDbType.Text, batch.Select(v => v.Code)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(v => v.Version)),
            FactBatch.Array("effective_from", NpgsqlDbType.Date, batch.Select(v => v.EffectiveFrom)),
            FactBatch.Array("levels", NpgsqlDbType.Smallint, batch.Select(v => (short)v.Level)),
            FactBatch.Array("places", NpgsqlDbType.Smallint, batch.Select(v => (short)v.ReceivingPlace)),
            FactBatch.Array("same_level", NpgsqlDbType.Boolean, batch.Select(v => v.InterAgencySameLevel)),
            FactBatch.Array("between_levels", NpgsqlDbType.Boolean, batch.Select(v => v.InterAgencyBetweenLevels)),
            FactBatch.Array("four_on_the_spot", NpgsqlDbType.Boolean, batch.Select(v => v.FourOnTheSpot)),
            FactBatch.Array("online_levels", NpgsqlDbType.Smallint, batch.Select(v => (short)v.OnlineLevel)),
            FactBatch.Array("in_force_from", NpgsqlDbType.Date, batch.Select(v => v.InForceFrom)),
            FactBatch.Array("abolished_on", NpgsqlDbType.Date, batch.Select(v => v.AbolishedOn)),
        ], cancellationToken);
    }
}
