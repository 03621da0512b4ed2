using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;
using Cchc.ServiceKit;
using Wire = Cchc.Egov.Api.Grpc;

namespace Cchc.Egov.Api.Domain;

/// <summary>Checks requests and turns them into commands; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class EgovValidation
{
    public const int MaxUnitLength = InputDomain.MaxNameLength;
    public const int MaxNoteLength = 1000;

    public static MetricCommand Submit(Wire.SubmitMetricRequest request)
    {
        var v = new Validator();
        var command = Metric(v, "submission", request.Submission);
        v.ThrowIfInvalid();
        return command!;
    }

    /// <summary>One record of an import stream; violations are named "records[i].…".</summary>
    public static MetricCommand MetricRecord(Wire.MetricValue record, int index)
    {
        var v = new Validator("records", index);
        var command = Metric(v, null, record);
        v.ThrowIfInvalid();
        return command!;
    }

    public static MetricKey Get(Wire.GetSubmissionRequest request)
    {
        var v = new Validator();
        var source = v.Code("source_system", request.SourceSystem);
        var unit = v.Text("unit", request.Unit, MaxUnitLength).Normalize();
        var metric = v.Enum<Wire.Metric, EgovMetric>("metric", request.Metric);
        var from = v.Day("period_from", request.PeriodFrom, kind: TimeKind.Scheduled);
        var to = v.Day("period_to", request.PeriodTo, kind: TimeKind.Scheduled);
        v.ThrowIfInvalid();
        return new MetricKey(source, unit, metric, from!.Value, to!.Value);
    }

    public static SubmissionQuery List(Wire.ListSubmissionsRequest request)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var source = v.Code("source_system", request.SourceSystem, required: false);
        var unit = v.Text("unit", request.Unit, MaxUnitLength, required: false).Normalize();
        var metric = v.Enum<Wire.Metric, EgovMetric>("metric", request.Metric, allowZero: true);
        var from = v.Day("from", request.From, required: false, kind: TimeKind.Scheduled);
        var to = v.Day("to", request.To, required: false, kind: TimeKind.Scheduled);
        if (from is { } f && to is { } t && t < f)
        {
            v.Add("to", "không được trước ngày from");
        }
        var query = new SubmissionQuery(pageSize, source.Length == 0 ? null : source, unit.Length == 0 ? null : unit,
            metric == EgovMetric.Unspecified ? null : metric, from, to);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after is null ? null : long.Parse(after, System.Globalization.CultureInfo.InvariantCulture) };
    }

    public static CapabilityCommand Record(Wire.RecordCapabilityStateRequest request)
    {
        var v = new Validator();
        var command = Capability(v, "state", request.State);
        v.ThrowIfInvalid();
        return command!;
    }

    public static CapabilityCommand CapabilityRecord(Wire.CapabilityStateRecord record, int index)
    {
        var v = new Validator("records", index);
        var command = Capability(v, null, record);
        v.ThrowIfInvalid();
        return command!;
    }

    public static CapabilityQuery List(Wire.ListCapabilityStatesRequest request)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var unit = v.Text("unit", request.Unit, MaxUnitLength, required: false).Normalize();
        var capability = v.Enum<Wire.Capability, EgovCapability>("capability", request.Capability, allowZero: true);
        var asOf = v.Day("as_of", request.AsOf, required: false, kind: TimeKind.Scheduled);
        var query = new CapabilityQuery(pageSize, unit.Length == 0 ? null : unit, capability == EgovCapability.Unspecified ? null : capability, asOf);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after is null ? null : long.Parse(after, System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>The unit and day of a submission, for <see cref="IncomingFacts"/>.</summary>
    public static UnitOnDay Fact(MetricCommand command, string prefix) =>
        new(command.Key.Unit, command.UnitLevel, command.Key.PeriodTo, prefix + "unit", prefix + "unit_level", prefix + "period_to");

    /// <summary>The unit and day of a capability state, for <see cref="IncomingFacts"/>.</summary>
    public static UnitOnDay Fact(CapabilityCommand command, string prefix) =>
        new(command.Unit, command.UnitLevel, command.EffectiveFrom, prefix + "unit", prefix + "unit_level", prefix + "effective_from");

    private static MetricCommand? Metric(Validator v, string? message, Wire.MetricValue? m)
    {
        var p = message is null ? string.Empty : message + ".";
        if (m is null)
        {
            v.Add(message ?? "submission", KitMessages.Required);
            return null;
        }
        var source = v.Code(p + "source_system", m.SourceSystem);
        var unit = v.Text(p + "unit", m.Unit, MaxUnitLength).Normalize();
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>(p + "unit_level", m.UnitLevel, allowZero: true);
        var metric = v.Enum<Wire.Metric, EgovMetric>(p + "metric", m.Metric);
        var from = v.Day(p + "period_from", m.PeriodFrom);
        var to = v.Day(p + "period_to", m.PeriodTo);
        if (from is { } f && to is { } t && t < f)
        {
            v.Add(p + "period_to", EgovMessages.ToBeforeFrom);
        }
        var value = v.Count(p + "value", m.Value);
        var note = v.Text(p + "note", m.Note, MaxNoteLength, required: false, multiLine: true);
        return from is null || to is null ? null
            : new MetricCommand(new MetricKey(source, unit, metric, from.Value, to.Value), level, value, note.Length == 0 ? null : note);
    }

    private static CapabilityCommand? Capability(Validator v, string? message, Wire.CapabilityStateRecord? s)
    {
        var p = message is null ? string.Empty : message + ".";
        if (s is null)
        {
            v.Add(message ?? "state", KitMessages.Required);
            return null;
        }
        var unit = v.Text(p + "unit", s.Unit, MaxUnitLength).Normalize();
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>(p + "unit_level", s.UnitLevel, allowZero: true);
        var capability = v.Enum<Wire.Capability, EgovCapability>(p + "capability", s.Capability);
        var effective = v.Day(p + "effective_from", s.EffectiveFrom);
        var iso = v.Enum<Wire.IsoVersion, IsoVersion>(p + "iso_version", s.IsoVersion, allowZero: true);
        var certificate = v.Day(p + "certificate_date", s.CertificateDate, required: false);
        var source = v.Code(p + "source_system", s.SourceSystem, required: false);
        var note = v.Text(p + "note", s.Note, MaxNoteLength, required: false, multiLine: true);
        if (capability == EgovCapability.Iso9001 && s.InUse)
        {
            if (iso == IsoVersion.Unspecified)
            {
                v.Add(p + "iso_version", EgovMessages.IsoVersionRequired);
            }
            if (certificate is null && s.CertificateDate.Length == 0)
            {
                v.Add(p + "certificate_date", EgovMessages.IsoDateRequired);
            }
            if (certificate is { } c && effective is { } e && c > e)
            {
                v.Add(p + "certificate_date", EgovMessages.CertificateAfterEffective);
            }
            if (iso == IsoVersion.Iso2015 && certificate is { } c2 && c2 < EgovMessages.Iso2015Published)
            {
                v.Add(p + "certificate_date", EgovMessages.Iso2015BeforePublished);
            }
        }
        else if (capability == EgovCapability.Iso9001)
        {
            if (iso != IsoVersion.Unspecified)
            {
                v.Add(p + "iso_version", EgovMessages.IsoNotInUse);
            }
            if (s.CertificateDate.Length > 0)
            {
                v.Add(p + "certificate_date", EgovMessages.IsoNotInUse);
            }
        }
        else if (capability != EgovCapability.Unspecified)
        {
            if (iso != IsoVersion.Unspecified)
            {
                v.Add(p + "iso_version", EgovMessages.OnlyForIso);
            }
            if (s.CertificateDate.Length > 0)
            {
                v.Add(p + "certificate_date", EgovMessages.OnlyForIso);
            }
        }
        return effective is null ? null
            : new CapabilityCommand(unit, level, capability, effective.Value, s.InUse, iso, certificate,
                source.Length == 0 ? null : source, note.Length == 0 ? null : note);
    }
}
