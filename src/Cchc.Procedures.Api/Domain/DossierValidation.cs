using Cchc.Contracts.Events.Procedures;
using Wire = Cchc.Procedures.Api.Grpc;

namespace Cchc.Procedures.Api.Domain;

/// <summary>Checks dossier requests and turns them into domain values; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class DossierValidation
{
    public const int MaxUnitLength = InputDomain.MaxNameLength;

    public static DossierFacts Receive(Wire.ReceiveDossierRequest request)
    {
        var v = new Validator();
        var facts = Facts(v, request.DossierId, request.ProcedureCode, request.ReceivingUnit, request.UnitLevel,
            request.Channel, request.ReceivedAt, request.DueAt, Wire.DossierStatus.Received, null,
            request.HasProcessedElectronically ? request.ProcessedElectronically : null);
        v.ThrowIfInvalid();
        return facts!;
    }

    /// <summary>One record of an import, violations named "records[index].field". Returns null when invalid.</summary>
    public static DossierFacts? Record(Wire.DossierRecord record, Validator v) =>
        Facts(v, record.DossierId, record.ProcedureCode, record.ReceivingUnit, record.UnitLevel,
            record.Channel, record.ReceivedAt, record.DueAt, record.Status, record.ClosedAt,
            record.HasProcessedElectronically ? record.ProcessedElectronically : null);

    public static (string DossierId, DateTimeOffset ClosedAt) Close(Wire.CloseDossierRequest request)
    {
        var v = new Validator();
        var id = v.Code("dossier_id", request.DossierId);
        var closedAt = v.Instant("closed_at", request.ClosedAt);
        v.ThrowIfInvalid();
        return (id, closedAt!.Value);
    }

    public static string Get(Wire.GetDossierRequest request)
    {
        var v = new Validator();
        var id = v.Code("dossier_id", request.DossierId);
        v.ThrowIfInvalid();
        return id;
    }

    public static DossierQuery List(Wire.ListDossiersRequest request)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var code = v.Code("procedure_code", request.ProcedureCode, required: false);
        var unit = v.Text("receiving_unit", request.ReceivingUnit, MaxUnitLength, required: false);
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>("unit_level", request.UnitLevel, allowZero: true);
        var status = v.Enum<Wire.DossierStatus, DossierStatus>("status", request.Status, allowZero: true);
        var from = v.Day("received_from", request.ReceivedFrom, required: false, kind: TimeKind.Scheduled);
        var to = v.Day("received_to", request.ReceivedTo, required: false, kind: TimeKind.Scheduled);
        if (from > to)
        {
            v.Add("received_to", Messages.RangeReversed);
        }
        var query = new DossierQuery(pageSize, code.Length == 0 ? null : code, unit.Length == 0 ? null : unit,
            level == GovernmentLevel.Unspecified ? null : level, status == DossierStatus.Unspecified ? null : status,
            from is { } f ? Contracts.VietnamCalendar.StartOfDay(f).ToUniversalTime() : null,
            to is { } t ? Contracts.VietnamCalendar.StartOfDay(t.AddDays(1)).ToUniversalTime() : null);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after };
    }

    private static DossierFacts? Facts(
        Validator v, string dossierId, string procedureCode, string receivingUnit, Wire.GovernmentLevel unitLevel,
        Wire.DossierChannel channel, Google.Protobuf.WellKnownTypes.Timestamp? receivedAt,
        Google.Protobuf.WellKnownTypes.Timestamp? dueAt, Wire.DossierStatus status,
        Google.Protobuf.WellKnownTypes.Timestamp? closedAt, bool? processedElectronically)
    {
        var id = v.Code("dossier_id", dossierId);
        var code = v.Code("procedure_code", procedureCode);
        var unit = v.Text("receiving_unit", receivingUnit, MaxUnitLength);
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>("unit_level", unitLevel);
        var via = v.Enum<Wire.DossierChannel, DossierChannel>("channel", channel);
        var received = v.Instant("received_at", receivedAt);
        var due = v.Instant("due_at", dueAt, kind: TimeKind.Scheduled);
        var state = v.Enum<Wire.DossierStatus, DossierStatus>("status", status);
        var closed = v.Instant("closed_at", closedAt, required: DossierRules.IsClosed(state));
        if (due <= received)
        {
            v.Add("due_at", Messages.DueBeforeReceived);
        }
        if (state == DossierStatus.Received && closed is not null)
        {
            v.Add("closed_at", Messages.ClosedAtWithoutClosure);
        }
        else if (closed < received)
        {
            v.Add("closed_at", Messages.ClosedBeforeReceived);
        }
        return v.IsValid
            ? new DossierFacts(id, code, unit, level, via, received!.Value, due!.Value, state, closed, processedElectronically)
            : null;
    }
}

/// <summary>A validated ListDossiers request; received range as instants [from, to).</summary>
public sealed record DossierQuery(
    int PageSize,
    string? ProcedureCode,
    string? ReceivingUnit,
    GovernmentLevel? UnitLevel,
    DossierStatus? Status,
    DateTimeOffset? ReceivedFrom,
    DateTimeOffset? ReceivedBefore)
{
    /// <summary>The last dossier id of the previous page, from the page token.</summary>
    public string? After { get; init; }

    public string Fingerprint => string.Join('\u001f', ProcedureCode, ReceivingUnit, UnitLevel, Status,
        ReceivedFrom?.UtcTicks, ReceivedBefore?.UtcTicks);
}
