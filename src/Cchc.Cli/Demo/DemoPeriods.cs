namespace Cchc.Cli.Demo;

/// <summary>A report column: a date range, both days included (Vietnam local days).</summary>
public sealed record DemoPeriod(string Key, int Year, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The six columns of the source's Appendix 3: 2015–2019 and 2020 up to 31/3.</summary>
    public static IReadOnlyList<DemoPeriod> All { get; } =
    [
        WholeYear(2015), WholeYear(2016), WholeYear(2017), WholeYear(2018), WholeYear(2019),
        new("2020-01-01..2020-03-31", 2020, new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31)),
    ];

    private static DemoPeriod WholeYear(int year) => new(year.ToString(System.Globalization.CultureInfo.InvariantCulture), year,
        new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
