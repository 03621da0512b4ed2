using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Domain;
using Cchc.ServiceKit;
using C = Cchc.Contracts.Events.Finance;

namespace Cchc.Finance.Api.Grpc;

/// <summary>Stored state → wire messages and integration-event snapshots.</summary>
internal static class WireMapping
{
    public static UnitAutonomy ToWire(this UnitState state, DateOnly statusOn, DateTimeOffset recordedAt)
    {
        var unit = new UnitAutonomy
        {
            Unit = state.Unit,
            StatusOn = IsoDate.Format(statusOn),
            Version = state.Version,
            RecordedAt = Instant.ToTimestamp(recordedAt),
        };
        for (var i = 0; i < state.Statuses.Count; i++)
        {
            unit.Statuses.Add(state.Statuses[i].ToWire(state.Unit, state.EffectiveTo(i)));
        }
        if (state.IndexOn(statusOn) is { } current)
        {
            unit.Current = unit.Statuses[current];
        }
        return unit;
    }

    public static UnitAutonomy ToWire(this AutonomyUnitEntity entity, DateOnly statusOn) => entity.ToState().ToWire(statusOn, entity.RecordedAt);

    public static AutonomyStatus ToWire(this StatusFact s, string unit, DateOnly? effectiveTo) => new()
    {
        Unit = unit,
        Regime = (AutonomyRegime)(int)s.Regime,
        Level = (AutonomyLevel)(int)s.Level,
        ParentKind = (ParentKind)(int)s.ParentKind,
        ParentUnit = s.ParentUnit ?? string.Empty,
        EffectiveFrom = IsoDate.Format(s.EffectiveFrom),
        EffectiveTo = IsoDate.Format(effectiveTo),
        Decision = s.Decision ?? string.Empty,
        SourceDocument = s.SourceDocument,
    };

    public static C.UnitAutonomyState ToEvent(this UnitState state) => new()
    {
        Unit = state.Unit,
        Version = state.Version,
        Statuses = state.Statuses.Select((s, i) => new C.AutonomyStatusState
        {
            Regime = s.Regime, Level = s.Level, ParentKind = s.ParentKind, EffectiveFrom = s.EffectiveFrom, EffectiveTo = state.EffectiveTo(i),
        }).ToList(),
    };

    public static BudgetFigure ToWire(this BudgetFigureFact f, int version) => new()
    {
        FigureId = f.FigureId,
        Kind = (BudgetFigureKind)(int)f.Kind,
        YearFrom = f.YearFrom,
        YearTo = f.YearTo,
        FundingSource = (FundingSource)(int)f.FundingSource,
        Funder = f.Funder ?? string.Empty,
        // Stored as numeric(18,3): trailing zeros removed (2206300.500 → 2206300.5).
        Amount = (f.Amount / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture),
        MeasureUnit = (MeasureUnit)(int)f.MeasureUnit,
        SourceDocument = f.SourceDocument,
        Version = version,
    };

    public static BudgetFigure ToWire(this BudgetFigureEntity e) => e.ToFact().ToWire(e.Version);

    public static C.BudgetFigureState ToEvent(this BudgetFigureFact f, int version) => new()
    {
        FigureId = f.FigureId,
        Version = version,
        Kind = f.Kind,
        YearFrom = f.YearFrom,
        YearTo = f.YearTo,
        FundingSource = f.FundingSource,
        Funder = f.Funder,
        Amount = f.Amount,
        MeasureUnit = f.MeasureUnit,
    };
}
