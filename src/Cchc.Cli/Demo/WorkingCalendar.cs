namespace Cchc.Cli.Demo;

/// <summary>
/// Working days of Vietnamese public offices for the demo years: Monday to Friday, less the public
/// holidays (New Year, Tết, Hùng Kings' day, 30/4, 1/5, 2/9). The holiday table is approximate (the
/// announced Tết breaks of 2012–2020, no make-up Saturdays); good enough for generated data.
/// </summary>
internal static class WorkingCalendar
{
    private static readonly HashSet<DateOnly> Holidays = BuildHolidays();

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static List<DateOnly> WorkingDays(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) days.Add(d);
        }
        return days;
    }

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="day"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var d = day;
        for (var added = 0; added < count;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) added++;
        }
        return d;
    }

    private static HashSet<DateOnly> BuildHolidays()
    {
        var set = new HashSet<DateOnly>();
        for (var year = 2011; year <= 2021; year++)
        {
            set.Add(new DateOnly(year, 1, 1));
            set.Add(new DateOnly(year, 4, 30));
            set.Add(new DateOnly(year, 5, 1));
            set.Add(new DateOnly(year, 9, 2));
        }
        // Tết breaks (first and last day off) and Hùng Kings' day (10/3 lunar).
        (DateOnly From, DateOnly To)[] tet =
        [
            (new(2012, 1, 21), new(2012, 1, 27)), (new(2013, 2, 9), new(2013, 2, 17)),
            (new(2014, 1, 29), new(2014, 2, 4)), (new(2015, 2, 16), new(2015, 2, 24)),
            (new(2016, 2, 6), new(2016, 2, 14)), (new(2017, 1, 26), new(2017, 2, 1)),
            (new(2018, 2, 14), new(2018, 2, 20)), (new(2019, 2, 2), new(2019, 2, 10)),
            (new(2020, 1, 23), new(2020, 1, 29)),
        ];
        foreach (var (from, to) in tet)
        {
            for (var d = from; d <= to; d = d.AddDays(1)) set.Add(d);
        }
        DateOnly[] hungKings = [new(2012, 3, 31), new(2013, 4, 19), new(2014, 4, 9), new(2015, 4, 28), new(2016, 4, 18),
            new(2017, 4, 6), new(2018, 4, 25), new(2019, 4, 15), new(2020, 4, 2)];
        foreach (var d in hungKings) set.Add(d);
        return set;
    }
}
