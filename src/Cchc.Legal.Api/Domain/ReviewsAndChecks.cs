using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Wire = Cchc.Legal.Api.Grpc;

namespace Cchc.Legal.Api.Domain;

public sealed record ReviewRoundDefinition(string RoundId, string ReviewingUnit, ReviewKind Kind, string Topic, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record FindingState(string RoundId, string DocumentId, ReviewConclusion Conclusion, DateOnly FoundOn,
    FindingHandling Handling, DateOnly? HandledOn, int Version)
{
    public bool SameContent(FindingState other) =>
        Conclusion == other.Conclusion && FoundOn == other.FoundOn && Handling == other.Handling && HandledOn == other.HandledOn;
}

public sealed record CheckState(string CheckId, string DocumentId, string CheckingUnit, DateOnly CheckedOn, CheckResult Result,
    CheckHandling Handling, DateOnly? HandledOn, string? Note, int Version)
{
    public bool IsUnlawful => Result is CheckResult.UnlawfulContent or CheckResult.UnlawfulAuthority or CheckResult.UnlawfulContentAndAuthority;

    public bool SameContent(CheckState other) =>
        DocumentId == other.DocumentId && CheckingUnit == other.CheckingUnit && CheckedOn == other.CheckedOn && Result == other.Result
        && Handling == other.Handling && HandledOn == other.HandledOn && Note == other.Note;
}

public sealed record SystematisationDefinition(string PeriodId, string Unit, GovernmentLevel Level, IReadOnlyList<string> IssuerUnits, DateOnly From, DateOnly To)
{
    public bool SameContent(SystematisationDefinition other) =>
        Unit == other.Unit && Level == other.Level && From == other.From && To == other.To && IssuerUnits.SequenceEqual(other.IssuerUnits);
}

/// <summary>Validation of review, systematisation and check requests (INVALID_ARGUMENT with field violations).</summary>
public static class ReviewValidation
{
    public static ReviewRoundDefinition Round(Wire.CreateReviewRoundRequest request)
    {
        var v = new Validator("round.");
        var r = request.Round;
        if (r is null)
        {
            throw DomainException.Invalid("round", KitMessages.Required);
        }
        var id = v.Code("round_id", r.RoundId);
        var unit = v.Text("reviewing_unit", r.ReviewingUnit, DocumentValidation.MaxUnitLength);
        var kind = v.Enum<Wire.ReviewKind, ReviewKind>("kind", r.Kind);
        var topic = v.Text("topic", r.Topic, DocumentValidation.MaxTitleLength, multiLine: true);
        var started = v.Day("started_on", r.StartedOn);
        var ended = v.Day("ended_on", r.EndedOn, required: false, kind: TimeKind.Scheduled);
        if (started is { } s && ended is { } e && e < s)
        {
            v.Add("ended_on", LegalMessages.EndedBeforeStarted);
        }
        v.ThrowIfInvalid();
        return new ReviewRoundDefinition(id, unit, kind, topic, started!.Value, ended);
    }

    public static (string ReviewingUnit, FindingState Finding) Finding(Wire.RecordReviewFindingRequest request)
    {
        var v = new Validator();
        var unit = v.Text("reviewing_unit", request.ReviewingUnit, DocumentValidation.MaxUnitLength);
        var f = request.Finding;
        if (f is null)
        {
            v.Add("finding", KitMessages.Required);
            v.ThrowIfInvalid();
        }
        var round = v.Code("finding.round_id", f!.RoundId);
        var document = v.Code("finding.document_id", f.DocumentId);
        var conclusion = v.Enum<Wire.ReviewConclusion, ReviewConclusion>("finding.conclusion", f.Conclusion);
        var found = v.Day("finding.found_on", f.FoundOn);
        var handling = v.Enum<Wire.FindingHandling, FindingHandling>("finding.handling", f.Handling, allowZero: true);
        var handled = v.Day("finding.handled_on", f.HandledOn, required: false);
        v.OutputOnly("finding.version", f.Version != 0);
        Handling(v, "finding.", handling != FindingHandling.None, handled, found);
        if (conclusion == ReviewConclusion.Keep && handling != FindingHandling.None)
        {
            v.Add("finding.handling", LegalMessages.KeepHasNoHandling);
        }
        v.ThrowIfInvalid();
        return (unit, new FindingState(round, document, conclusion, found!.Value, handling, handled, 0));
    }

    public static CheckState Check(Wire.RecordCheckRequest request)
    {
        var v = new Validator("check.");
        var c = request.Check;
        if (c is null)
        {
            throw DomainException.Invalid("check", KitMessages.Required);
        }
        var id = v.Code("check_id", c.CheckId);
        var document = v.Code("document_id", c.DocumentId);
        var unit = v.Text("checking_unit", c.CheckingUnit, DocumentValidation.MaxUnitLength);
        var checkedOn = v.Day("checked_on", c.CheckedOn);
        var result = v.Enum<Wire.CheckResult, CheckResult>("result", c.Result);
        var handling = v.Enum<Wire.CheckHandling, CheckHandling>("handling", c.Handling, allowZero: true);
        var handled = v.Day("handled_on", c.HandledOn, required: false);
        var note = v.Text("note", c.Note, DocumentValidation.MaxNoteLength, required: false, multiLine: true);
        v.OutputOnly("version", c.Version != 0);
        Handling(v, "", handling != CheckHandling.None, handled, checkedOn);
        if (result == CheckResult.Lawful && handling != CheckHandling.None)
        {
            v.Add("handling", LegalMessages.HandlingOfLawful);
        }
        v.ThrowIfInvalid();
        return new CheckState(id, document, unit, checkedOn!.Value, result, handling, handled, note.Length == 0 ? null : note, 0);
    }

    public static SystematisationDefinition Period(Wire.CreateSystematisationPeriodRequest request)
    {
        var v = new Validator("period.");
        var p = request.Period;
        if (p is null)
        {
            throw DomainException.Invalid("period", KitMessages.Required);
        }
        var id = v.Code("period_id", p.PeriodId);
        var unit = v.Text("unit", p.Unit, DocumentValidation.MaxUnitLength);
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>("level", p.Level);
        var issuers = p.IssuerUnits.Select((u, i) => v.Text($"issuer_units[{i}]", u, DocumentValidation.MaxUnitLength).Normalize())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (issuers.Count == 0)
        {
            v.Add("issuer_units", LegalMessages.IssuerUnitsRequired);
        }
        var from = v.Day("from", p.From);
        var to = v.Day("to", p.To, kind: TimeKind.Scheduled);
        if (from is { } f && to is { } t && t < f)
        {
            v.Add("to", LegalMessages.EndedBeforeStarted);
        }
        v.ThrowIfInvalid();
        return new SystematisationDefinition(id, unit, level, issuers, from!.Value, to!.Value);
    }

    public static string Id(string field, string value)
    {
        var v = new Validator();
        var id = v.Code(field, value);
        v.ThrowIfInvalid();
        return id;
    }

    private static void Handling(Validator v, string prefix, bool handled, DateOnly? handledOn, DateOnly? foundOn)
    {
        if (handled && handledOn is null)
        {
            v.Add(prefix + "handled_on", LegalMessages.HandlingWithoutDay);
        }
        if (!handled && handledOn is not null)
        {
            v.Add(prefix + "handled_on", LegalMessages.DayWithoutHandling);
        }
        if (handledOn is { } h && foundOn is { } f && h < f)
        {
            v.Add(prefix + "handled_on", LegalMessages.HandledBeforeFound);
        }
    }
}

/// <summary>The days a finding's or a check's write changes, for the period lock (ADR 0029): its day and its handling's day, and when it revises a stored one, the stored days too.</summary>
public static class LegalFactDays
{
    public static List<FactDay> Of(DateOnly day, DateOnly? handledOn, DateOnly? storedDay, DateOnly? storedHandledOn,
        string prefix, string dayField = "checked_on")
    {
        List<FactDay> days = [new(day, prefix + dayField)];
        foreach (var (d, field) in new[] { (handledOn, "handled_on"), (storedDay, dayField), (storedHandledOn, "handled_on") })
        {
            if (d is { } value)
            {
                days.Add(new(value, prefix + field));
            }
        }
        return days;
    }
}
