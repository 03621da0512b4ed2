using Cchc.Cli.Spreadsheets;

namespace Cchc.Cli.Import;

/// <summary>What a column holds: how its cells are read and how the template describes it.</summary>
internal enum ValueKind
{
    Text,
    Code,
    Day,
    Instant,
    Integer,
    Decimal,
    Boolean,
    Choice,
    List,
}

/// <summary>One allowed value of a choice column: the wire number, the label written in templates, other accepted spellings.</summary>
internal sealed record Choice(int Value, string Label, params string[] Aliases);

/// <summary>
/// A column of an import kind: its key (the field of the record it fills, as the service names it in refusals, e.g.
/// "received_at" or "attributes.issuer_unit"), the Vietnamese header of the template, other headers people use, how
/// cells are read, whether it is required, the note shown on the template's header cell, and the example row's value.
/// </summary>
internal sealed class Column
{
    private Column(string key, string header, ValueKind kind, string comment)
    {
        Key = key;
        Header = header;
        Kind = kind;
        Comment = comment;
    }

    public string Key { get; }

    public string Header { get; }

    public ValueKind Kind { get; }

    public string Comment { get; }

    public bool Required { get; private init; }

    public object? Example { get; private init; }

    public IReadOnlyList<string> Aliases { get; private init; } = [];

    /// <summary>Field paths of refusals that point at this column (after "records[i]."; indexes dropped). Default: the key.</summary>
    public IReadOnlyList<string> Fields { get; private init; } = [];

    public IReadOnlyList<Choice> Choices { get; private init; } = [];

    private Dictionary<string, int>? choiceKeys;

    /// <summary>The wire number of a choice by the key (<see cref="TextKey"/>) of its label or of another accepted name.</summary>
    public IReadOnlyDictionary<string, int> ChoiceKeys => choiceKeys ??= Choices
        .SelectMany(c => new[] { c.Label }.Concat(c.Aliases).Select(name => (Key: TextKey.Of(name), c.Value)))
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>For <see cref="ValueKind.Day"/>/<see cref="ValueKind.Instant"/>: a day without a time means its end (23:59:59).</summary>
    public bool EndOfDay { get; private init; }

    public double Width { get; private init; } = 18;

    /// <summary>The header keys that name this column (<see cref="TextKey"/>).</summary>
    public IReadOnlyList<string> HeaderKeys => [TextKey.Of(Header), .. Aliases.Select(TextKey.Of)];

    public IEnumerable<string> AllFields => Fields.Count > 0 ? Fields : [Key];

    public static Column Of(string key, string header, ValueKind kind, string comment, object? example, bool required = false,
        string[]? aliases = null, string[]? fields = null, Choice[]? choices = null, bool endOfDay = false, double width = 18) =>
        new(key, header, kind, comment)
        {
            Required = required,
            Example = example,
            Aliases = aliases ?? [],
            Fields = fields ?? [],
            Choices = choices ?? [],
            EndOfDay = endOfDay,
            Width = width,
        };

    /// <summary>The note on the template's header cell: what to write, whether it is required, the accepted values.</summary>
    public string Note()
    {
        var note = Comment;
        note += Required ? "\nBắt buộc." : "\nKhông bắt buộc (để trống nếu không có).";
        note += Kind switch
        {
            ValueKind.Day => "\nNgày dạng dd/mm/yyyy (hoặc ô kiểu ngày của Excel).",
            ValueKind.Instant => EndOfDay
                ? "\nNgày dd/mm/yyyy, có thể kèm giờ hh:mm; chỉ ghi ngày = cuối ngày (23:59:59)."
                : "\nNgày dd/mm/yyyy, có thể kèm giờ hh:mm; chỉ ghi ngày = đầu ngày (0 giờ).",
            ValueKind.Integer => "\nSố nguyên (có thể viết 1.234.567). Ô trống khác với số 0.",
            ValueKind.Decimal => "\nSố (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân: 1.234.567,5). Ô trống khác với số 0.",
            ValueKind.Boolean => "\nCó / Không.",
            ValueKind.List => "\nNhiều giá trị cách nhau bằng dấu chấm phẩy (;).",
            _ => string.Empty,
        };
        if (Choices.Count > 0)
        {
            note += "\nMột trong: " + string.Join("; ", Choices.Select(c => c.Label)) + ".";
        }
        return note;
    }
}
