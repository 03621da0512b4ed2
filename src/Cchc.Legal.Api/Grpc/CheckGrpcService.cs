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

/// <summary>Checks (kiểm tra) of documents by the competent authority; the one write is <see cref="RecordCheck"/> (an upsert by check id).</summary>
public sealed class CheckGrpcService(LegalDbContext db, TimeProvider clock, IUnitReference units, IPeriodLock periods) : CheckService.CheckServiceBase
{
    public override Task<DocumentCheck> RecordCheck(RecordCheckRequest request, ServerCallContext context)
    {
        var check = ReviewValidation.Check(request);
        return db.WriteAsync(async ct =>
        {
            var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.DocumentId == check.DocumentId, ct)
                ?? throw DomainException.Precondition("check.document_id", LegalMessages.CauseNotFound(check.DocumentId));
            if (check.CheckedOn < document.SignedOn)
            {
                throw DomainException.Precondition("check.checked_on", $"không được trước ngày ký ban hành văn bản ({IsoDate.Format(document.SignedOn)})");
            }
            var existing = await db.Checks.SingleOrDefaultAsync(c => c.CheckId == check.CheckId, ct);
            if (existing is not null)
            {
                if (existing.DocumentId != check.DocumentId)
                {
                    throw DomainException.Conflict("check.document_id", LegalMessages.CheckOfOtherDocument(check.CheckId));
                }
                if (existing.ToState().SameContent(check))
                {
                    return existing.ToState().ToWire();
                }
            }
            // The checking authority must have existed on the day of the check.
            await units.EnsureExistedAsync(check.CheckingUnit, check.CheckedOn, "check.checking_unit", ct);
            // Appendix 2 counts a check in the period of its day and its handling in the period of the handling's day; a revision
            // also changes the days it replaces (ADR 0029).
            await periods.EnsureOpenAsync(LegalFactDays.Of(check.CheckedOn, check.HandledOn, existing?.CheckedOn, existing?.HandledOn, "check."), ct);
            var next = check with { Version = (existing?.Version ?? 0) + 1 };
            var now = Instant.Normalize(clock.GetUtcNow());
            if (existing is null)
            {
                existing = new DocumentCheckEntity { CheckId = next.CheckId, DocumentId = next.DocumentId, CheckingUnit = next.CheckingUnit };
                db.Checks.Add(existing);
            }
            existing.Apply(next, now);
            db.AddIntegrationEvent(new C.DocumentChecksRecorded { Checks = [next.ToEvent()], OccurredAt = now });
            await db.SaveChangesAsync(ct);
            return next.ToWire();
        }, context.CancellationToken);
    }

    public override async Task<DocumentCheck> GetCheck(GetCheckRequest request, ServerCallContext context)
    {
        var id = ReviewValidation.Id("check_id", request.CheckId);
        var check = await db.Checks.AsNoTracking().SingleOrDefaultAsync(c => c.CheckId == id, context.CancellationToken)
            ?? throw DomainException.NotFound("check_id", $"không tìm thấy đợt kiểm tra {id}");
        return check.ToState().ToWire();
    }
}
