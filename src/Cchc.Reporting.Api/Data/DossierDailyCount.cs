using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Api.Data;

/// <summary>
/// Dossiers closed on a Vietnam local day, by the closing unit's level and the closing status, and how many of
/// them were on time (table dossier_daily_counts). Kept in step with dossier_facts in the same transaction, so
/// period queries read a few thousand rows instead of scanning every dossier. Always equals the aggregate of
/// dossier_facts (a test rebuilds it and compares).
/// </summary>
public sealed class DossierDailyCount
{
    public DateOnly ClosedOn { get; set; }
    public GovernmentLevel UnitLevel { get; set; }
    public DossierStatus Status { get; set; }
    public long Dossiers { get; set; }
    public long OnTime { get; set; }
    /// <summary>Of <see cref="Dossiers"/>, those processed through the electronic one-stop-shop system.</summary>
    public long Electronic { get; set; }
}
