using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Api.Data;

/// <summary>The columns of one procedure version, shared by the current state and the history.</summary>
public abstract class ProcedureSnapshot
{
    public string Code { get; set; } = string.Empty;
    public int Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly InForceFrom { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Field { get; set; } = string.Empty;
    public GovernmentLevel Level { get; set; }
    public string ResolvingUnit { get; set; } = string.Empty;
    public ReceivingPlace ReceivingPlace { get; set; }
    public bool InterAgencySameLevel { get; set; }
    public bool InterAgencyBetweenLevels { get; set; }
    public bool FourOnTheSpot { get; set; }
    public OnlineServiceLevel OnlineLevel { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public ProcedureState ToState() => new(Code, Version, EffectiveFrom, InForceFrom, AbolishedOn,
        new ProcedureDefinition(Name, Field, Level, ResolvingUnit, ReceivingPlace, InterAgencySameLevel,
            InterAgencyBetweenLevels, FourOnTheSpot, OnlineLevel, DecisionNumber, DecisionDate));

    public void Apply(ProcedureState state, DateTimeOffset recordedAt)
    {
        var d = state.Definition;
        (Code, Version, EffectiveFrom, InForceFrom, AbolishedOn) = (state.Code, state.Version, state.EffectiveFrom, state.InForceFrom, state.AbolishedOn);
        (Name, Field, Level, ResolvingUnit, ReceivingPlace) = (d.Name, d.Field, d.Level, d.ResolvingUnit, d.ReceivingPlace);
        (InterAgencySameLevel, InterAgencyBetweenLevels, FourOnTheSpot, OnlineLevel) = (d.InterAgencySameLevel, d.InterAgencyBetweenLevels, d.FourOnTheSpot, d.OnlineLevel);
        (DecisionNumber, DecisionDate, RecordedAt) = (d.DecisionNumber, d.DecisionDate, recordedAt);
    }

    public static T From<T>(ProcedureState state, DateTimeOffset recordedAt) where T : ProcedureSnapshot, new()
    {
        var entity = new T();
        entity.Apply(state, recordedAt);
        return entity;
    }
}

/// <summary>Table procedures: each procedure as its latest recorded version says (Version = current version).</summary>
public sealed class ProcedureEntity : ProcedureSnapshot;

/// <summary>Table procedure_versions: every version ever recorded, keyed by (code, version); the history.</summary>
public sealed class ProcedureVersionEntity : ProcedureSnapshot;
