using Cchc.Contracts.Events.Organisation;
using Cchc.ServiceKit;
using Wire = Cchc.Organisation.Api.Grpc;

namespace Cchc.Organisation.Api.Domain;

/// <summary>What an individual staffing record is about (numbers equal the proto's StaffRecordKind).</summary>
public enum StaffRecordKind
{
    Unspecified = 0,
    CompetitiveRecruitment = 1,
    Appointment = 2,
    Streamlining = 3,
}

/// <summary>How a leader was appointed (numbers equal the proto's AppointmentKind).</summary>
public enum AppointmentKind
{
    Unspecified = 0,
    Elected = 1,
    NewlyAppointed = 2,
    Reappointed = 3,
    TransferredAndAppointed = 4,
    RotatedAndAppointed = 5,
}

public sealed record FigureCommand(string UnitCode, StaffingMetric Metric, DateOnly From, DateOnly To, long Value);

public sealed record RecordCommand(string RecordId, string UnitCode, StaffRecordKind Kind, DateOnly On, AppointmentKind AppointmentKind,
    bool ThroughCompetition, string? PersonRef);

/// <summary>
/// The staffing rules: which metrics an individual record counts towards, and the "never both" rule — a (unit, metric,
/// period) has either an aggregate figure or individual records, never both (the period of a record is the year it
/// falls in, checked against any figure whose days contain the record's day).
/// </summary>
public static class StaffingRules
{
    /// <summary>The metrics an individual record contributes 1 to.</summary>
    public static IReadOnlyList<StaffingMetric> MetricsOf(StaffRecordKind kind, AppointmentKind appointment, bool throughCompetition) => kind switch
    {
        StaffRecordKind.CompetitiveRecruitment => [StaffingMetric.CompetitiveRecruitment],
        StaffRecordKind.Streamlining => [StaffingMetric.Streamlined],
        StaffRecordKind.Appointment => throughCompetition
            ? [AppointmentMetric(appointment), StaffingMetric.AppointedThroughCompetition]
            : [AppointmentMetric(appointment)],
        _ => [],
    };

    /// <summary>Every metric a record of this kind could count towards (a figure for any of them excludes records, and back).</summary>
    public static IReadOnlyList<StaffingMetric> CoveredBy(StaffRecordKind kind) => kind switch
    {
        StaffRecordKind.CompetitiveRecruitment => [StaffingMetric.CompetitiveRecruitment],
        StaffRecordKind.Streamlining => [StaffingMetric.Streamlined],
        StaffRecordKind.Appointment =>
        [
            StaffingMetric.Elected, StaffingMetric.NewlyAppointed, StaffingMetric.Reappointed, StaffingMetric.TransferredAndAppointed,
            StaffingMetric.RotatedAndAppointed, StaffingMetric.AppointedThroughCompetition,
        ],
        _ => [],
    };

    /// <summary>The record kind whose records cover <paramref name="metric"/>, if any.</summary>
    public static StaffRecordKind? RecordKindOf(StaffingMetric metric) => metric switch
    {
        StaffingMetric.CompetitiveRecruitment => StaffRecordKind.CompetitiveRecruitment,
        StaffingMetric.Streamlined => StaffRecordKind.Streamlining,
        StaffingMetric.Elected or StaffingMetric.NewlyAppointed or StaffingMetric.Reappointed or StaffingMetric.TransferredAndAppointed
            or StaffingMetric.RotatedAndAppointed or StaffingMetric.AppointedThroughCompetition => StaffRecordKind.Appointment,
        _ => null,
    };

    public static StaffingMetric AppointmentMetric(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Elected => StaffingMetric.Elected,
        AppointmentKind.NewlyAppointed => StaffingMetric.NewlyAppointed,
        AppointmentKind.Reappointed => StaffingMetric.Reappointed,
        AppointmentKind.TransferredAndAppointed => StaffingMetric.TransferredAndAppointed,
        _ => StaffingMetric.RotatedAndAppointed,
    };

    public static string FigureKey(string unit, StaffingMetric metric, DateOnly from, DateOnly to) =>
        $"F|{unit}|{(int)metric}|{IsoDate.Format(from)}|{IsoDate.Format(to)}";

    public static string RecordKey(string recordId, StaffingMetric metric) => $"R|{recordId}|{(int)metric}";

    public static string MetricName(StaffingMetric metric) => metric.ToString();
}

/// <summary>Checks staffing requests; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class StaffingValidation
{
    public static FigureCommand Figure(Wire.StaffingFigure f, Validator v)
    {
        var unit = v.Code("unit_code", f.UnitCode);
        var metric = v.Enum<Wire.StaffingMetric, StaffingMetric>("metric", f.Metric);
        // A figure's period may reach up to the horizon ahead (a quota is set for the coming year); its value is a headcount.
        var from = v.Day("from", f.From, kind: TimeKind.Scheduled);
        var to = v.Day("to", f.To, kind: TimeKind.Scheduled);
        if (from is { } a && to is { } b && b < a)
        {
            v.Add("to", OrganisationMessages.ToBeforeFrom);
        }
        var value = v.Count("value", f.Value, InputDomain.MaxHeadcount);
        return new FigureCommand(unit, metric, from ?? default, to ?? default, value);
    }

    public static RecordCommand Record(Wire.StaffRecord r, Validator v)
    {
        var id = v.Code("record_id", r.RecordId);
        var unit = v.Code("unit_code", r.UnitCode);
        var kind = v.Enum<Wire.StaffRecordKind, StaffRecordKind>("kind", r.Kind);
        var on = v.Day("on", r.On);
        var appointment = v.Enum<Wire.AppointmentKind, AppointmentKind>("appointment_kind", r.AppointmentKind, allowZero: true);
        if (kind == StaffRecordKind.Appointment && appointment == AppointmentKind.Unspecified)
        {
            v.Add("appointment_kind", OrganisationMessages.AppointmentKindRequired);
        }
        if (kind != StaffRecordKind.Appointment && kind != StaffRecordKind.Unspecified && appointment != AppointmentKind.Unspecified)
        {
            v.Add("appointment_kind", OrganisationMessages.AppointmentKindOnlyForAppointments);
        }
        if (kind != StaffRecordKind.Appointment && r.ThroughCompetition)
        {
            v.Add("through_competition", OrganisationMessages.CompetitionOnlyForAppointments);
        }
        var person = v.Code("person_ref", r.PersonRef, required: false);
        return new RecordCommand(id, unit, kind, on ?? default, appointment, r.ThroughCompetition, person.Length == 0 ? null : person);
    }
}
