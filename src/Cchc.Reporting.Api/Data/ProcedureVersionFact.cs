using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Api.Data;

/// <summary>One version of a catalogue procedure, as recorded by the procedures service (table procedure_versions).</summary>
public sealed class ProcedureVersionFact
{
    public required string Code { get; set; }
    public int Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public GovernmentLevel Level { get; set; }
    public ReceivingPlace ReceivingPlace { get; set; }
    public bool InterAgencySameLevel { get; set; }
    public bool InterAgencyBetweenLevels { get; set; }
    public bool FourOnTheSpot { get; set; }
    public OnlineServiceLevel OnlineLevel { get; set; }
    public DateOnly InForceFrom { get; set; }
    public DateOnly? AbolishedOn { get; set; }
}
