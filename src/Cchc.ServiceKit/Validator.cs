using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.ServiceKit;

/// <summary>
/// Collects the field violations of one request (or one record of a stream, with a prefix such as
/// "records[12]."), returning the parsed values so a caller validates and converts in one pass. Its methods are the
/// per-field semantics of the input domain (<see cref="InputDomain"/>; docs/api-guide.md, "Input rules"): the kind of a
/// text (code, name, free text) and its length, the kind of a day or instant (occurred or scheduled), the bounds of a
/// count. The universal rules (well-formed text, known enum values, finite numbers, instants inside the domain) are also
/// enforced for every field of every request by <see cref="InputGuardInterceptor"/>; the validator applies them again to
/// what it checks, so it stands on its own.
/// </summary>
public sealed class Validator
{
    public const int MaxCodeLength = InputDomain.MaxCodeLength;
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    private readonly string prefix;
    private readonly string? collection;
    private readonly int index;
    private readonly TimeProvider clock;
    private List<FieldViolation>? violations;

    /// <summary>Violations named as given, after <paramref name="prefix"/> (e.g. "attributes."); "today" from <paramref name="clock"/> (default: the system's).</summary>
    public Validator(string prefix = "", TimeProvider? clock = null) => (this.prefix, this.clock) = (prefix, clock ?? TimeProvider.System);

    /// <summary>Violations of one element of a repeated input, named "<paramref name="collection"/>[<paramref name="index"/>].field".</summary>
    public Validator(string collection, int index, TimeProvider? clock = null) =>
        (prefix, this.collection, this.index, this.clock) = (string.Empty, collection, index, clock ?? TimeProvider.System);

    public bool IsValid => violations is null;

    public IReadOnlyList<FieldViolation> Violations => violations ?? [];

    public void Add(string field, string description) =>
        (violations ??= []).Add(new FieldViolation(
            (collection is null ? prefix : $"{collection}[{index}].") + field, description));

    /// <summary>Throws INVALID_ARGUMENT listing every violation, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (violations is not null)
        {
            throw DomainException.Invalid(violations);
        }
    }

    /// <summary>
    /// An identifier (procedure code, dossier or feedback id, unit code): 1..64 characters, no spaces or control
    /// characters, well-formed (<see cref="InputText"/>); returned in NFC.
    /// </summary>
    public string Code(string field, string? value, bool required = true)
    {
        value ??= string.Empty;
        if (value.Length == 0)
        {
            if (required)
            {
                Add(field, KitMessages.Required);
            }
            return value;
        }
        if (value.Length > MaxCodeLength)
        {
            Add(field, KitMessages.CodeTooLong);
        }
        else if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            Add(field, KitMessages.CodeCharacters);
        }
        else if (InputText.Problem(value, multiLine: false) is { } problem)
        {
            Add(field, problem);
        }
        else
        {
            return InputText.Normalize(value);
        }
        return value;
    }

    /// <summary>
    /// Text: required unless told otherwise, not only spaces, at most <paramref name="maxLength"/> characters,
    /// well-formed (<see cref="InputText"/>), one line unless <paramref name="multiLine"/> (free text such as a note);
    /// returned in NFC.
    /// </summary>
    public string Text(string field, string? value, int maxLength, bool required = true, bool multiLine = false)
    {
        value ??= string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required || value.Length > 0)
            {
                Add(field, KitMessages.Required);
            }
            return string.Empty;
        }
        if (value.Length > maxLength)
        {
            Add(field, KitMessages.TooLong(maxLength));
            return value;
        }
        if (InputText.Problem(value, multiLine) is { } problem)
        {
            Add(field, problem);
            return value;
        }
        return InputText.Normalize(value);
    }

    /// <summary>
    /// A day "YYYY-MM-DD" that exists and lies in the input domain: from <see cref="InputDomain.EarliestDay"/> to today
    /// (<see cref="TimeKind.Occurred"/>, the default) or to <see cref="InputDomain.HorizonDays"/> ahead (<see cref="TimeKind.Scheduled"/>).
    /// </summary>
    public DateOnly? Day(string field, string? value, bool required = true, TimeKind kind = TimeKind.Occurred)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(field, KitMessages.Required);
            }
            return null;
        }
        if (!IsoDate.TryParse(value, out var day))
        {
            Add(field, KitMessages.BadDay);
            return null;
        }
        if (day < InputDomain.EarliestDay)
        {
            Add(field, KitMessages.DayTooEarly);
            return null;
        }
        var latest = InputDomain.LatestDay(kind, clock);
        if (day > latest)
        {
            Add(field, kind == TimeKind.Occurred ? KitMessages.DayInFuture : KitMessages.DayBeyondHorizon(latest));
            return null;
        }
        return day;
    }

    /// <summary>
    /// An instant in the input domain: from the first instant of <see cref="InputDomain.EarliestDay"/> (Vietnam) to now
    /// (<see cref="TimeKind.Occurred"/>, the default, with <see cref="InputDomain.ClockSkew"/>) or to
    /// <see cref="InputDomain.HorizonDays"/> ahead (<see cref="TimeKind.Scheduled"/>).
    /// </summary>
    public DateTimeOffset? Instant(string field, Timestamp? value, bool required = true, TimeKind kind = TimeKind.Occurred)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, KitMessages.Required);
            }
            return null;
        }
        if (!ServiceKit.Instant.TryConvert(value, out var instant))
        {
            Add(field, KitMessages.BadInstant);
            return null;
        }
        if (instant < InputDomain.EarliestInstant)
        {
            Add(field, KitMessages.InstantTooEarly);
            return null;
        }
        if (instant > InputDomain.LatestInstant(kind, clock))
        {
            Add(field, kind == TimeKind.Occurred
                ? KitMessages.InstantInFuture
                : KitMessages.InstantBeyondHorizon(InputDomain.LatestDay(TimeKind.Scheduled, clock)));
            return null;
        }
        return instant;
    }

    /// <summary>A count: 0..<paramref name="max"/> (default <see cref="InputDomain.MaxCount"/>; people: <see cref="InputDomain.MaxHeadcount"/>).</summary>
    public long Count(string field, long value, long max = InputDomain.MaxCount)
    {
        if (value < 0 || value > max)
        {
            Add(field, KitMessages.CountRange(max));
            return 0;
        }
        return value;
    }

    /// <summary>A calendar year from <paramref name="min"/> (default the year of <see cref="InputDomain.EarliestDay"/>) to the current year.</summary>
    public int Year(string field, int value, int? min = null)
    {
        var first = min ?? InputDomain.EarliestDay.Year;
        var last = InputDomain.Today(clock).Year;
        if (value == 0)
        {
            Add(field, KitMessages.Required);
        }
        else if (value < first || value > last)
        {
            Add(field, KitMessages.YearRange(first, last));
        }
        return value;
    }

    /// <summary>A field the service computes (a version, a derived day): the caller must leave it unset.</summary>
    public void OutputOnly(string field, bool isSet)
    {
        if (isSet)
        {
            Add(field, KitMessages.OutputOnly);
        }
    }

    /// <summary>
    /// A wire enum converted to the contract enum with the same numbers. Undefined numbers are refused; so is
    /// the zero value (UNSPECIFIED) unless <paramref name="allowZero"/> (an optional filter, or a real zero like NONE).
    /// </summary>
    public TTarget Enum<TSource, TTarget>(string field, TSource value, bool allowZero = false)
        where TSource : struct, System.Enum
        where TTarget : struct, System.Enum
    {
        // Both sides are int-backed enums sharing their numbers (see Cchc.Contracts Enums.cs).
        var number = Unsafe.As<TSource, int>(ref value);
        var target = Unsafe.As<int, TTarget>(ref number);
        if (!System.Enum.IsDefined(value) || !System.Enum.IsDefined(target))
        {
            Add(field, KitMessages.BadEnum);
            return default;
        }
        if (number == 0 && !allowZero)
        {
            Add(field, KitMessages.Required);
            return default;
        }
        return target;
    }

    /// <summary>0 means the default (50); 1..500 taken as is; anything else refused.</summary>
    public int PageSize(int value)
    {
        if (value is < 0 or > MaxPageSize)
        {
            Add("page_size", KitMessages.PageSize);
            return DefaultPageSize;
        }
        return value == 0 ? DefaultPageSize : value;
    }
}
