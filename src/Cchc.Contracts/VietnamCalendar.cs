namespace Cchc.Contracts;

/// <summary>
/// Reports count by Vietnam's local calendar day (UTC+07:00, no daylight saving): a dossier resolved
/// at 2019-12-31T20:00Z was resolved on 2020-01-01 in Lai Châu.
/// </summary>
public static class VietnamCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The first instant of a local day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    public static DateOnly Today(TimeProvider? clock = null) => LocalDate((clock ?? TimeProvider.System).GetUtcNow());
}
