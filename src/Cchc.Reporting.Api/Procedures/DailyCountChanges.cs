using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>How a batch moves dossier_daily_counts: +1 for each new closed state, −1 for each closed state it replaces.</summary>
public sealed class DailyCountChanges
{
    private readonly Dictionary<(DateOnly Day, GovernmentLevel Level, DossierStatus Status), (long Dossiers, long OnTime, long Electronic)> _changes = [];

    public void Add(DossierFact fact) => Change(fact, +1);

    public void Remove(DossierFact fact) => Change(fact, -1);

    /// <summary>The changes that move a count, ordered by key so concurrent batches lock counter rows alike.</summary>
    public List<KeyValuePair<(DateOnly Day, GovernmentLevel Level, DossierStatus Status), (long Dossiers, long OnTime, long Electronic)>> NonZero() =>
        _changes.Where(c => c.Value != (0, 0, 0)).OrderBy(c => c.Key).ToList();

    private void Change(DossierFact fact, int sign)
    {
        if (fact.ClosedOn is not { } day)
        {
            return;
        }
        var key = (day, fact.UnitLevel, fact.Status);
        var (dossiers, onTime, electronic) = _changes.GetValueOrDefault(key);
        _changes[key] = (dossiers + sign, onTime + (fact.OnTime == true ? sign : 0), electronic + (fact.ProcessedElectronically == true ? sign : 0));
    }
}
