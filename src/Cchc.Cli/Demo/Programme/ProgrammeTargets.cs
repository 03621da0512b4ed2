namespace Cchc.Cli.Demo.Programme;

/// <summary>
/// The source report's Appendix 1 (Lai Châu, 2015 – 31/3/2020), one value per <see cref="DemoPeriod.All"/> column (null
/// = the source leaves the cell blank), and the submitted rows 2–3 (and "do tỉnh ban hành") of its Appendix 3 as printed.
/// The demo records exactly these as programme records and submitted values (tests/Cchc.Demo.Tests compares them with
/// the reference dataset).
/// </summary>
public static class ProgrammeTargets
{
    public static int?[] UnitsInspected { get; } = [32, 26, 21, 14, 12, 9];
    public static int?[] ContestHeld { get; } = [null, null, 1, 1, 1, 1];
    public static int?[] Bulletins { get; } = [278, 241, 113, 168, 150, 33];
    public static int?[] TrainingClasses { get; } = [3, 5, 4, null, 14, 3];
    public static int?[] PortalSection { get; } = [null, null, null, 1, 1, 1];

    /// <summary>Row 3: the three models and initiatives the source's body names, applied in 2019 and still in 2020.</summary>
    public static readonly (string Name, DateOnly From)[] Initiatives =
    [
        ("Hướng dẫn cá nhân, tổ chức thực hiện TTHC qua dịch vụ công trực tuyến mức độ 3, 4", new(2019, 3, 1)),
        ("Ứng dụng Zalo trong điều hành, giải quyết công việc của UBND tỉnh", new(2019, 6, 1)),
        ("Mô hình cà phê doanh nhân", new(2019, 9, 1)),
    ];

    /// <summary>Row 5 (2019 only): services surveyed, sample size, overall satisfaction (%).</summary>
    public const int SurveyYear = 2019;
    public const int ServicesSurveyed = 19;
    public const int SampleSize = 610;
    public const decimal OverallSatisfaction = 82.96m;

    /// <summary>The body's ranks among the 63 provinces: (index number as in programme.proto, year, rank).</summary>
    public static readonly (int Index, int Year, int Rank)[] IndexRanks =
    [
        (1, 2012, 59), (1, 2018, 58), (1, 2019, 51),
        (2, 2017, 50), (2, 2018, 55), (2, 2019, 44),
        (3, 2011, 54), (3, 2019, 51),
        (4, 2011, 57), (4, 2019, 63),
    ];

    /// <summary>Appendix 3 row 2 as printed (a text row: counts, percentages and a sentence).</summary>
    public static string[] SimplifiedAfterReview { get; } = ["135", "62.29%", "31%", "64 DVC mức độ 3 và 74 DVC mức độ 4", "75%", "Đang triển khai thực hiện"];

    /// <summary>Appendix 3 row 3 (%).</summary>
    public static decimal[] PublishedInFull { get; } = [100, 100, 100, 100, 100, 100];

    /// <summary>Appendix 3 "Số TTHC do tỉnh ban hành (được giao trong Luật)": null = "-" (not applicable).</summary>
    public static int?[] IssuedByProvince { get; } = [null, null, null, null, 1, null];
}
