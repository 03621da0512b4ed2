using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>
/// What the generated facts must reproduce: the fact-derived cells of the source report's Appendix 3
/// (Lai Châu, 2015 – 31/3/2020), one value per <see cref="DemoPeriod.All"/> column. The source's total
/// row is not a target: it is the sum of the levels (the source prints 2078 for 2020Q1, the levels add
/// up to 2077, and the facts give 2077).
/// </summary>
public static class DemoTargets
{
    public static IReadOnlyDictionary<GovernmentLevel, int[]> ProceduresInForce { get; } = new Dictionary<GovernmentLevel, int[]>
    {
        [GovernmentLevel.Province] = [1153, 1218, 1415, 1522, 1575, 1714],
        [GovernmentLevel.District] = [215, 218, 232, 247, 365, 244],
        [GovernmentLevel.Commune] = [109, 107, 118, 110, 121, 119],
    };

    /// <summary>Procedures in force by receiving place; the rest are <see cref="ReceivingPlace.Other"/>.</summary>
    public static IReadOnlyDictionary<ReceivingPlace, int[]> ProceduresByPlace { get; } = new Dictionary<ReceivingPlace, int[]>
    {
        [ReceivingPlace.ProvincialCentre] = [999, 982, 1123, 1151, 1364, 1395],
        [ReceivingPlace.DistrictOneStop] = [220, 215, 261, 299, 343, 222],
        [ReceivingPlace.CommuneOneStop] = [116, 117, 135, 117, 117, 115],
    };

    /// <summary>
    /// Flags at the end of 2019 and of 2020Q1 (the source leaves 2015–2018 blank or "-": the programme
    /// introduced them in 2019, so the generated amendments set them in 2019 and earlier periods count 0).
    /// </summary>
    public const int InterAgencySameLevel = 86;
    public const int InterAgencyBetweenLevels = 35;
    /// <summary>Province-level procedures done "4 tại chỗ".</summary>
    public const int FourOnTheSpot = 285;
    public const int FlagsFromYear = 2019;

    /// <summary>On-time rate (× 100) of dossiers resolved in the period by units of each level, as printed (decimals matter).</summary>
    public static IReadOnlyDictionary<GovernmentLevel, decimal[]> OnTimePercent { get; } = new Dictionary<GovernmentLevel, decimal[]>
    {
        [GovernmentLevel.Province] = [99.98m, 99.96m, 99.91m, 99.69m, 99.86m, 98.88m],
        [GovernmentLevel.District] = [96.26m, 99.11m, 99.54m, 99.87m, 99.83m, 99.42m],
        [GovernmentLevel.Commune] = [99.999m, 99.89m, 99.97m, 99.98m, 99.97m, 100m],
    };

    /// <summary>Feedback (PAKN) received, resolved and answered publicly in each period (8 in all, as in the report's body).</summary>
    public static int[] Feedback { get; } = [4, 1, 0, 1, 2, 0];

    /// <summary>The body's decade figure (2011 – 3/2020) of dossiers resolved late: the demo's 2015–2020Q1 share must stay below it.</summary>
    public const int MaxLateDossiers = 2591;

    /// <summary>
    /// Dossiers received per period (all levels). The body reports 1,561,231 received in 2011 – 3/2020
    /// (≈ 168,800 a year); the demo's 2015 – 3/2020 share grows a little each year.
    /// </summary>
    public static int[] DossiersReceived { get; } = [158_000, 163_000, 168_000, 173_000, 178_000, 44_000];

    /// <summary>Share of dossiers received by units of each level (communes handle most).</summary>
    public static IReadOnlyDictionary<GovernmentLevel, double> LevelShare { get; } = new Dictionary<GovernmentLevel, double>
    {
        [GovernmentLevel.Province] = 0.32,
        [GovernmentLevel.District] = 0.18,
        [GovernmentLevel.Commune] = 0.50,
    };

    public static IReadOnlyList<GovernmentLevel> Levels { get; } =
        [GovernmentLevel.Province, GovernmentLevel.District, GovernmentLevel.Commune];
}
