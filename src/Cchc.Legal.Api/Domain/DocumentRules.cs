using Cchc.Contracts.Events.Legal;
using Cchc.ServiceKit;

namespace Cchc.Legal.Api.Domain;

/// <summary>
/// The register's rules. A registration is idempotent by id (the same content again is a retry; other content is
/// ALREADY_EXISTS). Lifecycle events are recorded on the document they change, in time order: an event takes effect
/// on or after the document's effective day and the last recorded event; a document that has wholly ended (expired,
/// replaced, repealed) takes no further event; an amendment, replacement or repeal names a registered document that
/// is in force on the event's day. Each method returns the new state, or null when the request repeats what is recorded.
/// </summary>
public static class DocumentRules
{
    public static void EnsureSameRegistration(DocumentState existing, RegisterDocumentCommand command)
    {
        if (existing.Definition.FirstDifference(command.Definition) is { } field)
        {
            throw DomainException.Conflict(field, KitMessages.DifferentContent("văn bản", command.DocumentId, field));
        }
    }

    /// <summary>Applies one event. <paramref name="cause"/> is the document named by caused_by (null when none or not found).</summary>
    public static DocumentState? Record(DocumentState target, string issuerUnit, LifecycleChange change, DocumentState? cause,
        string fieldPrefix = "event.")
    {
        if (issuerUnit != target.Definition.IssuerUnit)
        {
            throw DomainException.Precondition("issuer_unit", LegalMessages.NotTheIssuer(target.DocumentId, target.Definition.IssuerUnit));
        }
        if (target.Events.Any(e => e.SameAs(change)))
        {
            return null;
        }
        if (target.ExpiredOn is { } ended)
        {
            throw DomainException.Precondition("document_id", LegalMessages.AlreadyEnded(target.DocumentId, IsoDate.Format(ended)));
        }
        if (change.EffectiveOn < target.Definition.EffectiveOn)
        {
            throw DomainException.Precondition(fieldPrefix + "effective_on",
                LegalMessages.NotInForceYet(target.DocumentId, IsoDate.Format(target.Definition.EffectiveOn)));
        }
        if (target.Events.Count > 0 && change.EffectiveOn < target.Events[^1].EffectiveOn)
        {
            throw DomainException.Precondition(fieldPrefix + "effective_on", LegalMessages.BeforeLastEvent(IsoDate.Format(target.Events[^1].EffectiveOn)));
        }
        if (change.CausedBy is { } causeId)
        {
            if (causeId == target.DocumentId)
            {
                throw DomainException.Invalid(fieldPrefix + "caused_by", LegalMessages.CauseIsSelf);
            }
            if (cause is null)
            {
                throw DomainException.Precondition(fieldPrefix + "caused_by", LegalMessages.CauseNotFound(causeId));
            }
            if (!Lifecycle.IsInForce(cause.StatusOn(change.EffectiveOn)))
            {
                throw DomainException.Precondition(fieldPrefix + "caused_by", LegalMessages.CauseNotInForce(causeId, IsoDate.Format(change.EffectiveOn)));
            }
        }
        return target with { Events = [.. target.Events, change], Version = target.Version + 1 };
    }
}

/// <summary>Counts of a systematisation period, computed from the lifecycle (see the proto's SystematisationCounts).</summary>
public sealed record SystematisationCounts(int InScope, int InForce, int WhollyExpired, int PartlyExpired, int NeedingAmendment);

public static class Systematisation
{
    /// <param name="documents">Normative documents of the period's issuers (any signing day; those out of scope are ignored).</param>
    /// <param name="amendmentFindings">(document id, day found) of review findings other than KEEP.</param>
    public static SystematisationCounts Count(IEnumerable<DocumentState> documents, IEnumerable<(string DocumentId, DateOnly FoundOn)> amendmentFindings,
        DateOnly from, DateOnly to)
    {
        var needing = amendmentFindings.Where(f => f.FoundOn >= from && f.FoundOn <= to).Select(f => f.DocumentId).ToHashSet(StringComparer.Ordinal);
        int inScope = 0, inForce = 0, wholly = 0, partly = 0, amend = 0;
        foreach (var d in documents.Where(d => d.Definition.IsNormative && InScope(d, from, to)))
        {
            inScope++;
            switch (d.StatusOn(to))
            {
                case DocumentStatus.Expired:
                    wholly++;
                    break;
                case DocumentStatus.PartlyExpired:
                    inForce++;
                    partly++;
                    break;
                default:
                    inForce++;
                    break;
            }
            if (needing.Contains(d.DocumentId))
            {
                amend++;
            }
        }
        return new SystematisationCounts(inScope, inForce, wholly, partly, amend);
    }

    /// <summary>Signed by the period's end and in force on at least one of its days.</summary>
    public static bool InScope(DocumentState d, DateOnly from, DateOnly to) =>
        d.Definition.SignedOn <= to && d.Definition.EffectiveOn <= to && (d.ExpiredOn is not { } ended || ended > from);
}
