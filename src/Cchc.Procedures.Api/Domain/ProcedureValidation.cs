using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;
using Wire = Cchc.Procedures.Api.Grpc;

namespace Cchc.Procedures.Api.Domain;

/// <summary>Checks catalogue requests and turns them into commands; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class ProcedureValidation
{
    public const int MaxNameLength = 1000;
    public const int MaxFieldLength = 200;
    public const int MaxUnitLength = InputDomain.MaxNameLength;
    public const int MaxDecisionLength = 100;

    public static CreateProcedureCommand Create(Wire.CreateProcedureRequest request)
    {
        var v = new Validator();
        var code = v.Code("code", request.Code);
        var definition = Definition(v, request.Attributes, request.Publication);
        var inForceFrom = v.Day("in_force_from", request.InForceFrom, kind: TimeKind.Scheduled);
        v.ThrowIfInvalid();
        return new CreateProcedureCommand(code, definition!, inForceFrom!.Value);
    }

    public static AmendProcedureCommand Amend(Wire.AmendProcedureRequest request)
    {
        var v = new Validator();
        var code = v.Code("code", request.Code);
        var definition = Definition(v, request.Attributes, request.Publication);
        var effectiveFrom = v.Day("effective_from", request.EffectiveFrom, kind: TimeKind.Scheduled);
        v.ThrowIfInvalid();
        return new AmendProcedureCommand(code, definition!, effectiveFrom!.Value);
    }

    public static AbolishProcedureCommand Abolish(Wire.AbolishProcedureRequest request)
    {
        var v = new Validator();
        var code = v.Code("code", request.Code);
        var (number, date) = Publication(v, request.Publication);
        var abolishedOn = v.Day("abolished_on", request.AbolishedOn, kind: TimeKind.Scheduled);
        v.ThrowIfInvalid();
        return new AbolishProcedureCommand(code, number, date, abolishedOn!.Value);
    }

    public static (string Code, DateOnly? AsOf) Get(Wire.GetProcedureRequest request)
    {
        var v = new Validator();
        var code = v.Code("code", request.Code);
        var asOf = v.Day("as_of", request.AsOf, required: false, kind: TimeKind.Scheduled);
        v.ThrowIfInvalid();
        return (code, asOf);
    }

    public static string History(Wire.GetProcedureHistoryRequest request)
    {
        var v = new Validator();
        var code = v.Code("code", request.Code);
        v.ThrowIfInvalid();
        return code;
    }

    public static ProcedureQuery List(Wire.ListProceduresRequest request, TimeProvider clock)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var level = v.Enum<Wire.GovernmentLevel, GovernmentLevel>("level", request.Level, allowZero: true);
        var field = v.Text("field", request.Field, MaxFieldLength, required: false);
        var day = v.Day("in_force_on", request.InForceOn, required: false, kind: TimeKind.Scheduled) ?? VietnamCalendar.Today(clock);
        var name = v.Text("name_contains", request.NameContains, MaxNameLength, required: false);
        var query = new ProcedureQuery(pageSize, level == GovernmentLevel.Unspecified ? null : level,
            field.Length == 0 ? null : field, day, name.Length == 0 ? null : name);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after };
    }

    private static ProcedureDefinition? Definition(Validator v, Wire.ProcedureAttributes? attributes, Wire.Publication? publication)
    {
        var (number, date) = Publication(v, publication);
        if (attributes is null)
        {
            v.Add("attributes", Messages.Required);
            return null;
        }
        return new ProcedureDefinition(
            v.Text("attributes.name", attributes.Name, MaxNameLength),
            v.Text("attributes.field", attributes.Field, MaxFieldLength),
            v.Enum<Wire.GovernmentLevel, GovernmentLevel>("attributes.level", attributes.Level),
            v.Text("attributes.resolving_unit", attributes.ResolvingUnit, MaxUnitLength),
            v.Enum<Wire.ReceivingPlace, ReceivingPlace>("attributes.receiving_place", attributes.ReceivingPlace),
            attributes.InterAgencySameLevel,
            attributes.InterAgencyBetweenLevels,
            attributes.FourOnTheSpot,
            v.Enum<Wire.OnlineServiceLevel, OnlineServiceLevel>("attributes.online_level", attributes.OnlineLevel, allowZero: true),
            number,
            date);
    }

    /// <summary>Optional: a decision number and/or date; an empty publication records none.</summary>
    private static (string? Number, DateOnly? Date) Publication(Validator v, Wire.Publication? publication)
    {
        if (publication is null)
        {
            return (null, null);
        }
        var number = v.Text("publication.decision_number", publication.DecisionNumber, MaxDecisionLength, required: false);
        var date = v.Day("publication.decision_date", publication.DecisionDate, required: false);
        return (number.Length == 0 ? null : number, date);
    }
}
