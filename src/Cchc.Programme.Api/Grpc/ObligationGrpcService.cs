using System.Globalization;
using Cchc.Contracts.Events.Programme;
using Cchc.Messaging;
using Cchc.Programme.Api.Data;
using Cchc.Programme.Api.Domain;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Programme.Api.Grpc;

/// <summary>
/// What each unit owes (a submitted value or programme records of a kind, for a period, by a deadline), set by the
/// province: the caller must act for every unit. Published as ObligationsDeclared for the completeness report.
/// </summary>
public sealed class ObligationGrpcService(ProgrammeDbContext db, TimeProvider clock, RequestSecurity security,
    ILogger<ObligationGrpcService> logger) : ObligationService.ObligationServiceBase
{
    public const int MaxImportRecords = 20_000;

    public override async Task<ImportResponse> ImportObligations(IAsyncStreamReader<Obligation> requestStream, ServerCallContext context)
    {
        security.EnsureProvince();
        var ct = context.CancellationToken;
        var commands = new List<ObligationCommand>();
        var seen = new Dictionary<(string, string, DateOnly, DateOnly), int>();
        await foreach (var obligation in requestStream.ReadAllAsync(ct))
        {
            var i = commands.Count;
            if (i == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            var command = ProgrammeValidation.ObligationOf(obligation, i);
            var key = (command.Unit, command.Subject, command.PeriodFrom, command.PeriodTo);
            if (seen.TryGetValue(key, out var first))
            {
                throw DomainException.Invalid($"records[{i}].unit", ProgrammeMessages.DuplicateInImport(first));
            }
            seen[key] = i;
            commands.Add(command);
        }
        var result = await db.WriteAsync(ct2 => WriteAsync(commands, ct2), ct);
        logger.LogInformation("Imported {Records} obligations: {Inserted} inserted, {Replaced} replaced, {Unchanged} unchanged",
            result.Records, result.Inserted, result.Replaced, result.Unchanged);
        return result;
    }

    public override async Task<ListObligationsResponse> ListObligations(ListObligationsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var unit = v.Text("unit", request.Unit, ProgrammeValidation.MaxUnitLength, required: false);
        var after = PageToken.Decode(request.PageToken, unit, v);
        v.ThrowIfInvalid();
        var ct = context.CancellationToken;
        var rows = db.Obligations.AsNoTracking();
        if (unit.Length > 0)
        {
            rows = rows.Where(o => o.Unit == unit);
        }
        var total = await rows.LongCountAsync(ct);
        if (after is not null)
        {
            var id = long.Parse(after, CultureInfo.InvariantCulture);
            rows = rows.Where(o => o.Id > id);
        }
        var found = await rows.OrderBy(o => o.Id).Take(pageSize + 1).ToListAsync(ct);
        var response = new ListObligationsResponse { TotalSize = total };
        response.Obligations.AddRange(found.Take(pageSize).Select(ToWire));
        if (found.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(found[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture), unit);
        }
        return response;
    }

    private async Task<ImportResponse> WriteAsync(IReadOnlyList<ObligationCommand> commands, CancellationToken ct)
    {
        var units = commands.Select(c => c.Unit).Distinct().ToList();
        var stored = (await db.Obligations.Where(o => units.Contains(o.Unit)).ToListAsync(ct))
            .ToDictionary(o => (o.Unit, o.Subject, o.PeriodFrom, o.PeriodTo));
        var now = Instant.Normalize(clock.GetUtcNow());
        var by = security.Caller?.ClientId ?? Cchc.Security.Caller.Anonymous;
        var changed = new List<ObligationEntity>();
        long inserted = 0, replaced = 0;
        foreach (var c in commands)
        {
            if (stored.TryGetValue((c.Unit, c.Subject, c.PeriodFrom, c.PeriodTo), out var existing))
            {
                if (existing.DueOn == c.DueOn)
                {
                    continue;
                }
                existing.DueOn = c.DueOn;
                existing.Revision++;
                existing.RecordedAt = now;
                existing.RecordedBy = by;
                replaced++;
                changed.Add(existing);
                continue;
            }
            var entity = new ObligationEntity
            {
                Unit = c.Unit, Subject = c.Subject, Indicator = c.Indicator, RecordKind = c.RecordKind, PeriodFrom = c.PeriodFrom, PeriodTo = c.PeriodTo,
                DueOn = c.DueOn, Revision = 1, RecordedAt = now, RecordedBy = by,
            };
            db.Obligations.Add(entity);
            inserted++;
            changed.Add(entity);
        }
        foreach (var chunk in changed.Chunk(ProgrammeRecordGrpcService.EventBatchSize))
        {
            db.AddIntegrationEvent(new ObligationsDeclared
            {
                Obligations = chunk.Select(ToFact).ToList(),
                OccurredAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return new ImportResponse { Records = commands.Count, Inserted = inserted, Replaced = replaced, Unchanged = commands.Count - inserted - replaced };
    }

    /// <summary>An obligation as the events carry it (the writes and Data/ProgrammeRepublisher.cs).</summary>
    internal static ObligationFact ToFact(ObligationEntity o) => new()
    {
        Unit = o.Unit, Indicator = o.Indicator, RecordKind = o.RecordKind, PeriodFrom = o.PeriodFrom, PeriodTo = o.PeriodTo, DueOn = o.DueOn, Revision = o.Revision,
    };

    private static Obligation ToWire(ObligationEntity o)
    {
        var wire = new Obligation { Unit = o.Unit, PeriodFrom = IsoDate.Format(o.PeriodFrom), PeriodTo = IsoDate.Format(o.PeriodTo), DueOn = IsoDate.Format(o.DueOn) };
        if (o.Indicator is { } indicator)
        {
            wire.Indicator = indicator;
        }
        else
        {
            wire.RecordKind = (RecordKind)(int)o.RecordKind;
        }
        return wire;
    }
}
