using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Domain;
using Cchc.Messaging;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Finance;

namespace Cchc.Finance.Api.Grpc;

/// <summary>Budget figures (province-wide): each write stores the figure and its BudgetFiguresRecorded event in one transaction.</summary>
public sealed class BudgetGrpcService(FinanceDbContext db, TimeProvider clock, RequestSecurity security, IncomingFactCheck facts, IPeriodLock periods,
    ILogger<BudgetGrpcService> logger) : BudgetService.BudgetServiceBase
{
    public const int MaxImportRecords = 20_000;

    /// <summary>Records a figure or, when its content differs from the stored one, revises it (version + 1).</summary>
    public override async Task<BudgetFigure> RecordBudgetFigure(RecordBudgetFigureRequest request, ServerCallContext context)
    {
        var figure = FinanceValidation.Figure(request);
        facts.EnsureYears(figure.YearFrom, figure.YearTo, "figure.");
        return await db.WriteAsync(async ct =>
        {
            var existing = await db.BudgetFigures.SingleOrDefaultAsync(f => f.FigureId == figure.FigureId, ct);
            if (existing is not null && existing.ToFact().FirstDifference(figure) is null)
            {
                return existing.ToWire();
            }
            // A figure's fact day is the last day of its last year (as a submission's is its period's end, ADR 0029); a
            // revision also changes the figure it replaces.
            List<FactDay> days = [FactDay.YearEnd(figure.YearTo, "figure.year_to")];
            if (existing is not null)
            {
                days.Add(FactDay.YearEnd(existing.YearTo, "figure.year_to"));
            }
            await periods.EnsureOpenAsync(days, ct);
            var version = (existing?.Version ?? 0) + 1;
            var now = Instant.Normalize(clock.GetUtcNow());
            if (existing is null)
            {
                existing = new BudgetFigureEntity { FigureId = figure.FigureId, SourceDocument = figure.SourceDocument };
                db.BudgetFigures.Add(existing);
            }
            existing.Apply(figure, version, now);
            db.AddIntegrationEvent(new C.BudgetFiguresRecorded { Figures = [figure.ToEvent(version)], OccurredAt = now });
            await db.SaveChangesAsync(ct);
            return figure.ToWire(version);
        }, context.CancellationToken);
    }

    public override async Task<BudgetFigure> GetBudgetFigure(GetBudgetFigureRequest request, ServerCallContext context)
    {
        var id = FinanceValidation.FigureId("figure_id", request.FigureId);
        var entity = await db.BudgetFigures.AsNoTracking().SingleOrDefaultAsync(f => f.FigureId == id, context.CancellationToken)
            ?? throw DomainException.NotFound("figure_id", FinanceMessages.FigureNotFound(id));
        return entity.ToWire();
    }

    public override async Task<ListBudgetFiguresResponse> ListBudgetFigures(ListBudgetFiguresRequest request, ServerCallContext context)
    {
        var query = FinanceValidation.List(request);
        var ct = context.CancellationToken;
        var figures = db.BudgetFigures.AsNoTracking();
        if (query.Kind is { } kind)
        {
            figures = figures.Where(f => f.Kind == kind);
        }
        if (query.YearFrom is { } from)
        {
            figures = figures.Where(f => f.YearTo >= from);
        }
        if (query.YearTo is { } to)
        {
            figures = figures.Where(f => f.YearFrom <= to);
        }
        var total = await figures.CountAsync(ct);
        var page = query.After is { } after ? figures.Where(f => string.Compare(f.FigureId, after) > 0) : figures;
        var rows = await page.OrderBy(f => f.FigureId).Take(query.PageSize + 1).ToListAsync(ct);
        var response = new ListBudgetFiguresResponse { TotalSize = total };
        response.Figures.AddRange(rows.Take(query.PageSize).Select(f => f.ToWire()));
        if (rows.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(rows[query.PageSize - 1].FigureId, query.Fingerprint);
        }
        return response;
    }

    /// <summary>All or nothing, idempotent by figure_id: a stored figure with the same content is unchanged, with other content ALREADY_EXISTS.</summary>
    public override async Task<ImportResponse> ImportBudgetFigures(IAsyncStreamReader<BudgetFigure> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        security.EnsureProvince();
        var records = new List<BudgetFigureFact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var record in requestStream.ReadAllAsync(ct))
        {
            if (records.Count == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            var figure = FinanceValidation.FigureRecord(record, records.Count);
            facts.EnsureYears(figure.YearFrom, figure.YearTo, $"records[{records.Count}].");
            if (!seen.Add(figure.FigureId))
            {
                throw DomainException.Invalid($"records[{records.Count}].figure_id", FinanceMessages.DuplicateFigure(figure.FigureId));
            }
            records.Add(figure);
        }
        var result = await db.WriteAsync(async ct2 =>
        {
            var ids = records.Select(r => r.FigureId).ToList();
            var stored = await db.BudgetFigures.AsNoTracking().Where(f => ids.Contains(f.FigureId)).ToDictionaryAsync(f => f.FigureId, StringComparer.Ordinal, ct2);
            var inserted = new List<BudgetFigureFact>();
            var insertedDays = new List<FactDay>();
            for (var i = 0; i < records.Count; i++)
            {
                if (stored.TryGetValue(records[i].FigureId, out var existing))
                {
                    if (existing.ToFact().FirstDifference(records[i]) is { } field)
                    {
                        throw DomainException.Conflict($"records[{i}].{field}", KitMessages.DifferentContent("số liệu", records[i].FigureId, field));
                    }
                    continue;
                }
                inserted.Add(records[i]);
                insertedDays.Add(FactDay.YearEnd(records[i].YearTo, $"records[{i}].year_to"));
            }
            await periods.EnsureOpenAsync(insertedDays, ct2);
            var now = Instant.Normalize(clock.GetUtcNow());
            foreach (var figure in inserted)
            {
                var entity = new BudgetFigureEntity { FigureId = figure.FigureId, SourceDocument = figure.SourceDocument };
                entity.Apply(figure, 1, now);
                db.BudgetFigures.Add(entity);
            }
            if (inserted.Count > 0)
            {
                db.AddIntegrationEvent(new C.BudgetFiguresRecorded { Figures = inserted.Select(f => f.ToEvent(1)).ToList(), OccurredAt = now });
                await db.SaveChangesAsync(ct2);
            }
            return new ImportResponse { Records = records.Count, Inserted = inserted.Count, Unchanged = records.Count - inserted.Count };
        }, ct);
        logger.LogInformation("Imported {Records} budget figures: {Inserted} inserted, {Unchanged} unchanged", result.Records, result.Inserted, result.Unchanged);
        return result;
    }
}
