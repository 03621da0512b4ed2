using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cchc.Demo.Tests;

/// <summary>One cell of the reference the platform must reproduce: a row (by label and occurrence), a period, a value.</summary>
/// <param name="Part">Appendix 4, section III: the position in the row's list of values (else null).</param>
public sealed record ExpectedCell(int Appendix, string Label, int Occurrence, string Period, int? Part, JsonNode? Value, string ValueType)
{
    /// <summary>Which cell it is (the value aside: JSON nodes compare by reference).</summary>
    public string Key => $"{Appendix}|{Label}|{Occurrence}|{Period}|{Part}";

    public override string ToString() =>
        $"Phụ lục {Appendix} | {Label} (#{Occurrence + 1}) | {Period}{(Part is { } p ? $"[{p}]" : "")}: {ReferenceComparison.Show(Value)}";
}

/// <summary>Where in a response a cell was read: the index in the response's rows, the key of its values, the list position.</summary>
public sealed record CellLocation(int Row, string Key, int? Part);

/// <summary>A cell compared: what the response held there (null when the row or period is missing) and whether it matches.</summary>
public sealed record CellResult(ExpectedCell Cell, JsonNode? Actual, CellLocation? Location, bool Reproduced)
{
    public override string ToString() => $"{Cell} — got {(Location is null ? "no such cell" : ReferenceComparison.Show(Actual))}";
}

/// <summary>One appendix compared with the reference.</summary>
public sealed record AppendixComparison(int No, IReadOnlyList<CellResult> Cells)
{
    public int Total => Cells.Count;

    public int Reproduced => Cells.Count(c => c.Reproduced);

    public IEnumerable<CellResult> Misses => Cells.Where(c => !c.Reproduced);

    public override string ToString() => $"appendix {No}: {Reproduced}/{Total} reference cells reproduced";
}

/// <summary>
/// The demo-versus-reference comparison of <c>../shared/tools/check-report.py</c>, ported line for line: which cells of
/// the reference (tests/reference/lai-chau-cchc-2015-2020.json) follow from facts, how a response's rows and periods are
/// matched to them, and how values compare. Where the source contradicts itself (a total that is not the sum of its
/// parts: Appendix 2 row 1, Appendix 3 row 1) the sum of the parts is expected. Appendix 3's rows 2–3 and its
/// "do tỉnh ban hành" row come from no source system (submitted values) and are not compared (the script's default).
/// </summary>
public static partial class ReferenceComparison
{
    /// <summary>The appendices the README's claim is about.</summary>
    public static readonly int[] Appendices = [2, 3, 4, 5, 6, 7];

    /// <summary>The reference's period keys, in order.</summary>
    public static readonly string[] Years = ["2015", "2016", "2017", "2018", "2019", "2020Q1"];

    public const string Periods = "2015,2016,2017,2018,2019,2020-01-01..2020-03-31";

    /// <summary>Appendix 4 counts the organisations on two days.</summary>
    public const string Appendix4Days = "2010-12-31,2019-12-31";

    /// <summary>The query string the script asks each appendix with (GET /api/reports/appendices/{no}?…).</summary>
    public static string Query(int no) => no == 4 ? $"asOf={Appendix4Days}" : $"periods={Periods}";

    /// <summary>The reference appendix <paramref name="no"/> of the dataset.</summary>
    public static JsonObject ReferenceAppendix(JsonNode dataset, int no) =>
        dataset["appendices"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["no"]!.GetValue<int>() == no);

    /// <summary>Compares a response of GET /api/reports/appendices/{no} with the reference appendix.</summary>
    public static AppendixComparison Compare(JsonObject reference, JsonNode? response)
    {
        var no = reference["no"]!.GetValue<int>();
        return new AppendixComparison(no, no == 4 ? CompareAppendix4(reference, response) : CompareRows(reference, response));
    }

    /// <summary>The cells of an appendix (other than 4) that follow from facts, with the contradicted totals replaced by sums.</summary>
    public static IReadOnlyList<ExpectedCell> ExpectedCells(JsonObject reference)
    {
        var no = reference["no"]!.GetValue<int>();
        var rows = reference["rows"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
        // The occurrence of each row's label among the rows (headings included), as the response is indexed.
        var occurrence = new List<int>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = Norm(Text(row["label"]));
            occurrence.Add(seen.GetValueOrDefault(key));
            seen[key] = occurrence[^1] + 1;
        }

        var cells = new List<ExpectedCell>();
        void Add(JsonObject row, int index, string year, JsonNode? value) => cells.Add(new ExpectedCell(
            no, Text(row["label"]), occurrence[index], year, null, value, Text(row["valueType"])));

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (IsTrue(row["heading"]))
            {
                continue;
            }
            var stt = Text(row["stt"]);
            switch (no)
            {
                case 2:
                    // Row 1 (all documents issued) is the sum of the six kinds below it (rows[2:8]).
                    var kinds = rows.Skip(2).Take(6).Select(r => Text(r["label"])).ToHashSet(StringComparer.Ordinal);
                    foreach (var year in Years)
                    {
                        Add(row, i, year, stt == "1" ? SumOf(rows, kinds, year) : row["values"]?[year]);
                    }
                    break;
                case 3:
                    // Rows 2–3 and "do tỉnh ban hành" are submitted values, not facts (checked by the script only with SUBMITTED=1).
                    if (stt is "2" or "3" || Text(row["label"]).Contains("do tỉnh ban hành", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    // Row 1 (all procedures) is the sum of the three levels below it (rows[1:4]).
                    var levels = rows.Skip(1).Take(3).Select(r => Text(r["label"])).ToHashSet(StringComparer.Ordinal);
                    foreach (var year in Years)
                    {
                        var value = stt == "1" ? SumOf(rows, levels, year) : row["values"]?[year];
                        if (!IsBlankOrDash(value))
                        {
                            Add(row, i, year, value);
                        }
                    }
                    break;
                case 1 or 5 or 6 or 7:
                    foreach (var year in Years)
                    {
                        var value = row["values"]?[year];
                        if (!IsBlankOrDash(value))
                        {
                            Add(row, i, year, value);
                        }
                    }
                    break;
            }
        }
        return cells;
    }

    private static List<CellResult> CompareRows(JsonObject reference, JsonNode? response)
    {
        var rows = FindRows(response) ?? [];
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var key = Norm(Text(rows[i]["label"]));
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }
            list.Add(i);
        }

        var results = new List<CellResult>();
        foreach (var cell in ExpectedCells(reference))
        {
            // The same label appears several times (sub-rows): the i-th occurrence, in order.
            var candidates = index.GetValueOrDefault(Norm(cell.Label)) ?? [];
            CellLocation? location = null;
            JsonNode? actual = null;
            if (cell.Occurrence < candidates.Count)
            {
                var rowIndex = candidates[cell.Occurrence];
                // Period keys as the response names them ("2020-01-01..2020-03-31") mapped to the reference's ("2020Q1").
                string? key = null;
                foreach (var (name, value) in rows[rowIndex]["values"] as JsonObject ?? [])
                {
                    if (PeriodKey(name) == cell.Period)
                    {
                        (key, actual) = (name, value);
                    }
                }
                location = new CellLocation(rowIndex, key ?? cell.Period, null);
            }
            results.Add(new CellResult(cell, actual, location, location is not null && Same(cell.Value, actual, cell.ValueType)));
        }
        return results;
    }

    /// <summary>Appendix 4: sections of rows, each value a number or (section III) a list by parent; columns = the two days in order.</summary>
    private static List<CellResult> CompareAppendix4(JsonObject reference, JsonNode? response)
    {
        var rows = FindRows(response) ?? [];
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            byLabel.TryAdd(Norm(Text(rows[i]["label"])), i);
        }

        var results = new List<CellResult>();
        foreach (var section in reference["sections"]!.AsArray())
        {
            foreach (var row in section!["rows"]!.AsArray())
            {
                var label = Text(row!["label"]);
                int? found = byLabel.TryGetValue(Norm(label), out var at) ? at : null;
                foreach (var (period, expected) in row["values"]!.AsObject())
                {
                    var parts = expected as JsonArray;
                    var count = parts?.Count ?? 1;
                    for (var i = 0; i < count; i++)
                    {
                        var cell = new ExpectedCell(4, label, 0, period, parts is null ? null : i, parts is null ? expected : parts[i], "integer");
                        if (found is not { } rowIndex)
                        {
                            results.Add(new CellResult(cell, null, null, false));
                            continue;
                        }
                        var values = (rows[rowIndex]["values"] as JsonObject ?? []).ToList();
                        var column = period == "2001-2010" ? 0 : 1;
                        if (column >= values.Count)
                        {
                            results.Add(new CellResult(cell, null, null, false));
                            continue;
                        }
                        var (key, value) = values[column];
                        JsonNode? actual;
                        int? part = null;
                        if (value is JsonArray list && i < list.Count)
                        {
                            (actual, part) = (list[i], i);
                        }
                        else
                        {
                            actual = parts is null ? value : null;
                        }
                        results.Add(new CellResult(cell, actual, new CellLocation(rowIndex, key, part), Same(cell.Value, actual, "integer")));
                    }
                }
            }
        }
        return results;
    }

    /// <summary>The first list of objects that have a label and values (depth first, in document order).</summary>
    public static List<JsonObject>? FindRows(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array when array.Count > 0 && array.All(r => r is JsonObject)
                                      && array.Any(r => r!.AsObject().ContainsKey("label") && r.AsObject().ContainsKey("values")):
                return array.Select(r => r!.AsObject()).ToList();
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (FindRows(value) is { } rows)
                    {
                        return rows;
                    }
                }
                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (FindRows(item) is { } rows)
                    {
                        return rows;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="actual"/> reproduces <paramref name="expected"/> for the row's value type.</summary>
    public static bool Same(JsonNode? expected, JsonNode? actual, string valueType)
    {
        switch (valueType)
        {
            case "boolean":
                var flag = actual is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? (object)(v.GetValueKind() == JsonValueKind.True ? 1L : 0L)
                    : Num(actual);
                return PyEquals(flag, Num(expected));
            case "fraction":
                return PyStr(actual).Replace(" ", "", StringComparison.Ordinal) == PyStr(expected);
            case "text":
                var text = actual is JsonObject o ? (o.ContainsKey("value") ? o["value"] : o["text"]) : actual;
                return text is not null && Norm(PyStr(text)) == Norm(PyStr(expected));
        }
        var number = Num(actual);
        if (number is not (long or double))
        {
            return false;
        }
        if (valueType == "percent")
        {
            var repr = PyStr(expected);
            var decimals = repr.Contains('.', StringComparison.Ordinal) ? repr.Split('.')[1].Length : 0;
            var want = RoundHalfEven(ToDouble(Num(expected)), decimals);
            return RoundHalfEven(number, decimals) == want || RoundHalfEven(Times100(number), decimals) == want;
        }
        return PyEquals(number, Num(expected));
    }

    /// <summary>
    /// Python's number from a JSON value: integer → long, other number → double, a string of a number (Vietnamese or
    /// English separators, a % sign) → double, anything else → its text (which equals no number).
    /// </summary>
    internal static object? Num(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True or JsonValueKind.False:
                    return value.GetValueKind() == JsonValueKind.True;
                case JsonValueKind.Number:
                    var raw = value.ToJsonString();
                    return raw.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                        ? (object)integer
                        : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }
        var s = PyStr(node).Trim().Replace("%", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (ThousandsWithDots().IsMatch(s))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }
        s = s.Replace(',', '.');
        return PyFloat(s) is { } parsed ? parsed : PyStr(node).Trim();
    }

    private static double? PyFloat(string s) => s.Trim().ToLowerInvariant() switch
    {
        "nan" or "+nan" or "-nan" => double.NaN,
        "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        var t => t.Length > 0 && !t.Contains(',') && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    private static bool PyEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (bool x, bool y) => x == y,
        (bool x, _) => PyEquals(x ? 1L : 0L, b),
        (_, bool y) => PyEquals(a, y ? 1L : 0L),
        (long x, long y) => x == y,
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        (double x, double y) => x == y,
        (string x, string y) => x == y,
        _ => false,
    };

    private static double ToDouble(object? number) => number switch
    {
        long l => l,
        double d => d,
        _ => throw new InvalidOperationException($"The reference's percent value {number} is not a number."),
    };

    private static object Times100(object number) => number switch
    {
        long l => l * 100,
        double d => d * 100,
        _ => number,
    };

    /// <summary>
    /// Python's round(x, d) as an exact decimal (the value times 10^d, rounded half to even on the double's exact binary
    /// value, as CPython does): two results are equal exactly when Python's round() results are.
    /// </summary>
    internal static BigInteger RoundHalfEven(object number, int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        if (number is long integer)
        {
            return integer * scale;
        }
        var x = (double)number;
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            throw new InvalidOperationException($"Cannot round {x}.");
        }
        var bits = BitConverter.DoubleToInt64Bits(x);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075; // x = mantissa * 2^exponent
        BigInteger result;
        if (exponent >= 0)
        {
            result = mantissa * BigInteger.Pow(2, exponent) * scale;
        }
        else
        {
            var denominator = BigInteger.Pow(2, -exponent);
            var quotient = BigInteger.DivRem(mantissa * scale, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !quotient.IsEven))
            {
                quotient += 1;
            }
            result = quotient;
        }
        return negative ? -result : result;
    }

    /// <summary>Python's str() of a JSON value: None, True/False, an integer's digits, a float's shortest repr, a string itself.</summary>
    internal static string PyStr(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "None";
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();
                    case JsonValueKind.True:
                        return "True";
                    case JsonValueKind.False:
                        return "False";
                    case JsonValueKind.Number:
                        return Num(value) switch
                        {
                            long l => l.ToString(CultureInfo.InvariantCulture),
                            double d => PyRepr(d),
                            var other => other?.ToString() ?? "None",
                        };
                }
                break;
        }
        // Lists and objects: never equal to a reference value; their JSON text stands in for Python's repr.
        return node.ToJsonString();
    }

    /// <summary>Python's repr() of a float: the shortest round-trip digits, fixed notation for exponents -4..15, else e-notation.</summary>
    internal static string PyRepr(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }
        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0)
        {
            return double.IsNegative(x) ? "-0.0" : "0.0";
        }
        // Shortest round-trip digits and the decimal exponent, from .NET's "E16"-free shortest form.
        var shortest = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var decimalPoint = (point < 0 ? mantissa.Length : point) + exponent; // digits[..decimalPoint] is the integer part
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        decimalPoint -= leadingZeros;
        var sign = x < 0 ? "-" : "";
        var scientific = decimalPoint - 1;
        if (scientific is < -4 or >= 16)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : "";
            return $"{sign}{digits[0]}{fraction}e{(scientific < 0 ? "-" : "+")}{Math.Abs(scientific):00}";
        }
        if (decimalPoint <= 0)
        {
            return $"{sign}0.{new string('0', -decimalPoint)}{digits}";
        }
        if (decimalPoint >= digits.Length)
        {
            return $"{sign}{digits}{new string('0', decimalPoint - digits.Length)}.0";
        }
        return $"{sign}{digits[..decimalPoint]}.{digits[decimalPoint..]}";
    }

    /// <summary>Labels and texts compared: NFC, lower case, every run of non-word characters (but %) one space, trimmed.</summary>
    public static string Norm(string s) =>
        NonWord().Replace(s.Normalize(NormalizationForm.FormC).ToLowerInvariant(), " ").Trim();

    /// <summary>The reference's period key of a response's period key: "2020-01-01..2020-03-31" → "2020Q1", "2019" → "2019".</summary>
    public static string PeriodKey(string key)
    {
        if (key.Contains("2020", StringComparison.Ordinal)
            && (key.Contains("03-31", StringComparison.Ordinal) || key.Contains("q1", StringComparison.OrdinalIgnoreCase) || key.Contains("31/3", StringComparison.Ordinal)))
        {
            return "2020Q1";
        }
        var trimmed = key.Trim();
        var match = Year().Match(trimmed);
        if (!match.Success)
        {
            match = WholeYear().Match(trimmed);
        }
        return match.Success ? match.Groups[1].Value : key;
    }

    public static string Show(JsonNode? value) => value is null ? "blank" : value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonNode SumOf(List<JsonObject> rows, HashSet<string> labels, string year) =>
        JsonValue.Create(rows.Where(r => labels.Contains(Text(r["label"]))).Sum(r => r["values"]![year]!.GetValue<long>()));

    private static bool IsBlankOrDash(JsonNode? value) =>
        value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "-");

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : PyStr(node);

    // Python's \w (str patterns): letters, digits and other numeric characters, and the underscore.
    [GeneratedRegex(@"[^\p{L}\p{Nd}\p{Nl}\p{No}_%]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex ThousandsWithDots();

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(\d{4})-01-01\.\.\1-12-31$")]
    private static partial Regex WholeYear();
}
