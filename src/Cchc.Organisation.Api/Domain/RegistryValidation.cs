using Cchc.Contracts;
using Cchc.Contracts.Events.Organisation;
using Cchc.ServiceKit;
using Wire = Cchc.Organisation.Api.Grpc;

namespace Cchc.Organisation.Api.Domain;

/// <summary>Checks registry requests and turns them into commands; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class RegistryValidation
{
    public const int MaxNameLength = InputDomain.MaxNameLength;
    public const int MaxSources = 200;

    public static FoundCommand Found(Wire.FoundUnitRequest r, Validator v) =>
        new(v.Code("change_id", r.ChangeId), Day(v, r.EffectiveOn), Spec(v, "unit.", r.Unit));

    public static RenameCommand Rename(Wire.RenameUnitRequest r, Validator v) =>
        new(v.Code("change_id", r.ChangeId), Day(v, r.EffectiveOn), v.Code("unit_code", r.UnitCode), v.Text("new_name", r.NewName, MaxNameLength).Trim());

    public static MoveCommand Move(Wire.MoveUnitRequest r, Validator v) =>
        new(v.Code("change_id", r.ChangeId), Day(v, r.EffectiveOn), v.Code("unit_code", r.UnitCode), v.Code("new_parent_code", r.NewParentCode));

    public static DissolveCommand Dissolve(Wire.DissolveUnitRequest r, Validator v) =>
        new(v.Code("change_id", r.ChangeId), Day(v, r.EffectiveOn), v.Code("unit_code", r.UnitCode));

    public static MergeCommand Merge(Wire.MergeUnitsRequest r, Validator v)
    {
        var id = v.Code("change_id", r.ChangeId);
        var on = Day(v, r.EffectiveOn);
        if (r.SourceCodes.Count == 0)
        {
            v.Add("source_codes", OrganisationMessages.TwoSourcesRequired);
        }
        else if (r.SourceCodes.Count > MaxSources)
        {
            v.Add("source_codes", $"tối đa {MaxSources} đơn vị mỗi lần sáp nhập");
        }
        var sources = r.SourceCodes.Select((c, i) => v.Code($"source_codes[{i}]", c)).ToList();
        string? existing = null;
        NewUnit? created = null;
        switch (r.TargetCase)
        {
            case Wire.MergeUnitsRequest.TargetOneofCase.ExistingTargetCode:
                existing = v.Code("existing_target_code", r.ExistingTargetCode);
                break;
            case Wire.MergeUnitsRequest.TargetOneofCase.NewTarget:
                created = Spec(v, "new_target.", r.NewTarget);
                break;
            default:
                v.Add("target", OrganisationMessages.TargetRequired);
                break;
        }
        return new MergeCommand(id, on, sources, existing, created);
    }

    public static SplitCommand Split(Wire.SplitUnitRequest r, Validator v)
    {
        var id = v.Code("change_id", r.ChangeId);
        var on = Day(v, r.EffectiveOn);
        var source = v.Code("source_code", r.SourceCode);
        if (r.NewUnits.Count < 2)
        {
            v.Add("new_units", OrganisationMessages.TwoPartsRequired);
        }
        return new SplitCommand(id, on, source, r.NewUnits.Select((u, i) => Spec(v, $"new_units[{i}].", u)).ToList());
    }

    public static AbolishLevelCommand AbolishLevel(Wire.AbolishLevelRequest r, Validator v)
    {
        var id = v.Code("change_id", r.ChangeId);
        var on = Day(v, r.EffectiveOn);
        var level = v.Enum<Wire.UnitKind, UnitKind>("level", r.Level);
        if (v.IsValid && level is not (UnitKind.DistrictLevel or UnitKind.CommuneLevel))
        {
            v.Add("level", OrganisationMessages.NotAnAdministrativeLevel);
        }
        return new AbolishLevelCommand(id, on, level, v.Code("new_parent_code", r.NewParentCode));
    }

    /// <summary>One change of an import stream; violations named "records[i].&lt;case&gt;.field" (as every import names its records).</summary>
    public static UnitCommand Change(Wire.UnitChange change, int index)
    {
        var caseName = change.ChangeCase switch
        {
            Wire.UnitChange.ChangeOneofCase.Found => "found.",
            Wire.UnitChange.ChangeOneofCase.Rename => "rename.",
            Wire.UnitChange.ChangeOneofCase.Move => "move.",
            Wire.UnitChange.ChangeOneofCase.Dissolve => "dissolve.",
            Wire.UnitChange.ChangeOneofCase.Merge => "merge.",
            Wire.UnitChange.ChangeOneofCase.Split => "split.",
            Wire.UnitChange.ChangeOneofCase.AbolishLevel => "abolish_level.",
            _ => null,
        };
        if (caseName is null)
        {
            throw DomainException.Invalid($"records[{index}].change", Cchc.ServiceKit.KitMessages.Required);
        }
        var v = new Validator($"records[{index}].{caseName}");
        UnitCommand command = change.ChangeCase switch
        {
            Wire.UnitChange.ChangeOneofCase.Found => Found(change.Found, v),
            Wire.UnitChange.ChangeOneofCase.Rename => Rename(change.Rename, v),
            Wire.UnitChange.ChangeOneofCase.Move => Move(change.Move, v),
            Wire.UnitChange.ChangeOneofCase.Dissolve => Dissolve(change.Dissolve, v),
            Wire.UnitChange.ChangeOneofCase.Merge => Merge(change.Merge, v),
            Wire.UnitChange.ChangeOneofCase.Split => Split(change.Split, v),
            _ => AbolishLevel(change.AbolishLevel, v),
        };
        v.ThrowIfInvalid();
        return command;
    }

    /// <summary>The field prefix of a change in an import stream, for violations found when applying it.</summary>
    public static string Prefix(Wire.UnitChange change, int index) => $"records[{index}]." + change.ChangeCase switch
    {
        Wire.UnitChange.ChangeOneofCase.AbolishLevel => "abolish_level.",
        var c => c.ToString().ToLowerInvariant() + ".",
    };

    public static T Single<T>(Func<Validator, T> parse)
    {
        var v = new Validator();
        var command = parse(v);
        v.ThrowIfInvalid();
        return command;
    }

    public static DateOnly AsOf(Validator v, string field, string? value, TimeProvider clock) =>
        v.Day(field, value, required: false, kind: TimeKind.Scheduled) ?? VietnamCalendar.Today(clock);

    /// <summary>A change takes effect on a day up to the horizon ahead: reorganisations are decided before they take effect.</summary>
    private static DateOnly Day(Validator v, string value) => v.Day("effective_on", value, kind: TimeKind.Scheduled) ?? default;

    private static NewUnit Spec(Validator v, string p, Wire.UnitSpec? spec)
    {
        if (spec is null)
        {
            v.Add(p.TrimEnd('.'), Cchc.ServiceKit.KitMessages.Required);
            return new NewUnit("", "", UnitKind.Unspecified, null, PublicServiceSector.Unspecified, null);
        }
        var code = v.Code(p + "unit_code", spec.UnitCode);
        var name = v.Text(p + "name", spec.Name, MaxNameLength).Trim();
        var kind = v.Enum<Wire.UnitKind, UnitKind>(p + "kind", spec.Kind);
        var parent = v.Code(p + "parent_code", spec.ParentCode, required: false);
        var sector = v.Enum<Wire.PublicServiceSector, PublicServiceSector>(p + "sector", spec.Sector, allowZero: true);
        var official = v.Code(p + "official_code", spec.OfficialCode, required: false);
        if (kind == UnitKind.PublicServiceUnit && sector == PublicServiceSector.Unspecified)
        {
            v.Add(p + "sector", OrganisationMessages.SectorRequired);
        }
        else if (kind != UnitKind.PublicServiceUnit && sector != PublicServiceSector.Unspecified)
        {
            v.Add(p + "sector", OrganisationMessages.SectorOnlyForServiceUnits);
        }
        if (kind == UnitKind.Province && parent.Length > 0)
        {
            v.Add(p + "parent_code", OrganisationMessages.ProvinceHasNoParent);
        }
        else if (kind != UnitKind.Province && kind != UnitKind.Unspecified && parent.Length == 0)
        {
            v.Add(p + "parent_code", OrganisationMessages.ParentRequired);
        }
        return new NewUnit(code, name, kind, parent.Length == 0 ? null : parent, sector, official.Length == 0 ? null : official);
    }
}
