using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.ServiceKit;

/// <summary>
/// Collects the field violations of one request (or one record of a stream, with a prefix such as
/// "records[12]."), returning the parsed values so a caller validates and converts in one pass.
/// </summary>
public sealed class Validator
{
    public const int MaxCodeLength = 64;
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    private readonly string prefix;
    private readonly string? collection;
    private readonly int index;
    private List<FieldViolation>? violations;

    /// <summary>Violations named as given, after <paramref name="prefix"/> (e.g. "attributes.").</summary>
    public Validator(string prefix = "") => this.prefix = prefix;

    /// <summary>Violations of one element of a repeated input, named "<paramref name="collection"/>[<paramref name="index"/>].field".</summary>
    public Validator(string collection, int index) => (prefix, this.collection, this.index) = (string.Empty, collection, index);

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

    /// <summary>An identifier (procedure code, dossier or feedback id): 1..64 characters, no spaces or control characters.</summary>
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
        return value;
    }

    /// <summary>Free text: required unless told otherwise, not only spaces, at most <paramref name="maxLength"/> characters.</summary>
    public string Text(string field, string? value, int maxLength, bool required = true)
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
        }
        return value;
    }

    public DateOnly? Day(string field, string? value, bool required = true)
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
        return day;
    }

    public DateTimeOffset? Instant(string field, Timestamp? value, bool required = true)
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
        return instant;
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
