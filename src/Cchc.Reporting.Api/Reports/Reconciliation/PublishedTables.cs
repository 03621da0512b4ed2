using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Reporting.Api.Reports.Validation;

namespace Cchc.Reporting.Api.Reports.Reconciliation;

/// <summary>A published row matched to the catalogue: its table, position (1-based, headings included), indicator and the row as printed.</summary>
public sealed record PublishedRow(string Table, int Index, string Indicator, bool Mapped, string Stt, string Label, string? ValueType, bool Heading);

/// <summary>
/// A published report's tables read from the reference dataset's format: "periods" (key, label, from, to), "appendices"
/// (no, title, rows or — Appendix 4 — sections with their own periods on days, "asOf"), "facts" (the body's figures).
/// Each published row is matched to the catalogue's row with the same label, in order (so repeated labels, like
/// Appendix 6's autonomy levels, land under the right total); a row no appendix defines keeps "row:N". Body facts
/// become the "body" table, one row per field ("fact|field").
/// </summary>
public sealed class PublishedTables : IReportTables
{
    private readonly Dictionary<(string Table, string Indicator), PublishedRow> _rows = [];
    private readonly Dictionary<(string Table, string Indicator, string Period), ReportValue?> _values = [];
    private readonly Dictionary<string, ReportPeriod> _appendix4Days = [];
    private readonly List<PublishedRow> _ordered = [];

    private PublishedTables(string source, string title)
    {
        Source = source;
        Title = title;
    }

    public string Source { get; }

    public string Title { get; }

    public IReadOnlyList<ReportPeriod> Periods { get; private set; } = [];

    /// <summary>Every published row in the document's order (headings included).</summary>
    public IReadOnlyList<PublishedRow> Rows => _ordered;

    /// <summary>The published tables by number, with their titles.</summary>
    public IReadOnlyDictionary<int, string> Appendices { get; private set; } = new Dictionary<int, string>();

    /// <summary>How many cells (one per row, period and — Appendix 4 section III — part) the document holds.</summary>
    public int CellCount { get; private set; }

    public bool HasRow(string table, string indicator) => _rows.ContainsKey((table, indicator));

    public ReportValue? Get(string table, string indicator, ReportPeriod period)
    {
        if (!_rows.TryGetValue((table, indicator), out var row))
        {
            return null;
        }
        var key = row.Indicator;
        if (table == "4")
        {
            // Appendix 4 counts on days: the published column whose day is the period's last day.
            return _appendix4Days.TryGetValue(period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var day)
                ? _values.GetValueOrDefault((table, key, day.Key)) : null;
        }
        return _values.GetValueOrDefault((table, key, table == CellRef.BodyTable ? "*" : period.Key));
    }

    public CellPlace Describe(string table, string indicator) =>
        _rows.TryGetValue((table, indicator), out var row)
            ? new CellPlace(ComputedTables.TableLabel(table), row.Stt, row.Label)
            : new CellPlace(ComputedTables.TableLabel(table), string.Empty, indicator);

    /// <summary>The value printed in a row for a published period (by the period's own key).</summary>
    public ReportValue? ValueAt(PublishedRow row, string periodKey) => _values.GetValueOrDefault((row.Table, row.Indicator, periodKey));

    /// <summary>The published periods an asked period corresponds to: the same days (Appendix 4: its day is the period's last day).</summary>
    public ReportPeriod? Match(string table, ReportPeriod asked) => table == "4"
        ? _appendix4Days.GetValueOrDefault(asked.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : Periods.FirstOrDefault(p => p.From == asked.From && p.To == asked.To && !_appendix4Days.ContainsValue(p));

    /// <summary>Reads a document; a document that is not in the format throws <see cref="PublishedFormatException"/> naming what is wrong, in Vietnamese.</summary>
    public static PublishedTables Parse(string json, IEnumerable<IAppendix> catalogue)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PublishedFormatException($"Tài liệu không phải JSON hợp lệ (dòng {ex.LineNumber + 1}).");
        }
        if (document is not JsonObject root)
        {
            throw new PublishedFormatException("Tài liệu phải là một đối tượng JSON có \"source\", \"periods\" và \"appendices\".");
        }
        var source = Text(root["source"], "source");
        var tables = new PublishedTables(source.Length > 400 ? source[..400] : source, source);
        var definitions = catalogue.Where(a => a is not IKeyFigures).ToDictionary(a => a.Number);
        var periods = (root["periods"] as JsonArray ?? throw new PublishedFormatException("Thiếu danh sách kỳ báo cáo \"periods\"."))
            .Select((p, i) => Period(p, $"periods[{i}]")).ToList();
        if (periods.Count == 0)
        {
            throw new PublishedFormatException("Danh sách kỳ báo cáo \"periods\" trống.");
        }
        var all = new List<ReportPeriod>(periods);
        var titles = new Dictionary<int, string>();
        var appendices = root["appendices"] as JsonArray ?? throw new PublishedFormatException("Thiếu danh sách phụ lục \"appendices\".");
        foreach (var (node, i) in appendices.Select((a, i) => (a, i)))
        {
            var appendix = node as JsonObject ?? throw new PublishedFormatException($"appendices[{i}] phải là một đối tượng.");
            var no = appendix["no"] is JsonValue v && v.TryGetValue<int>(out var n) && n is >= 1 and <= 99
                ? n : throw new PublishedFormatException($"appendices[{i}].no phải là số phụ lục từ 1 đến 99.");
            var table = no.ToString(CultureInfo.InvariantCulture);
            if (!titles.TryAdd(no, Text(appendix["title"], $"appendices[{i}].title")))
            {
                throw new PublishedFormatException($"Phụ lục {no} xuất hiện hai lần.");
            }
            var tablePeriods = periods;
            var rows = new List<JsonObject>();
            if (appendix["sections"] is JsonArray sections)
            {
                tablePeriods = (appendix["periods"] as JsonArray ?? throw new PublishedFormatException($"Phụ lục {no}: thiếu \"periods\" của các mục."))
                    .Select((p, k) => DayPeriod(p, $"appendices[{i}].periods[{k}]")).ToList();
                foreach (var day in tablePeriods)
                {
                    tables._appendix4Days[day.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] = day;
                    all.Add(day);
                }
                foreach (var section in sections.OfType<JsonObject>())
                {
                    rows.Add(new JsonObject { ["label"] = section["title"]?.DeepClone(), ["heading"] = true });
                    rows.AddRange((section["rows"] as JsonArray ?? []).OfType<JsonObject>());
                }
            }
            else
            {
                rows.AddRange((appendix["rows"] as JsonArray ?? throw new PublishedFormatException($"Phụ lục {no}: thiếu \"rows\"."))
                    .Select((r, k) => r as JsonObject ?? throw new PublishedFormatException($"Phụ lục {no}: dòng {k + 1} phải là một đối tượng.")));
            }
            tables.AddRows(table, rows, tablePeriods, definitions.GetValueOrDefault(no));
        }
        tables.Appendices = titles;
        tables.AddFacts(root["facts"] as JsonArray);
        tables.Periods = all;
        return tables;
    }

    private void AddRows(string table, List<JsonObject> rows, IReadOnlyList<ReportPeriod> periods, IAppendix? definition)
    {
        var cursor = 0;
        var definitions = definition?.Rows ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var label = Text(row["label"], $"Phụ lục {table}, dòng {i + 1}: label");
            var heading = row["heading"] is JsonValue h && h.TryGetValue<bool>(out var isHeading) && isHeading;
            var match = -1;
            for (var k = cursor; k < definitions.Count && !heading; k++)
            {
                if (!definitions[k].Heading && Normalise(definitions[k].Label) == Normalise(label))
                {
                    match = k;
                    break;
                }
            }
            var indicator = match >= 0 ? definitions[match].Indicator : string.Create(CultureInfo.InvariantCulture, $"row:{i + 1}");
            cursor = match >= 0 ? match + 1 : cursor;
            var published = new PublishedRow(table, i + 1, indicator, match >= 0, row["stt"]?.ToString() ?? string.Empty, label,
                row["valueType"]?.ToString() ?? definitions.ElementAtOrDefault(match)?.ValueType, heading);
            _ordered.Add(published);
            if (heading)
            {
                continue;
            }
            _rows[(table, indicator)] = published;
            // The published position answers too, so a rule can name a row no appendix of this service defines.
            _rows.TryAdd((table, string.Create(CultureInfo.InvariantCulture, $"row:{i + 1}")), published);
            var values = row["values"] as JsonObject;
            foreach (var period in periods)
            {
                var value = Value(values?[period.Key], $"Phụ lục {table}, dòng {i + 1}, kỳ {period.Key}");
                _values[(table, indicator, period.Key)] = value;
                CellCount += value is ReportValue.Parts p ? p.Values.Count : 1;
            }
        }
    }

    private void AddFacts(JsonArray? facts)
    {
        var index = 0;
        foreach (var fact in (facts ?? []).OfType<JsonObject>())
        {
            var name = fact["fact"]?.ToString();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            foreach (var (field, node) in fact)
            {
                if (field is "area" or "fact" || node is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
                {
                    continue;
                }
                var indicator = $"{name}|{field}";
                var row = new PublishedRow(CellRef.BodyTable, ++index, indicator, true, string.Empty, $"{name}: {field}", ValueTypes.Integer, false);
                _rows[(CellRef.BodyTable, indicator)] = row;
                _ordered.Add(row);
                _values[(CellRef.BodyTable, indicator, "*")] = ReportValue.Of(number.GetValue<decimal>());
                CellCount++;
            }
        }
    }

    private static ReportValue? Value(JsonNode? node, string where) => node switch
    {
        null => null,
        JsonArray parts => ReportValue.Of(parts.Select(p => Value(p, where)).ToList()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => ReportValue.Of(v.GetValue<decimal>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => ReportValue.Of(v.GetValue<bool>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() == "-" ? ReportValue.NotApplicable : ReportValue.Of(v.GetValue<string>()),
        _ => throw new PublishedFormatException($"{where}: giá trị phải là số, chuỗi, \"-\", danh sách hoặc null."),
    };

    private static ReportPeriod Period(JsonNode? node, string where)
    {
        var key = Text(node?["key"], $"{where}.key");
        var from = Day(node?["from"], $"{where}.from");
        var to = Day(node?["to"], $"{where}.to");
        return from <= to ? new ReportPeriod(key, from, to) : throw new PublishedFormatException($"{where}: ngày bắt đầu sau ngày kết thúc.");
    }

    private static ReportPeriod DayPeriod(JsonNode? node, string where)
    {
        var day = Day(node?["asOf"], $"{where}.asOf");
        return new ReportPeriod(Text(node?["key"], $"{where}.key"), day, day);
    }

    private static DateOnly Day(JsonNode? node, string where) =>
        DateOnly.TryParseExact(node?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new PublishedFormatException($"{where}: ngày không hợp lệ, dùng YYYY-MM-DD.");

    private static string Text(JsonNode? node, string where) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>())
            ? v.GetValue<string>() : throw new PublishedFormatException($"{where}: thiếu hoặc không phải chuỗi ký tự.");

    private static string Normalise(string label) =>
        string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>A published document not in the expected format; the message says what, in Vietnamese.</summary>
public sealed class PublishedFormatException(string message) : Exception(message);
