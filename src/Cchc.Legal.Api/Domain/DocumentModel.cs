using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Legal.Api.Domain;

/// <summary>What a document says about itself (its expression as signed); never changed after registration.</summary>
public sealed record DocumentDefinition(
    DocumentKind Kind,
    IssuingBody IssuingBody,
    GovernmentLevel Level,
    string IssuerUnit,
    string Number,
    string Title,
    string DraftingAgency,
    DateOnly SignedOn,
    DateOnly EffectiveOn,
    DateOnly? GazettePublishedOn,
    string? GazetteIssue)
{
    public bool IsNormative => Kind != DocumentKind.NonNormativeWithNorms;

    /// <summary>The first field (as named on the wire) whose value differs, or null when both say the same.</summary>
    public string? FirstDifference(DocumentDefinition other) =>
        Kind != other.Kind ? "attributes.kind"
        : IssuingBody != other.IssuingBody ? "attributes.issuing_body"
        : Level != other.Level ? "attributes.level"
        : IssuerUnit != other.IssuerUnit ? "attributes.issuer_unit"
        : Number != other.Number ? "attributes.number"
        : Title != other.Title ? "attributes.title"
        : DraftingAgency != other.DraftingAgency ? "attributes.drafting_agency"
        : SignedOn != other.SignedOn ? "attributes.signed_on"
        : EffectiveOn != other.EffectiveOn ? "attributes.effective_on"
        : GazettePublishedOn != other.GazettePublishedOn ? "attributes.gazette_published_on"
        : GazetteIssue != other.GazetteIssue ? "attributes.gazette_issue"
        : null;
}

/// <summary>One dated change of a document's force, with the document that caused it (if any).</summary>
public sealed record LifecycleChange(LifecycleEventType Type, DateOnly EffectiveOn, string? CausedBy, string? Note)
{
    public bool EndsForce => Type is LifecycleEventType.WhollyExpired or LifecycleEventType.Replaced or LifecycleEventType.Repealed;

    public bool NeedsCause => Type is LifecycleEventType.Amended or LifecycleEventType.Replaced or LifecycleEventType.Repealed;

    public bool SameAs(LifecycleChange other) =>
        Type == other.Type && EffectiveOn == other.EffectiveOn && CausedBy == other.CausedBy && (Note ?? "") == (other.Note ?? "");
}

/// <summary>A document with its lifecycle (events oldest first; each not before the previous one).</summary>
public sealed record DocumentState(string DocumentId, DocumentDefinition Definition, IReadOnlyList<LifecycleChange> Events, int Version)
{
    /// <summary>Its status on <paramref name="day"/>: not yet in force before its effective day, then folded over the events up to the day.</summary>
    public DocumentStatus StatusOn(DateOnly day) => Lifecycle.StatusOn(Definition.EffectiveOn, Events, day);

    public DateOnly? ExpiredOn => Lifecycle.ExpiredOn(Events);

    public DateOnly? PartlyExpiredOn => Lifecycle.PartlyExpiredOn(Events);
}

public static class Lifecycle
{
    public static DocumentStatus StatusOn(DateOnly effectiveOn, IEnumerable<LifecycleChange> events, DateOnly day)
    {
        if (day < effectiveOn)
        {
            return DocumentStatus.NotYetInForce;
        }
        var status = DocumentStatus.InForce;
        foreach (var change in events.Where(e => e.EffectiveOn <= day))
        {
            if (change.EndsForce)
            {
                return DocumentStatus.Expired;
            }
            if (change.Type == LifecycleEventType.PartlyExpired)
            {
                status = DocumentStatus.PartlyExpired;
            }
        }
        return status;
    }

    public static bool IsInForce(DocumentStatus status) => status is DocumentStatus.InForce or DocumentStatus.PartlyExpired;

    public static DateOnly? ExpiredOn(IEnumerable<LifecycleChange> events) =>
        events.FirstOrDefault(e => e.EndsForce)?.EffectiveOn;

    public static DateOnly? PartlyExpiredOn(IEnumerable<LifecycleChange> events) =>
        events.FirstOrDefault(e => e.Type == LifecycleEventType.PartlyExpired)?.EffectiveOn;
}

public sealed record RegisterDocumentCommand(string DocumentId, DocumentDefinition Definition);

public sealed record RecordLifecycleEventCommand(string DocumentId, string IssuerUnit, LifecycleChange Change);

/// <summary>One record of a bulk import: a document with its whole history.</summary>
public sealed record DocumentImportRecord(string DocumentId, DocumentDefinition Definition, IReadOnlyList<LifecycleChange> Events);

public sealed record DocumentQuery(
    int PageSize, DocumentKind? Kind, GovernmentLevel? Level, string? IssuerUnit, DocumentStatus? Status, DateOnly StatusOn,
    string? TitleContains, DateOnly? SignedFrom, DateOnly? SignedTo, string? After = null)
{
    /// <summary>Binds a page token to the filters (not the page position).</summary>
    public string Fingerprint => string.Join('|', Kind, Level, IssuerUnit, Status, StatusOn, TitleContains, SignedFrom, SignedTo, PageSize);
}
