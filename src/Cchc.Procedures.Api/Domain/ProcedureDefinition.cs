using Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Api.Domain;

/// <summary>What one catalogue version says about a procedure: its attributes and the decision that announced it.</summary>
public sealed record ProcedureDefinition(
    string Name,
    string Field,
    GovernmentLevel Level,
    string ResolvingUnit,
    ReceivingPlace ReceivingPlace,
    bool InterAgencySameLevel,
    bool InterAgencyBetweenLevels,
    bool FourOnTheSpot,
    OnlineServiceLevel OnlineLevel,
    string? DecisionNumber,
    DateOnly? DecisionDate)
{
    /// <summary>The wire name of the first field that differs from <paramref name="other"/>, or null.</summary>
    public string? FirstDifference(ProcedureDefinition other) =>
        Name != other.Name ? "attributes.name"
        : Field != other.Field ? "attributes.field"
        : Level != other.Level ? "attributes.level"
        : ResolvingUnit != other.ResolvingUnit ? "attributes.resolving_unit"
        : ReceivingPlace != other.ReceivingPlace ? "attributes.receiving_place"
        : InterAgencySameLevel != other.InterAgencySameLevel ? "attributes.inter_agency_same_level"
        : InterAgencyBetweenLevels != other.InterAgencyBetweenLevels ? "attributes.inter_agency_between_levels"
        : FourOnTheSpot != other.FourOnTheSpot ? "attributes.four_on_the_spot"
        : OnlineLevel != other.OnlineLevel ? "attributes.online_level"
        : DecisionNumber != other.DecisionNumber ? "publication.decision_number"
        : DecisionDate != other.DecisionDate ? "publication.decision_date"
        : null;
}

/// <summary>One recorded version of a procedure (version 1 = announcement, then amendments, possibly an abolition last).</summary>
public sealed record ProcedureState(
    string Code,
    int Version,
    DateOnly EffectiveFrom,
    DateOnly InForceFrom,
    DateOnly? AbolishedOn,
    ProcedureDefinition Definition)
{
    public bool IsAbolished => AbolishedOn is not null;
}

public sealed record CreateProcedureCommand(string Code, ProcedureDefinition Definition, DateOnly InForceFrom);

public sealed record AmendProcedureCommand(string Code, ProcedureDefinition Definition, DateOnly EffectiveFrom);

public sealed record AbolishProcedureCommand(string Code, string? DecisionNumber, DateOnly? DecisionDate, DateOnly AbolishedOn);

public sealed record ProcedureQuery(int PageSize, GovernmentLevel? Level, string? Field, DateOnly InForceOn, string? NameContains)
{
    public string? After { get; init; }

    public string Fingerprint => string.Join('\u001f', Level, Field, IsoDate.Format(InForceOn), NameContains);
}
