using System.Globalization;
using Cchc.Cli.Spreadsheets;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.Cli.Import;

/// <summary>
/// Reads the cells of one row by column key, converting them as the column says and collecting every problem with
/// the column it is on (in Vietnamese). A kind's <c>Build</c> reads all its columns through it; a row with any error
/// is not sent.
/// </summary>
internal sealed class RowReader(SourceRow row, IReadOnlyDictionary<string, Column> columns)
{
    /// <summary>Vietnam has no daylight saving time: local = UTC+7 on every day.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private readonly List<UnitUse> units = [];

    public SourceRow Row => row;

    /// <summary>Every problem of the row: the cells', then the reference checks', then the service's refusal.</summary>
    public List<RowError> Errors { get; } = [];

    public IReadOnlyList<UnitUse> Units => units;

    public void Error(string? key, string message) => Errors.Add(new RowError(key, message));

    public bool HasError(string key) => Errors.Any(e => e.ColumnKey == key);

    /// <summary>The raw cell (null when blank or when the sheet has no such column).</summary>
    public object? Raw(string key)
    {
        var column = Column(key);
        return row.Table.ColumnIndex.TryGetValue(column.Key, out var i) && i < row.Values.Length && !CellReader.IsBlank(row.Values[i])
            ? row.Values[i]
            : null;
    }

    public bool IsBlank(string key) => Raw(key) is null;

    public string Text(string key)
    {
        var text = CellReader.AsText(Raw(key));
        if (text is null)
        {
            RequiredCheck(key);
            return string.Empty;
        }
        return text;
    }

    /// <summary>An identifier: no spaces inside (a number typed in a cell becomes its digits).</summary>
    public string Code(string key)
    {
        var text = Text(key);
        if (text.Any(char.IsWhiteSpace))
        {
            Error(key, "mã không được chứa khoảng trắng");
        }
        return text;
    }

    public DateOnly? Day(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            RequiredCheck(key);
            return null;
        }
        if (!CellReader.TryDateTime(raw, out var value, out _))
        {
            Error(key, $"\"{CellReader.AsText(raw)}\" không phải là ngày (ghi dạng dd/mm/yyyy, ví dụ 05/03/2019)");
            return null;
        }
        return DateOnly.FromDateTime(value);
    }

    /// <summary>The day as the services write it ("yyyy-MM-dd"), "" when blank.</summary>
    public string IsoDay(string key) => Day(key)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A moment in Vietnam local time; a day alone is its start, or its end (23:59:59) for end-of-day columns.</summary>
    public DateTimeOffset? Instant(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            RequiredCheck(key);
            return null;
        }
        if (!CellReader.TryDateTime(raw, out var value, out var hasTime))
        {
            Error(key, $"\"{CellReader.AsText(raw)}\" không phải là ngày giờ (ghi dạng dd/mm/yyyy hoặc dd/mm/yyyy hh:mm)");
            return null;
        }
        if (!hasTime && Column(key).EndOfDay)
        {
            value = value.Date.AddDays(1).AddSeconds(-1);
        }
        return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), VietnamOffset);
    }

    public Timestamp? Timestamp(string key) => Instant(key) is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null;

    public decimal? Decimal(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            RequiredCheck(key);
            return null;
        }
        if (!CellReader.TryDecimal(raw, out var value))
        {
            Error(key, $"\"{CellReader.AsText(raw)}\" không phải là số (ví dụ 1.234.567 hoặc 1.234,5)");
            return null;
        }
        return value;
    }

    public long? Integer(string key)
    {
        if (Decimal(key) is not { } value)
        {
            return null;
        }
        if (value != decimal.Truncate(value) || value > long.MaxValue || value < long.MinValue)
        {
            Error(key, $"\"{CellReader.AsText(Raw(key))}\" phải là số nguyên");
            return null;
        }
        return (long)value;
    }

    public int? Int32(string key)
    {
        if (Integer(key) is not { } value)
        {
            return null;
        }
        if (value is > int.MaxValue or < int.MinValue)
        {
            Error(key, $"{value} vượt quá giới hạn");
            return null;
        }
        return (int)value;
    }

    public bool? Boolean(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            RequiredCheck(key);
            return null;
        }
        if (!CellReader.TryBoolean(raw, out var value))
        {
            Error(key, $"\"{CellReader.AsText(raw)}\" không hợp lệ: ghi Có hoặc Không");
            return null;
        }
        return value;
    }

    /// <summary>The wire number of a choice (0 when blank or not recognised, with an error naming the allowed values).</summary>
    public int Choice(string key)
    {
        var raw = Raw(key);
        var column = Column(key);
        if (raw is null)
        {
            RequiredCheck(key);
            return 0;
        }
        var text = CellReader.AsText(raw)!;
        if (column.ChoiceKeys.TryGetValue(TextKey.Of(text), out var value))
        {
            return value;
        }
        Error(key, $"\"{text}\" không hợp lệ: ghi một trong {string.Join("; ", column.Choices.Select(c => c.Label))}");
        return 0;
    }

    public TEnum Choice<TEnum>(string key) where TEnum : struct, System.Enum => (TEnum)(object)Choice(key);

    /// <summary>Several values in one cell, separated by ";" (or line breaks).</summary>
    public IReadOnlyList<string> List(string key) =>
        Text(key).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Notes that the unit in column <paramref name="key"/> must exist on <paramref name="day"/> (checked against the registry).</summary>
    public void UnitOn(string key, string unit, DateOnly? day)
    {
        if (unit.Length > 0 && day is { } d && !HasError(key))
        {
            units.Add(new UnitUse(key, unit, d));
        }
    }

    private void RequiredCheck(string key)
    {
        if (Column(key).Required)
        {
            Error(key, "bắt buộc, không được để trống");
        }
    }

    private Column Column(string key) =>
        columns.TryGetValue(key, out var column) ? column : throw new InvalidOperationException($"The kind has no column '{key}'.");
}
