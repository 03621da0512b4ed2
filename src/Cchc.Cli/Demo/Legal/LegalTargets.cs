using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo.Legal;

/// <summary>
/// What the generated legal register must reproduce: the fact-derived cells of the source's Appendix 2 (one value per
/// <see cref="DemoPeriod.All"/> column) and the institutional figures of its body. Appendix 2's row 1 ("total issued")
/// is not a target: the source prints 717, 791, 611, 366 and 191 for 2015–2019 while its own breakdown by kind adds up
/// to 489, 614, 426, 226 and 85; the facts give the breakdown and the total is its sum.
/// </summary>
public static class LegalTargets
{
    public const string ProvinceCouncil = LaiChauUnits.ProvinceCouncil;
    public const string ProvinceCommittee = LaiChauUnits.ProvinceCommittee;

    /// <summary>Documents signed per period by kind, body and level (Appendix 2, the six rows under row 1).</summary>
    public static IReadOnlyList<(DocumentKind Kind, IssuingBody Body, GovernmentLevel Level, int[] PerPeriod)> Issued { get; } =
    [
        (DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.Province, [6, 26, 18, 9, 23, 0]),
        (DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.Province, [30, 44, 75, 39, 45, 12]),
        (DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.District, [62, 45, 21, 10, 1, 0]),
        (DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.District, [43, 84, 48, 28, 13, 0]),
        (DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.Commune, [190, 270, 192, 82, 0, 0]),
        (DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.Commune, [158, 145, 72, 58, 3, 0]),
    ];

    /// <summary>Rows 2 and 3: documents proposed for amendment/repeal after review, and handled (every proposal is handled in its year).</summary>
    public static int[] ProposedAfterReview { get; } = [76, 57, 51, 33, 45, 0];

    /// <summary>Rows 4, 5 and 6: documents checked, found unlawful, unlawful and handled (all in their year).</summary>
    public static int[] Checked { get; } = [105, 129, 69, 38, 14, 0];

    public static int[] Unlawful { get; } = [0, 3, 7, 3, 1, 0];

    /// <summary>Row 7: non-normative documents containing norms (none in 2015 – 3/2020; the demo has a few in 2013–2014).</summary>
    public const int NonNormativeBefore2015 = 4;

    /// <summary>The body: "177 nghị quyết của HĐND tỉnh và 487 quyết định, 05 Chỉ thị của UBND tỉnh" issued 2011 – 30/3/2020 (669 in all).</summary>
    public const int ProvinceResolutions2011To2020 = 177;
    public const int ProvinceDecisions2011To2020 = 487;
    public const int ProvinceDirectives2011To2020 = 5;
    public static readonly DateOnly KeyFiguresTo = new(2020, 3, 30);

    /// <summary>
    /// First systematisation (1/1/2004 – 31/12/2013): 661 in scope, 284 in force, 69 needing amendment. The body also
    /// says "373 wholly or partly expired", which 661 − 284 = 377 contradicts; the facts give 377 wholly expired.
    /// </summary>
    public static readonly SystematisationTarget First = new("HTH-2004-2013", new(2004, 1, 1), new(2013, 12, 31), 661, 284, 377, 0, 69);

    /// <summary>Second systematisation (2014 – 2018): 616 in scope, 443 in force, 173 wholly and 35 partly expired, 25 needing amendment.</summary>
    public static readonly SystematisationTarget Second = new("HTH-2014-2018", new(2014, 1, 1), new(2018, 12, 31), 616, 443, 173, 35, 25);
}

public sealed record SystematisationTarget(string Id, DateOnly From, DateOnly To, int InScope, int InForce, int WhollyExpired, int PartlyExpired, int NeedingAmendment);
