using Cchc.Contracts.Events.Organisation;
using Cchc.ServiceKit;
using M = Cchc.Organisation.Api.Domain.OrganisationMessages;

namespace Cchc.Organisation.Api.Domain;

/// <summary>
/// The registry in memory: every unit's dated history and the rules that keep it consistent. A change takes effect on
/// its day: a unit's new state starts that day; a unit that ends exists up to the day before. Changes are appended
/// after a unit's last change (history is not rewritten in the middle). <see cref="Apply"/> either applies a change
/// completely or throws a <see cref="DomainException"/> naming the field (prefixed by the caller) — the caller then
/// discards the registry, so nothing is written.
/// </summary>
public sealed class Registry
{
    private readonly Dictionary<string, UnitState> units;
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);
    private string prefix = string.Empty;

    public Registry(IEnumerable<UnitState> units) => this.units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<UnitState> Units => units.Values;

    /// <summary>Codes of the units whose history the applied changes touched.</summary>
    public IReadOnlyCollection<string> Changed => changed;

    public UnitState? Find(string code) => units.GetValueOrDefault(code);

    /// <summary>Units live on <paramref name="day"/> whose parent that day is <paramref name="parent"/>.</summary>
    public List<UnitState> LiveChildren(string parent, DateOnly day) =>
        units.Values.Where(u => u.On(day)?.ParentCode == parent).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>Applies one change; violations are named "<paramref name="fieldPrefix"/>field".</summary>
    public void Apply(UnitCommand command, string fieldPrefix = "")
    {
        prefix = fieldPrefix;
        switch (command)
        {
            case FoundCommand c:
                Found(c.Unit, c.On, ChangeKind.Founded, "unit.");
                break;
            case RenameCommand c:
                Rename(c);
                break;
            case MoveCommand c:
                Move(Live(c.Code, c.On, "unit_code"), c.NewParent, c.On, "new_parent_code", cascade: false);
                break;
            case DissolveCommand c:
                Dissolve(c);
                break;
            case MergeCommand c:
                Merge(c);
                break;
            case SplitCommand c:
                Split(c);
                break;
            case AbolishLevelCommand c:
                AbolishLevel(c);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown change.");
        }
    }

    private void Found(NewUnit spec, DateOnly on, ChangeKind began, string specField)
    {
        if (units.ContainsKey(spec.Code))
        {
            throw DomainException.Conflict(Field(specField + "unit_code"), M.UnitExists(spec.Code));
        }
        CheckParent(spec.Kind, spec.ParentCode, on, specField + "parent_code", self: null);
        CheckName(spec.Name, on, specField + "name", except: null);
        if (spec.OfficialCode is { } official)
        {
            var holder = units.Values.FirstOrDefault(u => u.OfficialCode == official && u.Last.OverlapsFrom(on));
            if (holder is not null)
            {
                throw DomainException.Precondition(Field(specField + "official_code"), M.OfficialCodeTaken(official, holder.Code));
            }
        }
        var unit = new UnitState(spec.Code, spec.OfficialCode, 0, ChangeKind.Unspecified,
            [new PeriodState(on, null, spec.Name, spec.Kind, spec.ParentCode, spec.Sector, [], began)]);
        units.Add(unit.Code, unit);
        changed.Add(unit.Code);
    }

    private void Rename(RenameCommand c)
    {
        var unit = Live(c.Code, c.On, "unit_code");
        if (unit.Last.Name == c.NewName)
        {
            throw DomainException.Precondition(Field("new_name"), M.SameName(c.NewName));
        }
        CheckName(c.NewName, c.On, "new_name", except: unit.Code);
        NewPeriod(unit, c.On, unit.Last with { Name = c.NewName, BeganBy = ChangeKind.Renamed });
    }

    private void Move(UnitState unit, string newParent, DateOnly on, string field, bool cascade)
    {
        if (unit.Last.ParentCode == newParent)
        {
            if (cascade)
            {
                return;
            }
            throw DomainException.Precondition(Field(field), M.SameParent(newParent));
        }
        CheckParent(unit.Last.Kind, newParent, on, field, self: unit.Code);
        // A unit founded on the day of a cascade (a merger's new target taking children) is moved in place.
        if (cascade && unit.Last.From == on)
        {
            unit.Periods[^1] = unit.Last with { ParentCode = newParent };
            changed.Add(unit.Code);
            return;
        }
        NewPeriod(unit, on, unit.Last with { ParentCode = newParent, BeganBy = ChangeKind.Moved });
    }

    private void Dissolve(DissolveCommand c)
    {
        var unit = Live(c.Code, c.On, "unit_code");
        var children = LiveChildren(unit.Code, c.On);
        if (children.Count > 0)
        {
            throw DomainException.Precondition(Field("unit_code"), M.HasChildren(unit.Code, children.Count));
        }
        End(unit, c.On, ChangeKind.Dissolved, []);
    }

    private void Merge(MergeCommand c)
    {
        if (c.Sources.Count == 0)
        {
            throw DomainException.Invalid(Field("source_codes"), M.TwoSourcesRequired);
        }
        var targetCode = c.TargetCode;
        var sources = new List<UnitState>();
        for (var i = 0; i < c.Sources.Count; i++)
        {
            var field = $"source_codes[{i}]";
            if (c.Sources[i] == targetCode || sources.Any(s => s.Code == c.Sources[i]))
            {
                throw DomainException.Invalid(Field(field), M.Duplicate(c.Sources[i]));
            }
            sources.Add(Live(c.Sources[i], c.On, field));
        }
        // An existing target only has to exist that day (it may have changed the same day, e.g. moved to take the sources' place).
        var kind = c.NewTarget?.Kind ?? (LiveOn(targetCode, c.On, "existing_target_code")).Kind;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].Last.Kind != kind)
            {
                throw DomainException.Precondition(Field($"source_codes[{i}]"), M.KindsDiffer(sources[i].Code));
            }
        }
        if (c.ExistingTarget is { } existing && IsUnder(existing, sources.Select(s => s.Code).ToHashSet(StringComparer.Ordinal), c.On))
        {
            throw DomainException.Precondition(Field("existing_target_code"), M.UnderItself(existing));
        }

        // 1. The bodies (HĐND, UBND) of the targets: existing ones, or codes by convention for those the merger founds.
        var children = sources.ToDictionary(s => s.Code, s => LiveChildren(s.Code, c.On));
        var targetBodies = new Dictionary<UnitKind, string>();
        if (c.ExistingTarget is not null)
        {
            foreach (var body in LiveChildren(targetCode, c.On).Where(u => UnitKinds.IsBody(u.Last.Kind)))
            {
                targetBodies.TryAdd(body.Last.Kind, body.Code);
            }
        }
        foreach (var body in children.Values.SelectMany(x => x).Where(u => UnitKinds.IsBody(u.Last.Kind)))
        {
            targetBodies.TryAdd(body.Last.Kind, UnitKinds.BodyCode(targetCode, body.Last.Kind));
        }

        // 2. End every source and its bodies (so the target may take a source's name the same day).
        var moves = new List<(UnitState Unit, string NewParent)>();
        foreach (var source in sources)
        {
            End(source, c.On, ChangeKind.Merged, [targetCode]);
            foreach (var child in children[source.Code])
            {
                if (UnitKinds.IsBody(child.Last.Kind))
                {
                    var targetBody = targetBodies[child.Last.Kind];
                    var grandchildren = LiveChildren(child.Code, c.On);
                    End(child, c.On, ChangeKind.Merged, [targetBody]);
                    moves.AddRange(grandchildren.Select(g => (g, targetBody)));
                }
                else
                {
                    moves.Add((child, targetCode));
                }
            }
        }

        // 3. Found the new target and the bodies it lacks, then move what the sources held.
        if (c.NewTarget is { } spec)
        {
            Found(spec, c.On, ChangeKind.Founded, "new_target.");
        }
        var targetName = units[targetCode].On(c.On)!.Name;
        foreach (var (bodyKind, bodyCode) in targetBodies)
        {
            if (!units.ContainsKey(bodyCode))
            {
                Found(new NewUnit(bodyCode, UnitKinds.BodyName(targetName, bodyKind), bodyKind, targetCode, PublicServiceSector.Unspecified, null),
                    c.On, ChangeKind.Founded, "new_target.");
            }
        }
        foreach (var (unit, parent) in moves)
        {
            Move(unit, parent, c.On, "source_codes", cascade: true);
        }
    }

    private void Split(SplitCommand c)
    {
        if (c.NewUnits.Count < 2)
        {
            throw DomainException.Invalid(Field("new_units"), M.TwoPartsRequired);
        }
        var source = Live(c.Source, c.On, "source_code");
        var children = LiveChildren(source.Code, c.On);
        var others = children.Where(u => !UnitKinds.IsBody(u.Last.Kind)).ToList();
        if (others.Count > 0)
        {
            throw DomainException.Precondition(Field("source_code"), M.HasChildren(source.Code, others.Count));
        }
        for (var i = 0; i < c.NewUnits.Count; i++)
        {
            if (c.NewUnits[i].Kind != source.Last.Kind)
            {
                throw DomainException.Precondition(Field($"new_units[{i}].kind"), M.KindsDiffer(c.NewUnits[i].Code));
            }
            if (c.NewUnits.Take(i).Any(u => u.Code == c.NewUnits[i].Code))
            {
                throw DomainException.Invalid(Field($"new_units[{i}].unit_code"), M.Duplicate(c.NewUnits[i].Code));
            }
        }
        End(source, c.On, ChangeKind.Split, c.NewUnits.Select(u => u.Code).ToList());
        foreach (var body in children)
        {
            End(body, c.On, ChangeKind.Split, c.NewUnits.Select(u => UnitKinds.BodyCode(u.Code, body.Last.Kind)).ToList());
        }
        for (var i = 0; i < c.NewUnits.Count; i++)
        {
            var spec = c.NewUnits[i];
            Found(spec, c.On, ChangeKind.Founded, $"new_units[{i}].");
            foreach (var body in children)
            {
                Found(new NewUnit(UnitKinds.BodyCode(spec.Code, body.Last.Kind), UnitKinds.BodyName(spec.Name, body.Last.Kind), body.Last.Kind,
                    spec.Code, PublicServiceSector.Unspecified, null), c.On, ChangeKind.Founded, $"new_units[{i}].");
            }
        }
    }

    private void AbolishLevel(AbolishLevelCommand c)
    {
        if (c.Level is not (UnitKind.DistrictLevel or UnitKind.CommuneLevel))
        {
            throw DomainException.Invalid(Field("level"), M.NotAnAdministrativeLevel);
        }
        var newParent = Live(c.NewParent, c.On, "new_parent_code");
        if (newParent.Last.Kind == c.Level)
        {
            throw DomainException.Precondition(Field("new_parent_code"), M.WrongParentKind(M.KindName(c.Level), M.KindName(newParent.Last.Kind)));
        }
        // The level is abolished in the unit given (a province): its units of that level end, those of another province do not.
        var within = new HashSet<string>([newParent.Code], StringComparer.Ordinal);
        var abolished = units.Values.Where(u => u.On(c.On) is { } p && p.Kind == c.Level && IsUnder(u.Code, within, c.On))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        foreach (var unit in abolished)
        {
            var children = LiveChildren(unit.Code, c.On);
            End(unit, c.On, ChangeKind.LevelAbolished, []);
            foreach (var child in children)
            {
                if (UnitKinds.IsAdministrative(child.Last.Kind))
                {
                    Move(child, newParent.Code, c.On, "new_parent_code", cascade: true);
                }
                else
                {
                    EndSubtree(child, c.On);
                }
            }
        }
    }

    private void EndSubtree(UnitState unit, DateOnly on)
    {
        foreach (var child in LiveChildren(unit.Code, on))
        {
            EndSubtree(child, on);
        }
        End(unit, on, ChangeKind.LevelAbolished, []);
    }

    /// <summary>The unit, live and changeable on <paramref name="on"/> (after its last change), or the reason it is not.</summary>
    private UnitState Live(string code, DateOnly on, string field)
    {
        var unit = units.GetValueOrDefault(code) ?? throw DomainException.NotFound(Field(field), M.UnitNotFound(code));
        if (on < unit.FoundedOn)
        {
            throw DomainException.Precondition(Field("effective_on"), M.NotYetFounded(code, unit.FoundedOn));
        }
        if (unit.Last.To is { } lastDay)
        {
            throw DomainException.Precondition(Field("effective_on"), M.AlreadyEnded(code, lastDay));
        }
        if (on <= unit.Last.From)
        {
            throw DomainException.Precondition(Field("effective_on"), M.NotAfterLastChange(code, unit.Last.From));
        }
        return unit;
    }

    private PeriodState LiveOn(string code, DateOnly on, string field)
    {
        var unit = units.GetValueOrDefault(code) ?? throw DomainException.NotFound(Field(field), M.UnitNotFound(code));
        return unit.On(on) is { } state && unit.Last.To is null
            ? state
            : throw DomainException.Precondition(Field(field), M.NotLiveOn(code, on));
    }

    private void CheckParent(UnitKind kind, string? parentCode, DateOnly on, string field, string? self)
    {
        if (kind == UnitKind.Province)
        {
            if (parentCode is not null)
            {
                throw DomainException.Invalid(Field(field), M.ProvinceHasNoParent);
            }
            return;
        }
        if (parentCode is null)
        {
            throw DomainException.Invalid(Field(field), M.ParentRequired);
        }
        var parent = units.GetValueOrDefault(parentCode) ?? throw DomainException.NotFound(Field(field), M.UnitNotFound(parentCode));
        var state = parent.On(on) ?? throw DomainException.Precondition(Field(field), M.NotLiveOn(parentCode, on));
        var grandparent = state.ParentCode is { } g ? units.GetValueOrDefault(g)?.On(on)?.Kind : null;
        if (!UnitKinds.MayBeUnder(kind, state.Kind, grandparent))
        {
            throw DomainException.Precondition(Field(field), M.WrongParentKind(M.KindName(kind), M.KindName(state.Kind)));
        }
        if (self is not null && IsUnder(parentCode, [self], on))
        {
            throw DomainException.Precondition(Field(field), M.UnderItself(self));
        }
    }

    /// <summary>Whether <paramref name="code"/> is one of <paramref name="ancestors"/> or under one of them on <paramref name="on"/>.</summary>
    private bool IsUnder(string code, IReadOnlySet<string> ancestors, DateOnly on)
    {
        string? current = code;
        for (var depth = 0; current is not null && depth < 64; depth++)
        {
            if (ancestors.Contains(current))
            {
                return true;
            }
            current = units.GetValueOrDefault(current)?.On(on)?.ParentCode;
        }
        return false;
    }

    private bool IsUnder(string code, string[] ancestors, DateOnly on) => IsUnder(code, ancestors.ToHashSet(StringComparer.Ordinal), on);

    /// <summary>Facts name units by name: no two units may carry the same name on the same day.</summary>
    private void CheckName(string name, DateOnly from, string field, string? except)
    {
        foreach (var unit in units.Values)
        {
            if (unit.Code != except && unit.Periods.Any(p => p.Name == name && p.OverlapsFrom(from)))
            {
                throw DomainException.Precondition(Field(field), M.NameTaken(name, unit.Code));
            }
        }
    }

    private void NewPeriod(UnitState unit, DateOnly on, PeriodState next)
    {
        EnsureAfterLastChange(unit, on);
        unit.Periods[^1] = unit.Last with { To = on.AddDays(-1) };
        unit.Periods.Add(next with { From = on, To = null, Successors = [] });
        changed.Add(unit.Code);
    }

    private void End(UnitState unit, DateOnly on, ChangeKind how, IReadOnlyList<string> successors)
    {
        EnsureAfterLastChange(unit, on);
        unit.Periods[^1] = unit.Last with { To = on.AddDays(-1), Successors = successors };
        unit.EndedBy = how;
        changed.Add(unit.Code);
    }

    private void EnsureAfterLastChange(UnitState unit, DateOnly on)
    {
        if (on <= unit.Last.From)
        {
            throw DomainException.Precondition(Field("effective_on"), M.NotAfterLastChange(unit.Code, unit.Last.From));
        }
    }

    private string Field(string field) => prefix + field;
}
