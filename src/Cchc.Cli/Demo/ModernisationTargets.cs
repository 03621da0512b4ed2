using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>
/// What the generated procedures data must reproduce of the source report's Appendix 7 (Lai Châu, 2015 – 31/3/2020),
/// one value per <see cref="DemoPeriod.All"/> column: row 10 (online public services at levels 3 and 4 in force at the
/// period's end), row 11 (the share of them that received an online dossier in the period) and row 13 (the share of
/// the dossiers resolved in the period that went through the electronic one-stop-shop system). The e-government
/// service's own rows are in <see cref="Egov.EgovTargets"/>.
/// </summary>
public static class ModernisationTargets
{
    /// <summary>Row 10: the source counts 565 services at levels 3–4 until 2018, then the 131 (58 + 73) the province kept.</summary>
    public static int[] OnlineServices { get; } = [565, 565, 565, 565, 131, 131];

    /// <summary>
    /// Row 11 (0.2% until 2018: one pilot service of the 565 received online dossiers; 100% from 2019): from this year
    /// every online service the province keeps is used, before it only the pilot is.
    /// </summary>
    public const int EveryOnlineServiceUsedFrom = 2019;

    /// <summary>Row 13: 6.02% of the dossiers resolved went through the electronic one-stop-shop system until 2018, all of them from 2019.</summary>
    public static decimal ElectronicShare(int closingYear) => closingYear >= EveryOnlineServiceUsedFrom ? 1m : 0.0602m;

    /// <summary>The chance that a dossier of a procedure is submitted online, by year and the procedure's online level that day.</summary>
    public static double OnlineShare(int year, OnlineServiceLevel level, bool pilot) =>
        level is not (OnlineServiceLevel.Level3 or OnlineServiceLevel.Level4) ? 0.0
        : year < EveryOnlineServiceUsedFrom ? (pilot ? 0.25 : 0.0)
        : level == OnlineServiceLevel.Level4 ? 0.7 : 0.5;

    public static bool IsOnline(OnlineServiceLevel level) => level is OnlineServiceLevel.Level3 or OnlineServiceLevel.Level4;
}

/// <summary>
/// Decides, dossier by dossier in a period's generation order, whether a dossier went through the electronic
/// one-stop-shop system: of the dossiers resolved in each year, exactly the year's share (a Beatty sequence per closing
/// year, so a year's count is within one of share × resolved for each received period that feeds it); other dossiers by
/// the year they were closed or received.
/// </summary>
internal sealed class ElectronicProcessing
{
    private readonly Dictionary<int, long> resolvedByClosingYear = [];

    public bool Next(DossierStatus status, DateTimeOffset receivedAt, DateTimeOffset? closedAt)
    {
        var year = Contracts.VietnamCalendar.LocalDate(closedAt ?? receivedAt).Year;
        var share = ModernisationTargets.ElectronicShare(year);
        if (status != DossierStatus.Resolved)
        {
            return share == 1m;
        }
        var k = resolvedByClosingYear.GetValueOrDefault(year);
        resolvedByClosingYear[year] = k + 1;
        return decimal.Floor((k + 1) * share) > decimal.Floor(k * share);
    }
}
