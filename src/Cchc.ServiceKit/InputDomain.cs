using Cchc.Contracts;

namespace Cchc.ServiceKit;

/// <summary>How far ahead a day or instant may lie (docs/api-guide.md, "Input rules").</summary>
public enum TimeKind
{
    /// <summary>Something that happened (a dossier received, a document signed, a period reported): not after today.</summary>
    Occurred,

    /// <summary>
    /// Something legitimately ahead (a procedure's in-force day, a dossier's due time, a unit's founding decided in
    /// advance, a staffing quota for next year) and query days: at most <see cref="InputDomain.HorizonDays"/> ahead.
    /// </summary>
    Scheduled,
}

/// <summary>
/// The documented input domain of every write and query (docs/api-guide.md, "Input rules"; docs/adr/0015-input-domain.md):
/// the bounds every accepted value lies in, so that whatever a service accepts the reporting service can consume and
/// every report can render. Days are Vietnam local days; "today" is the Vietnam day of the service's clock.
/// </summary>
public static class InputDomain
{
    /// <summary>2 September 1945, the founding of the state: no record of the province's administration can be older.</summary>
    public static readonly DateOnly EarliestDay = new(1945, 9, 2);

    /// <summary>The first instant of <see cref="EarliestDay"/> in Vietnam.</summary>
    public static readonly DateTimeOffset EarliestInstant = VietnamCalendar.StartOfDay(EarliestDay);

    /// <summary>How many days ahead of today a <see cref="TimeKind.Scheduled"/> day or instant may lie (a year, leap day included).</summary>
    public const int HorizonDays = 366;

    /// <summary>How far ahead of the service's clock an <see cref="TimeKind.Occurred"/> instant may lie: the callers' clock skew.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Identifiers and codes (procedure codes, dossier ids, unit codes, change ids).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Names (of units, agencies, funders) and other one-line texts.</summary>
    public const int MaxNameLength = 300;

    /// <summary>Long one-line texts (a procedure's name, a document's title) and multi-line free text (notes, topics).</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>The longest string any request field may hold (the longest kind): longer ones are refused before any other rule.</summary>
    public const int MaxStringLength = MaxTextLength;

    /// <summary>Counts (documents, signatures, dossiers…): 0..10^12. Also the bound of every int64 field of a request.</summary>
    public const long MaxCount = 1_000_000_000_000;

    /// <summary>Counts of people (staffing figures: civil servants, quotas, appointments, trainees): 0..10^7.</summary>
    public const long MaxHeadcount = 10_000_000;

    /// <summary>Amounts of money in million VND: 0..10^12 (10^18 VND), at most 3 decimals.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The Vietnam day of <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => VietnamCalendar.Today(clock);

    /// <summary>The last day a value of <paramref name="kind"/> may be on.</summary>
    public static DateOnly LatestDay(TimeKind kind, TimeProvider clock) =>
        kind == TimeKind.Occurred ? Today(clock) : Today(clock).AddDays(HorizonDays);

    /// <summary>The last instant a value of <paramref name="kind"/> may be at.</summary>
    public static DateTimeOffset LatestInstant(TimeKind kind, TimeProvider clock) =>
        kind == TimeKind.Occurred ? clock.GetUtcNow() + ClockSkew : clock.GetUtcNow().AddDays(HorizonDays);

    /// <summary>Whether <paramref name="day"/> lies in the domain of <paramref name="kind"/>.</summary>
    public static bool Contains(DateOnly day, TimeKind kind, TimeProvider clock) => day >= EarliestDay && day <= LatestDay(kind, clock);

    /// <summary>Whether <paramref name="instant"/> lies in the domain of <paramref name="kind"/>.</summary>
    public static bool Contains(DateTimeOffset instant, TimeKind kind, TimeProvider clock) =>
        instant >= EarliestInstant && instant <= LatestInstant(kind, clock);
}
