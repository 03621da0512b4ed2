using System.Globalization;
using Cchc.Contracts.Events.Programme;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Wire = Cchc.Programme.Api.Grpc;

namespace Cchc.Programme.Api.Domain;

/// <summary>A valid programme record: its key, its normalised wire form and its flattened fact (revision still unset).</summary>
public sealed record RecordCommand(string ReportingUnit, string Key, ProgrammeRecordKind Kind, Wire.ProgrammeRecord Record, ProgrammeRecordFact Fact);

public sealed record ValueKey(string Indicator, string Unit, DateOnly PeriodFrom, DateOnly PeriodTo);

public sealed record ValueCommand(ValueKey Key, SubmittedValueKind Kind, string? Value, string? Note);

public sealed record ObligationCommand(string Unit, string Subject, string? Indicator, ProgrammeRecordKind RecordKind, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly DueOn);

/// <summary>Checks requests and turns them into commands; INVALID_ARGUMENT naming the fields (in Vietnamese) otherwise.</summary>
public static class ProgrammeValidation
{
    public const int MaxUnitLength = InputDomain.MaxNameLength;
    public const int MaxTextLength = InputDomain.MaxTextLength;
    public const int MaxCriteria = 200;

    public static RecordCommand Record(Wire.RecordProgrammeRecordRequest request)
    {
        var v = new Validator();
        var command = Record(v, "record", request.Record);
        v.ThrowIfInvalid();
        return command!;
    }

    public static RecordCommand RecordOf(Wire.ProgrammeRecord record, int index)
    {
        var v = new Validator("records", index);
        var command = Record(v, null, record);
        v.ThrowIfInvalid();
        return command!;
    }

    public static ValueCommand Value(Wire.SubmitValueRequest request)
    {
        var v = new Validator();
        var command = Value(v, "value", request.Value);
        v.ThrowIfInvalid();
        return command!;
    }

    public static ValueCommand ValueOf(Wire.SubmittedValue value, int index)
    {
        var v = new Validator("records", index);
        var command = Value(v, null, value);
        v.ThrowIfInvalid();
        return command!;
    }

    public static ValueKey Get(Wire.GetSubmittedValueRequest request)
    {
        var v = new Validator();
        var indicator = Indicator(v, "indicator", request.Indicator);
        var unit = v.Text("unit", request.Unit, MaxUnitLength);
        var from = v.Day("period_from", request.PeriodFrom, kind: TimeKind.Scheduled);
        var to = v.Day("period_to", request.PeriodTo, kind: TimeKind.Scheduled);
        v.ThrowIfInvalid();
        return new ValueKey(indicator!, unit, from!.Value, to!.Value);
    }

    public static ObligationCommand ObligationOf(Wire.Obligation o, int index)
    {
        var v = new Validator("records", index);
        var unit = v.Text("unit", o.Unit, MaxUnitLength);
        string? indicator = null;
        var kind = ProgrammeRecordKind.Unspecified;
        switch (o.SubjectCase)
        {
            case Wire.Obligation.SubjectOneofCase.Indicator:
                indicator = Indicator(v, "indicator", o.Indicator);
                break;
            case Wire.Obligation.SubjectOneofCase.RecordKind:
                kind = v.Enum<Wire.RecordKind, ProgrammeRecordKind>("record_kind", o.RecordKind);
                break;
            default:
                v.Add("indicator", ProgrammeMessages.SubjectRequired);
                break;
        }
        var (from, to) = Period(v, "", o.PeriodFrom, o.PeriodTo, TimeKind.Scheduled);
        var due = v.Day("due_on", o.DueOn, kind: TimeKind.Scheduled);
        if (due is { } d && to is { } t && d < t)
        {
            v.Add("due_on", ProgrammeMessages.DueBeforePeriodEnd);
        }
        v.ThrowIfInvalid();
        var subject = indicator ?? SubjectOf(kind);
        return new ObligationCommand(unit, subject, indicator, kind, from!.Value, to!.Value, due!.Value);
    }

    /// <summary>The obligation subject of programme records of a kind ("records:inspection").</summary>
    public static string SubjectOf(ProgrammeRecordKind kind) => "records:" + kind switch
    {
        ProgrammeRecordKind.Inspection => "inspection",
        ProgrammeRecordKind.Propaganda => "propaganda",
        ProgrammeRecordKind.TrainingClass => "training_class",
        ProgrammeRecordKind.Initiative => "initiative",
        ProgrammeRecordKind.CriteriaSet => "criteria_set",
        ProgrammeRecordKind.SatisfactionSurvey => "satisfaction_survey",
        ProgrammeRecordKind.IndexResult => "index_result",
        _ => "unspecified",
    };

    private static string? Indicator(Validator v, string field, string? code)
    {
        var indicator = v.Code(field, code);
        if (indicator.Length > 0 && !SubmittedIndicators.All.ContainsKey(indicator))
        {
            v.Add(field, ProgrammeMessages.UnknownIndicator);
            return null;
        }
        return indicator.Length == 0 ? null : indicator;
    }

    private static ValueCommand? Value(Validator v, string? message, Wire.SubmittedValue? s)
    {
        var p = message is null ? string.Empty : message + ".";
        if (s is null)
        {
            v.Add(message ?? "value", KitMessages.Required);
            return null;
        }
        var indicator = Indicator(v, p + "indicator", s.Indicator);
        var unit = v.Text(p + "unit", s.Unit, MaxUnitLength);
        var (from, to) = Period(v, p, s.PeriodFrom, s.PeriodTo, TimeKind.Occurred);
        var kind = v.Enum<Wire.ValueKind, SubmittedValueKind>(p + "kind", s.Kind);
        var note = v.Text(p + "note", s.Note, MaxTextLength, required: false, multiLine: true);
        string? value = null;
        var type = indicator is null ? (SubmittedType?)null : SubmittedIndicators.All[indicator].Type;
        switch (kind)
        {
            case SubmittedValueKind.Number:
                var number = Decimal(v, p + "value", s.Value, required: true);
                if (number is { } n && type == SubmittedType.Count && (n < 0 || n != decimal.Truncate(n) || n > InputDomain.MaxCount))
                {
                    v.Add(p + "value", ProgrammeMessages.CountValue);
                }
                else if (number is { } pc && type == SubmittedType.Percent && pc is < 0 or > 100)
                {
                    v.Add(p + "value", ProgrammeMessages.Percent);
                }
                value = number?.ToString(CultureInfo.InvariantCulture);
                break;
            case SubmittedValueKind.Text:
                var text = v.Text(p + "value", s.Value, InputDomain.MaxNameLength);
                if (type is SubmittedType.Count or SubmittedType.Percent)
                {
                    v.Add(p + "kind", ProgrammeMessages.TextNotAllowed);
                }
                value = text;
                break;
            case SubmittedValueKind.NotApplicable or SubmittedValueKind.NotReported when s.Value.Length > 0:
                v.Add(p + "value", ProgrammeMessages.ValueForKindOnly);
                break;
        }
        return indicator is null || from is null || to is null ? null
            : new ValueCommand(new ValueKey(indicator, unit, from.Value, to.Value), kind, value, note.Length == 0 ? null : note);
    }

    private static RecordCommand? Record(Validator v, string? message, Wire.ProgrammeRecord? r)
    {
        var p = message is null ? string.Empty : message + ".";
        if (r is null)
        {
            v.Add(message ?? "record", KitMessages.Required);
            return null;
        }
        var unit = v.Text(p + "reporting_unit", r.ReportingUnit, MaxUnitLength);
        var key = v.Code(p + "key", r.Key);
        var normal = new Wire.ProgrammeRecord { ReportingUnit = unit, Key = key };
        ProgrammeRecordFact? fact = null;
        var kind = ProgrammeRecordKind.Unspecified;
        switch (r.DetailCase)
        {
            case Wire.ProgrammeRecord.DetailOneofCase.Inspection:
            {
                var q = p + "inspection.";
                var i = r.Inspection;
                var inspected = v.Text(q + "unit_inspected", i.UnitInspected, MaxUnitLength);
                var day = v.Day(q + "day", i.Day);
                var findings = v.Text(q + "findings", i.Findings, MaxTextLength, required: false, multiLine: true);
                kind = ProgrammeRecordKind.Inspection;
                normal.Inspection = new Wire.Inspection { UnitInspected = inspected, Day = i.Day, Findings = findings };
                fact = day is { } d ? Fact(unit, key, kind, d, d) with { Subject = inspected } : null;
                break;
            }
            case Wire.ProgrammeRecord.DetailOneofCase.Propaganda:
            {
                var q = p + "propaganda.";
                var g = r.Propaganda;
                var (from, to) = Period(v, q, g.PeriodFrom, g.PeriodTo, TimeKind.Occurred);
                long? bulletins = g.HasBulletins ? v.Count(q + "bulletins", g.Bulletins) : null;
                long? articles = g.HasNewspaperArticles ? v.Count(q + "newspaper_articles", g.NewspaperArticles) : null;
                long? contests = g.HasContests ? v.Count(q + "contests", g.Contests) : null;
                bool? portal = g.HasPortalSection ? g.PortalSection : null;
                if (bulletins is null && articles is null && contests is null && portal is null)
                {
                    v.Add(q + "bulletins", ProgrammeMessages.NoFigure);
                }
                kind = ProgrammeRecordKind.Propaganda;
                normal.Propaganda = g.Clone();
                fact = from is { } f && to is { } t
                    ? Fact(unit, key, kind, f, t) with { Bulletins = bulletins, NewspaperArticles = articles, Contests = contests, PortalSection = portal }
                    : null;
                break;
            }
            case Wire.ProgrammeRecord.DetailOneofCase.TrainingClass:
            {
                var q = p + "training_class.";
                var c = r.TrainingClass;
                var day = v.Day(q + "day", c.Day);
                var title = v.Text(q + "title", c.Title, InputDomain.MaxNameLength);
                var participants = v.Count(q + "participants", c.Participants);
                kind = ProgrammeRecordKind.TrainingClass;
                normal.TrainingClass = new Wire.TrainingClass { Day = c.Day, Title = title, Participants = participants };
                fact = day is { } d ? Fact(unit, key, kind, d, d) with { Subject = title, Participants = participants } : null;
                break;
            }
            case Wire.ProgrammeRecord.DetailOneofCase.Initiative:
            {
                var q = p + "initiative.";
                var m = r.Initiative;
                var name = v.Text(q + "name", m.Name, InputDomain.MaxNameLength);
                var from = v.Day(q + "applied_from", m.AppliedFrom);
                var until = v.Day(q + "applied_until", m.AppliedUntil, required: false);
                if (from is { } f0 && until is { } u0 && u0 < f0)
                {
                    v.Add(q + "applied_until", ProgrammeMessages.UntilBeforeFrom);
                }
                var description = v.Text(q + "description", m.Description, MaxTextLength, required: false, multiLine: true);
                kind = ProgrammeRecordKind.Initiative;
                normal.Initiative = new Wire.Initiative { Name = name, AppliedFrom = m.AppliedFrom, AppliedUntil = m.AppliedUntil, Description = description };
                fact = from is { } f ? Fact(unit, key, kind, f, until) with { Subject = name } : null;
                break;
            }
            case Wire.ProgrammeRecord.DetailOneofCase.CriteriaSet:
            {
                var q = p + "criteria_set.";
                var c = r.CriteriaSet;
                var target = v.Enum<Wire.CriteriaTarget, CriteriaTarget>(q + "target", c.Target);
                var adopted = v.Day(q + "adopted_on", c.AdoptedOn);
                var repealed = v.Day(q + "repealed_on", c.RepealedOn, required: false);
                if (adopted is { } a0 && repealed is { } r0 && r0 < a0)
                {
                    v.Add(q + "repealed_on", ProgrammeMessages.RepealedBeforeAdopted);
                }
                var decision = v.Text(q + "decision", c.Decision, InputDomain.MaxNameLength, required: false);
                if (c.Criteria.Count > MaxCriteria)
                {
                    v.Add(q + "criteria", ProgrammeMessages.TooManyCriteria);
                }
                var criteria = c.Criteria.Take(MaxCriteria).Select((text, i) => v.Text($"{q}criteria[{i}]", text, MaxTextLength)).ToList();
                kind = ProgrammeRecordKind.CriteriaSet;
                normal.CriteriaSet = new Wire.CriteriaSet { Target = c.Target, AdoptedOn = c.AdoptedOn, RepealedOn = c.RepealedOn, Decision = decision };
                normal.CriteriaSet.Criteria.AddRange(criteria);
                fact = adopted is { } a ? Fact(unit, key, kind, a, repealed) with { Target = target } : null;
                break;
            }
            case Wire.ProgrammeRecord.DetailOneofCase.SatisfactionSurvey:
            {
                var q = p + "satisfaction_survey.";
                var s = r.SatisfactionSurvey;
                var (from, to) = Period(v, q, s.PeriodFrom, s.PeriodTo, TimeKind.Occurred);
                var services = v.Count(q + "services_surveyed", s.ServicesSurveyed);
                var sample = v.Count(q + "sample_size", s.SampleSize);
                var satisfaction = Decimal(v, q + "overall_satisfaction", s.OverallSatisfaction, required: true);
                if (satisfaction is < 0 or > 100)
                {
                    v.Add(q + "overall_satisfaction", ProgrammeMessages.Percent);
                }
                kind = ProgrammeRecordKind.SatisfactionSurvey;
                normal.SatisfactionSurvey = s.Clone();
                fact = from is { } f && to is { } t
                    ? Fact(unit, key, kind, f, t) with { ServicesSurveyed = services, SampleSize = sample, Score = satisfaction }
                    : null;
                break;
            }
            case Wire.ProgrammeRecord.DetailOneofCase.IndexResult:
            {
                var q = p + "index_result.";
                var x = r.IndexResult;
                var index = v.Enum<Wire.NationalIndex, NationalIndex>(q + "index", x.Index);
                var year = v.Year(q + "year", x.Year);
                var score = Decimal(v, q + "score", x.Score, required: false);
                if (score is < 0 or > 100)
                {
                    v.Add(q + "score", ProgrammeMessages.Score);
                }
                if (x.Rank is < 1 or > 63)
                {
                    v.Add(q + "rank", ProgrammeMessages.Rank);
                }
                var published = v.Day(q + "published_on", x.PublishedOn);
                if (published is { } pd && pd.Year < x.Year)
                {
                    v.Add(q + "published_on", ProgrammeMessages.PublishedBeforeYear);
                }
                kind = ProgrammeRecordKind.IndexResult;
                normal.IndexResult = x.Clone();
                fact = published is { } pub ? Fact(unit, key, kind, pub, pub) with { Index = index, Year = year, Score = score, Rank = x.Rank } : null;
                break;
            }
            default:
                v.Add(p + "detail", ProgrammeMessages.DetailRequired);
                break;
        }
        return fact is null ? null : new RecordCommand(unit, key, kind, normal, fact);
    }

    private static ProgrammeRecordFact Fact(string unit, string key, ProgrammeRecordKind kind, DateOnly from, DateOnly? to) => new()
    {
        ReportingUnit = unit, Key = key, Kind = kind, From = from, To = to, Revision = 0, FirstRecordedAt = default,
    };

    private static (DateOnly? From, DateOnly? To) Period(Validator v, string prefix, string from, string to, TimeKind kind)
    {
        var f = v.Day(prefix + "period_from", from, kind: kind);
        var t = v.Day(prefix + "period_to", to, kind: kind);
        if (f is { } a && t is { } b && b < a)
        {
            v.Add(prefix + "period_to", ProgrammeMessages.ToBeforeFrom);
        }
        return (f, t);
    }

    /// <summary>An invariant decimal ("82.96"): digits with at most one dot, at most 28 significant digits.</summary>
    public static decimal? Decimal(Validator v, string field, string? text, bool required)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                v.Add(field, KitMessages.Required);
            }
            return null;
        }
        if (text.Length > 30 || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            v.Add(field, ProgrammeMessages.Decimal);
            return null;
        }
        return value;
    }
}

/// <summary>
/// A programme record's fact day for the period lock (ADR 0029): the day of a dated record (inspection, training class, index
/// result), the end of a reported period (propaganda, survey), the first day of a state (initiative applied, criteria set in
/// force), with the request field it comes from.
/// </summary>
public static class ProgrammeFactDays
{
    public static FactDay Of(ProgrammeRecordKind kind, DateOnly from, DateOnly? to, string prefix) => kind switch
    {
        ProgrammeRecordKind.Propaganda => new(to ?? from, prefix + "propaganda.period_to"),
        ProgrammeRecordKind.SatisfactionSurvey => new(to ?? from, prefix + "satisfaction_survey.period_to"),
        ProgrammeRecordKind.Initiative => new(from, prefix + "initiative.applied_from"),
        ProgrammeRecordKind.CriteriaSet => new(from, prefix + "criteria_set.adopted_on"),
        ProgrammeRecordKind.Inspection => new(from, prefix + "inspection.day"),
        ProgrammeRecordKind.TrainingClass => new(from, prefix + "training_class.day"),
        ProgrammeRecordKind.IndexResult => new(from, prefix + "index_result.published_on"),
        _ => new(from, prefix + "key"),
    };
}
