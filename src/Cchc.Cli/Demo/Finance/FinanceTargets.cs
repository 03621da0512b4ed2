using Cchc.Contracts.Events.Finance;

namespace Cchc.Cli.Demo.Finance;

/// <summary>
/// What the generated public finance data must reproduce: the source's Appendix 6, one value per
/// <see cref="DemoPeriod.All"/> column (units under each regime on the column's last day). A null cell is one the source
/// left blank; the generator fills blank breakdown cells so that each total is the sum of its four levels (the
/// remainder goes to the state-funded level when the source does not report it, else to the first unreported level)
/// and declares them unreported so the report marks them.
/// </summary>
public static class FinanceTargets
{
    public const string SourceDocument = "Báo cáo tổng kết thực hiện công tác cải cách hành chính nhà nước tỉnh Lai Châu giai đoạn 2011-2020 (dự thảo)";
    public const string GeneratedSource = "Dữ liệu sinh tự động (demo), khớp Phụ lục 6 của " + SourceDocument;

    /// <summary>Row 1: administrative agencies under the autonomy regime (Decrees 130/2005, 117/2013).</summary>
    public static int[] AdministrativeAgencies { get; } = [300, 300, 297, 289, 289, 289];

    /// <summary>Row 5: public science and technology organisations (Decree 54/2016).</summary>
    public static int[] ScienceTechnology { get; } = [3, 3, 3, 1, 1, 1];

    /// <summary>Rows 2, 3, 4: totals and the levels the source reports (null = blank; the source omits the state-funded level under rows 3 and 4).</summary>
    public static IReadOnlyList<ServiceUnitTarget> ServiceUnits { get; } =
    [
        new(ParentKind.ProvincialCommittee, [2, 2, 2, 2, 2, 2], new Dictionary<AutonomyLevel, int?[]>
        {
            [AutonomyLevel.RecurrentAndInvestment] = [null, null, null, null, null, null],
            [AutonomyLevel.Recurrent] = [null, null, null, null, null, null],
            [AutonomyLevel.PartlyRecurrent] = [null, null, 1, 2, 2, 2],
            [AutonomyLevel.StateFunded] = [2, 2, null, null, null, null],
        }),
        new(ParentKind.ProvincialAgency, [118, 119, 108, 98, 81, 81], new Dictionary<AutonomyLevel, int?[]>
        {
            [AutonomyLevel.RecurrentAndInvestment] = [null, null, null, null, null, null],
            [AutonomyLevel.Recurrent] = [1, 2, 3, 4, 4, 4],
            [AutonomyLevel.PartlyRecurrent] = [6, 6, 3, 20, 18, 18],
            [AutonomyLevel.StateFunded] = [null, null, null, null, null, null],
        }),
        new(ParentKind.DistrictCommittee, [286, 479, 471, 427, 393, 393], new Dictionary<AutonomyLevel, int?[]>
        {
            [AutonomyLevel.RecurrentAndInvestment] = [null, null, null, null, null, null],
            [AutonomyLevel.Recurrent] = [null, 9, 11, 7, 11, 11],
            [AutonomyLevel.PartlyRecurrent] = [null, null, null, 28, 32, 32],
            [AutonomyLevel.StateFunded] = [null, null, null, null, null, null],
        }),
    ];

    /// <summary>The body's budget figures (million VND): state budget revenue 494,5 tỷ (2011) and 2.206,3 tỷ (2019); the Danish grant 2011–2015.</summary>
    public static IReadOnlyList<DemoBudgetFigure> BudgetFigures { get; } =
    [
        new("thu-nsnn-2011", BudgetFigureKind.StateBudgetRevenue, 2011, 2011, FundingSource.Unspecified, null, 494_500m),
        new("thu-nsnn-2019", BudgetFigureKind.StateBudgetRevenue, 2019, 2019, FundingSource.Unspecified, null, 2_206_300m),
        new("cchc-dan-mach-2011-2015", BudgetFigureKind.ReformFunding, 2011, 2015, FundingSource.ForeignGrant, "Chính phủ Đan Mạch", 10_200m),
    ];
}

public sealed record ServiceUnitTarget(ParentKind Parent, int[] Totals, IReadOnlyDictionary<AutonomyLevel, int?[]> Reported)
{
    /// <summary>The count per level in period <paramref name="t"/>: the reported ones, the remainder in one unreported level, zero elsewhere.</summary>
    public IReadOnlyDictionary<AutonomyLevel, int> Generated(int t)
    {
        var counts = Reported.ToDictionary(r => r.Key, r => r.Value[t] ?? 0);
        var remainder = Totals[t] - counts.Values.Sum();
        if (remainder < 0)
        {
            throw new InvalidOperationException($"{Parent}: the reported levels exceed the total in column {t}.");
        }
        if (remainder > 0)
        {
            var unreported = Reported.Where(r => r.Value[t] is null).Select(r => r.Key).ToList();
            var target = unreported.Contains(AutonomyLevel.StateFunded) ? AutonomyLevel.StateFunded
                : unreported.Count > 0 ? unreported[0]
                : throw new InvalidOperationException($"{Parent}: every level is reported but they do not add up to the total in column {t}.");
            counts[target] += remainder;
        }
        return counts;
    }
}

public sealed record DemoBudgetFigure(string Id, BudgetFigureKind Kind, int YearFrom, int YearTo, FundingSource Source, string? Funder, decimal AmountMillionVnd);
