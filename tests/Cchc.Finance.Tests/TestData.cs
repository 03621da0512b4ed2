using Cchc.Finance.Api.Grpc;

namespace Cchc.Finance.Tests;

/// <summary>Requests the tests build; every test uses its own unit names so tests share one database.</summary>
internal static class TestData
{
    public const string Source = "Báo cáo của Sở Tài chính (kiểm thử)";

    public static string NewUnit(string prefix = "Đơn vị kiểm thử") => $"{prefix} {Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];

    public static AutonomyStatus ServiceUnit(string unit, string from, AutonomyLevel level = AutonomyLevel.PartlyRecurrent,
        ParentKind parent = ParentKind.DistrictCommittee) => new()
    {
        Unit = unit,
        Regime = AutonomyRegime.PublicServiceUnit,
        Level = level,
        ParentKind = parent,
        ParentUnit = "UBND huyện Tam Đường",
        EffectiveFrom = from,
        SourceDocument = Source,
    };

    public static AutonomyStatus Agency(string unit, string from) => new()
    {
        Unit = unit, Regime = AutonomyRegime.AdministrativeAgency, EffectiveFrom = from, SourceDocument = Source,
    };

    public static AutonomyStatus Leaves(string unit, string from) => new()
    {
        Unit = unit, Regime = AutonomyRegime.None, EffectiveFrom = from, SourceDocument = Source,
    };

    public static BudgetFigure Revenue(string id, int year, string amount) => new()
    {
        FigureId = id, Kind = BudgetFigureKind.StateBudgetRevenue, YearFrom = year, YearTo = year, Amount = amount,
        MeasureUnit = MeasureUnit.MillionVnd, SourceDocument = Source,
    };

    public static BudgetFigure Grant(string id, int from, int to, string amount) => new()
    {
        FigureId = id, Kind = BudgetFigureKind.ReformFunding, YearFrom = from, YearTo = to, FundingSource = FundingSource.ForeignGrant,
        Funder = "Chính phủ Đan Mạch", Amount = amount, MeasureUnit = MeasureUnit.MillionVnd, SourceDocument = Source,
    };

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
