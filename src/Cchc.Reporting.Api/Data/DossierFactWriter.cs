using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Data;

/// <summary>
/// Upserts a batch of dossier states in one statement (arrays unnested server-side): a row is written when
/// the dossier is new or the state is newer than the one held, so duplicates, replays and reordering change nothing.
/// </summary>
public static class DossierFactWriter
{
    private const string Sql = """
        INSERT INTO dossier_facts AS t (dossier_id, version, procedure_code, receiving_unit, unit_level, channel, status,
                                        received_on, due_at, closed_at, closed_on, on_time)
        SELECT * FROM unnest(@ids, @versions, @codes, @units, @levels, @channels, @statuses,
                             @received_on, @due_at, @closed_at, @closed_on, @on_time)
        ON CONFLICT (dossier_id) DO UPDATE SET
            version = excluded.version, procedure_code = excluded.procedure_code, receiving_unit = excluded.receiving_unit,
            unit_level = excluded.unit_level, channel = excluded.channel, status = excluded.status,
            received_on = excluded.received_on, due_at = excluded.due_at, closed_at = excluded.closed_at,
            closed_on = excluded.closed_on, on_time = excluded.on_time
        WHERE excluded.version > t.version
        """;

    /// <summary>Returns the number of rows inserted or updated.</summary>
    public static Task<int> UpsertDossierFactsAsync(this ReportingDbContext db, IEnumerable<DossierState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.DossierId, s => s.Version);
        if (batch.Count == 0)
        {
            return Task.FromResult(0);
        }
        var facts = batch.Select(ToFact).ToArray();
        return db.Database.ExecuteSqlRawAsync(Sql,
        [
            FactBatch.Array("ids", NpgsqlDbType.Text, facts.Select(f => f.DossierId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, facts.Select(f => f.Version)),
            FactBatch.Array("codes", NpgsqlDbType.Text, facts.Select(f => f.ProcedureCode)),
            FactBatch.Array("units", NpgsqlDbType.Text, facts.Select(f => f.ReceivingUnit)),
            FactBatch.Array("levels", NpgsqlDbType.Smallint, facts.Select(f => (short)f.UnitLevel)),
            FactBatch.Array("channels", NpgsqlDbType.Smallint, facts.Select(f => (short)f.Channel)),
            FactBatch.Array("statuses", NpgsqlDbType.Smallint, facts.Select(f => (short)f.Status)),
            FactBatch.Array("received_on", NpgsqlDbType.Date, facts.Select(f => f.ReceivedOn)),
            FactBatch.Array("due_at", NpgsqlDbType.TimestampTz, facts.Select(f => f.DueAt.UtcDateTime)),
            FactBatch.Array("closed_at", NpgsqlDbType.TimestampTz, facts.Select(f => f.ClosedAt?.UtcDateTime)),
            FactBatch.Array("closed_on", NpgsqlDbType.Date, facts.Select(f => f.ClosedOn)),
            FactBatch.Array("on_time", NpgsqlDbType.Boolean, facts.Select(f => f.OnTime)),
        ], cancellationToken);
    }

    /// <summary>The fact a state becomes: local days by the Vietnam calendar; on time = resolved at or before its due instant.</summary>
    public static DossierFact ToFact(DossierState state)
    {
        var closedAt = state.Status is DossierStatus.Received ? null : state.ClosedAt;
        return new DossierFact
        {
            DossierId = state.DossierId,
            Version = state.Version,
            ProcedureCode = state.ProcedureCode,
            ReceivingUnit = state.ReceivingUnit,
            UnitLevel = state.UnitLevel,
            Channel = state.Channel,
            Status = state.Status,
            ReceivedOn = VietnamCalendar.LocalDate(state.ReceivedAt),
            DueAt = state.DueAt,
            ClosedAt = closedAt,
            ClosedOn = closedAt is { } c ? VietnamCalendar.LocalDate(c) : null,
            OnTime = state.Status is DossierStatus.Resolved && closedAt is { } r ? r <= state.DueAt : null,
        };
    }
}
