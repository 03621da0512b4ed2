using Cchc.Contracts;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;
using Cchc.ServiceKit;
using Wire = Cchc.Legal.Api.Grpc;

namespace Cchc.Legal.Api.Domain;

/// <summary>Checks document requests and turns them into commands; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class DocumentValidation
{
    public const int MaxUnitLength = InputDomain.MaxNameLength;
    public const int MaxNumberLength = 64;
    public const int MaxTitleLength = InputDomain.MaxTextLength;
    public const int MaxNoteLength = 1000;

    public static RegisterDocumentCommand Register(Wire.RegisterDocumentRequest request)
    {
        var v = new Validator();
        var id = v.Code("document_id", request.DocumentId);
        var definition = Definition(v, request.Attributes);
        v.ThrowIfInvalid();
        return new RegisterDocumentCommand(id, definition!);
    }

    public static RecordLifecycleEventCommand Event(Wire.RecordLifecycleEventRequest request)
    {
        var v = new Validator();
        var id = v.Code("document_id", request.DocumentId);
        var unit = v.Text("issuer_unit", request.IssuerUnit, MaxUnitLength);
        var change = Change(v, "event.", request.Event);
        v.ThrowIfInvalid();
        return new RecordLifecycleEventCommand(id, unit, change!);
    }

    /// <summary>One record of an import stream; violations are named "records[i].…".</summary>
    public static DocumentImportRecord Record(Wire.DocumentRecord record, int index)
    {
        var v = new Validator("records", index);
        var id = v.Code("document_id", record.DocumentId);
        var definition = Definition(v, record.Attributes);
        var events = new List<LifecycleChange>();
        for (var i = 0; i < record.Events.Count; i++)
        {
            if (Change(v, $"events[{i}].", record.Events[i]) is { } change)
            {
                events.Add(change);
            }
        }
        v.ThrowIfInvalid();
        return new DocumentImportRecord(id, definition!, events);
    }

    public static (string Id, DateOnly AsOf) Get(Wire.GetDocumentRequest request, TimeProvider clock)
    {
        var v = new Validator();
        var id = v.Code("document_id", request.DocumentId);
        var asOf = v.Day("as_of", request.AsOf, required: false, kind: TimeKind.Scheduled) ?? VietnamCalendar.Today(clock);
        v.ThrowIfInvalid();
        return (id, asOf);
    }

    public static DocumentQuery List(Wire.ListDocumentsRequest request, TimeProvider clock)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var kind = v.Enum<Wire.DocumentKind, DocumentKind>("kind", request.Kind, allowZero: true);
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>("level", request.Level, allowZero: true);
        var unit = v.Text("issuer_unit", request.IssuerUnit, MaxUnitLength, required: false);
        var status = v.Enum<Wire.DocumentStatus, DocumentStatus>("status", request.Status, allowZero: true);
        var statusOn = v.Day("status_on", request.StatusOn, required: false, kind: TimeKind.Scheduled) ?? VietnamCalendar.Today(clock);
        var title = v.Text("title_contains", request.TitleContains, MaxTitleLength, required: false);
        var from = v.Day("signed_from", request.SignedFrom, required: false, kind: TimeKind.Scheduled);
        var to = v.Day("signed_to", request.SignedTo, required: false, kind: TimeKind.Scheduled);
        if (from is { } f && to is { } t && t < f)
        {
            v.Add("signed_to", "không được trước ngày signed_from");
        }
        var query = new DocumentQuery(pageSize,
            kind == DocumentKind.Unspecified ? null : kind,
            level == GovernmentLevel.Unspecified ? null : level,
            unit.Length == 0 ? null : unit,
            status == DocumentStatus.Unspecified ? null : status,
            statusOn,
            title.Length == 0 ? null : title,
            from, to);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after };
    }

    private static DocumentDefinition? Definition(Validator v, Wire.DocumentAttributes? a)
    {
        if (a is null)
        {
            v.Add("attributes", KitMessages.Required);
            return null;
        }
        var kind = v.Enum<Wire.DocumentKind, DocumentKind>("attributes.kind", a.Kind);
        var body = v.Enum<Wire.IssuingBody, IssuingBody>("attributes.issuing_body", a.IssuingBody);
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>("attributes.level", a.Level);
        var unit = v.Text("attributes.issuer_unit", a.IssuerUnit, MaxUnitLength).Normalize();
        var number = DocumentNumber.Normalize(v.Text("attributes.number", a.Number, MaxNumberLength));
        var title = v.Text("attributes.title", a.Title, MaxTitleLength);
        var drafting = v.Text("attributes.drafting_agency", a.DraftingAgency, MaxUnitLength);
        var signed = v.Day("attributes.signed_on", a.SignedOn);
        var effective = v.Day("attributes.effective_on", a.EffectiveOn, kind: TimeKind.Scheduled);
        var gazette = v.Day("attributes.gazette_published_on", a.GazettePublishedOn, required: false);
        var issue = v.Text("attributes.gazette_issue", a.GazetteIssue, MaxUnitLength, required: false);
        if (signed is { } s && effective is { } e && e < s)
        {
            v.Add("attributes.effective_on", LegalMessages.EffectiveBeforeSigned);
        }
        if (signed is { } s2 && gazette is { } g && g < s2)
        {
            v.Add("attributes.gazette_published_on", LegalMessages.GazetteBeforeSigned);
        }
        DocumentNumber.Check(v, number, kind, body, level, unit, signed);
        return signed is null || effective is null ? null
            : new DocumentDefinition(kind, body, level, unit, number, title, drafting, signed.Value, effective.Value, gazette, issue.Length == 0 ? null : issue);
    }

    private static LifecycleChange? Change(Validator v, string prefix, Wire.LifecycleEvent? e)
    {
        if (e is null)
        {
            v.Add(prefix.TrimEnd('.'), KitMessages.Required);
            return null;
        }
        var type = v.Enum<Wire.LifecycleEventType, LifecycleEventType>(prefix + "type", e.Type);
        var day = v.Day(prefix + "effective_on", e.EffectiveOn, kind: TimeKind.Scheduled);
        var cause = v.Code(prefix + "caused_by", e.CausedBy, required: false);
        var note = v.Text(prefix + "note", e.Note, MaxNoteLength, required: false, multiLine: true);
        var change = day is { } d ? new LifecycleChange(type, d, cause.Length == 0 ? null : cause, note.Length == 0 ? null : note) : null;
        if (change is { NeedsCause: true, CausedBy: null })
        {
            v.Add(prefix + "caused_by", LegalMessages.CauseRequired);
        }
        return change;
    }
}
