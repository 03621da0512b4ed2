using Cchc.Contracts;

namespace Cchc.Reporting.Api.Data;

/// <summary>
/// The Vietnam local day of an event's instant, for every instant an event can carry: the calendar's last hours
/// (from 9999-12-31T17:00Z, whose local time would be past the calendar's end) are its last day, not an exception
/// that would stop the consumer and send the whole batch to the error queue.
/// </summary>
public static class FactDays
{
    private static readonly DateTimeOffset LastConvertible = DateTimeOffset.MaxValue - VietnamCalendar.Offset;

    public static DateOnly LocalDay(DateTimeOffset instant) => instant > LastConvertible ? DateOnly.MaxValue : VietnamCalendar.LocalDate(instant);

    public static DateOnly? LocalDay(DateTimeOffset? instant) => instant is { } i ? LocalDay(i) : null;
}
