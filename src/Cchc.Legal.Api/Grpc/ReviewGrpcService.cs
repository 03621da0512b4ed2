using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Domain;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Legal;

namespace Cchc.Legal.Api.Grpc;

/// <summary>
/// Review rounds (rà soát) with their findings, and systematisation periods (hệ thống hóa) whose counts are computed
/// from the documents' lifecycle. Writes: <see cref="CreateReviewRound"/>, <see cref="RecordReviewFinding"/>,
/// <see cref="CreateSystematisationPeriod"/>; a finding's change writes its ReviewFindingsRecorded event in the same transaction.
/// </summary>
public sealed class ReviewGrpcService(LegalDbContext db, TimeProvider clock, IUnitReference units, IPeriodLock periods) : ReviewService.ReviewServiceBase
{
    public override Task<ReviewRound> CreateReviewRound(CreateReviewRoundRequest request, ServerCallContext context)
    {
        var round = ReviewValidation.Round(request);
        return db.WriteAsync(async ct =>
        {
            var existing = await db.ReviewRounds.AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == round.RoundId, ct);
            if (existing is not null)
            {
                if (existing.ToDefinition() != round)
                {
                    throw DomainException.Conflict("round.round_id", KitMessages.DifferentContent("đợt rà soát", round.RoundId, "round"));
                }
                return round.ToWire();
            }
            // The reviewing unit must have existed on the day the round started.
            await units.EnsureExistedAsync(round.ReviewingUnit, round.StartedOn, "round.reviewing_unit", ct);
            db.ReviewRounds.Add(new ReviewRoundEntity
            {
                RoundId = round.RoundId, ReviewingUnit = round.ReviewingUnit, Kind = round.Kind, Topic = round.Topic,
                StartedOn = round.StartedOn, EndedOn = round.EndedOn, RecordedAt = Now,
            });
            await db.SaveChangesAsync(ct);
            return round.ToWire();
        }, context.CancellationToken);
    }

    public override Task<ReviewFinding> RecordReviewFinding(RecordReviewFindingRequest request, ServerCallContext context)
    {
        var (unit, finding) = ReviewValidation.Finding(request);
        return db.WriteAsync(async ct =>
        {
            var round = await db.ReviewRounds.AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == finding.RoundId, ct)
                ?? throw DomainException.NotFound("finding.round_id", LegalMessages.RoundNotFound(finding.RoundId));
            if (round.ReviewingUnit != unit)
            {
                throw DomainException.Precondition("reviewing_unit", LegalMessages.NotTheReviewer(round.RoundId, round.ReviewingUnit));
            }
            if (finding.FoundOn < round.StartedOn)
            {
                throw DomainException.Precondition("finding.found_on", LegalMessages.FoundOutsideRound(IsoDate.Format(round.StartedOn)));
            }
            if (!await db.Documents.AnyAsync(d => d.DocumentId == finding.DocumentId, ct))
            {
                throw DomainException.Precondition("finding.document_id", LegalMessages.CauseNotFound(finding.DocumentId));
            }
            var existing = await db.ReviewFindings.SingleOrDefaultAsync(f => f.RoundId == finding.RoundId && f.DocumentId == finding.DocumentId, ct);
            if (existing is not null && existing.ToState().SameContent(finding))
            {
                return existing.ToState().ToWire();
            }
            // The reviewing unit must have existed on the day of the finding (it may have been merged since the round began).
            await units.EnsureExistedAsync(unit, finding.FoundOn, "reviewing_unit", ct);
            // A finding counts in the period of its day, its handling in the period of the handling's day (ADR 0029).
            await periods.EnsureOpenAsync(LegalFactDays.Of(finding.FoundOn, finding.HandledOn, existing?.FoundOn, existing?.HandledOn, "finding.", "found_on"), ct);
            var next = finding with { Version = (existing?.Version ?? 0) + 1 };
            var now = Now;
            if (existing is null)
            {
                existing = new ReviewFindingEntity { RoundId = next.RoundId, DocumentId = next.DocumentId };
                db.ReviewFindings.Add(existing);
            }
            existing.Apply(next, now);
            db.AddIntegrationEvent(new C.ReviewFindingsRecorded { Findings = [next.ToEvent()], OccurredAt = now });
            await db.SaveChangesAsync(ct);
            return next.ToWire();
        }, context.CancellationToken);
    }

    public override async Task<GetReviewRoundResponse> GetReviewRound(GetReviewRoundRequest request, ServerCallContext context)
    {
        var id = ReviewValidation.Id("round_id", request.RoundId);
        var ct = context.CancellationToken;
        var round = await db.ReviewRounds.AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == id, ct)
            ?? throw DomainException.NotFound("round_id", LegalMessages.RoundNotFound(id));
        var findings = await db.ReviewFindings.AsNoTracking().Where(f => f.RoundId == id).OrderBy(f => f.DocumentId).ToListAsync(ct);
        var response = new GetReviewRoundResponse { Round = round.ToDefinition().ToWire() };
        response.Findings.AddRange(findings.Select(f => f.ToState().ToWire()));
        return response;
    }

    public override Task<SystematisationPeriod> CreateSystematisationPeriod(CreateSystematisationPeriodRequest request, ServerCallContext context)
    {
        var period = ReviewValidation.Period(request);
        return db.WriteAsync(async ct =>
        {
            var existing = await db.SystematisationPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.PeriodId == period.PeriodId, ct);
            if (existing is null)
            {
                // The systematising unit must have existed at the end of the period it systematises.
                await units.EnsureExistedAsync(period.Unit, period.To, "period.unit", ct);
                db.SystematisationPeriods.Add(new SystematisationPeriodEntity
                {
                    PeriodId = period.PeriodId, Unit = period.Unit, Level = period.Level, IssuerUnits = [.. period.IssuerUnits],
                    From = period.From, To = period.To, RecordedAt = Now,
                });
                await db.SaveChangesAsync(ct);
            }
            else if (!existing.ToDefinition().SameContent(period))
            {
                throw DomainException.Conflict("period.period_id", KitMessages.DifferentContent("kỳ hệ thống hóa", period.PeriodId, "period"));
            }
            return await ComputeAsync(period, ct);
        }, context.CancellationToken);
    }

    public override async Task<SystematisationPeriod> GetSystematisationPeriod(GetSystematisationPeriodRequest request, ServerCallContext context)
    {
        var id = ReviewValidation.Id("period_id", request.PeriodId);
        var period = await db.SystematisationPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.PeriodId == id, context.CancellationToken)
            ?? throw DomainException.NotFound("period_id", $"không tìm thấy kỳ hệ thống hóa {id}");
        return await ComputeAsync(period.ToDefinition(), context.CancellationToken);
    }

    /// <summary>The counts, from the issuers' normative documents signed by the period's end and the findings recorded in it.</summary>
    private async Task<SystematisationPeriod> ComputeAsync(SystematisationDefinition period, CancellationToken ct)
    {
        var units = period.IssuerUnits.ToList();
        var documents = await db.Documents.AsNoTracking().Include(d => d.Events)
            .Where(d => d.Level == period.Level && units.Contains(d.IssuerUnit) && d.Kind != C.DocumentKind.NonNormativeWithNorms && d.SignedOn <= period.To)
            .ToListAsync(ct);
        var ids = documents.Select(d => d.DocumentId).ToList();
        var findings = await db.ReviewFindings.AsNoTracking()
            .Where(f => f.Conclusion != C.ReviewConclusion.Keep && f.FoundOn >= period.From && f.FoundOn <= period.To && ids.Contains(f.DocumentId))
            .Select(f => new { f.DocumentId, f.FoundOn }).ToListAsync(ct);
        var counts = Systematisation.Count(documents.Select(d => d.ToState()), findings.Select(f => (f.DocumentId, f.FoundOn)), period.From, period.To);
        var wire = new SystematisationPeriod
        {
            PeriodId = period.PeriodId,
            Unit = period.Unit,
            Level = (GovernmentLevel)(int)period.Level,
            From = IsoDate.Format(period.From),
            To = IsoDate.Format(period.To),
            Counts = new SystematisationCounts
            {
                InScope = counts.InScope, InForce = counts.InForce, WhollyExpired = counts.WhollyExpired,
                PartlyExpired = counts.PartlyExpired, NeedingAmendment = counts.NeedingAmendment,
            },
        };
        wire.IssuerUnits.AddRange(period.IssuerUnits);
        return wire;
    }

    private DateTimeOffset Now => Instant.Normalize(clock.GetUtcNow());
}
