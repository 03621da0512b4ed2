using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cchc.Demo.Tests;

/// <summary>
/// The comparison without a platform: responses recorded from a real demo platform reproduce every cell, and any one
/// drifting cell, missing row or contradicted total is found; the Python semantics it ports (rounding, number parsing,
/// labels, period keys) hold.
/// </summary>
public sealed class ReferenceComparisonTests
{
    public static TheoryData<int> Appendices => new(ReferenceComparison.Appendices);

    [Fact]
    public void TheComparison_Covers402Cells_78_84_40_60_56_84()
    {
        var totals = ReferenceComparison.Appendices.ToDictionary(n => n, n => ReferenceComparison.Compare(Reference.Appendix(n), Reference.RecordedResponse(n)).Total);

        Assert.Equal(Reference.CellsPerAppendix, totals);
        Assert.Equal(402, totals.Values.Sum());
        // Appendix 4 aside, the cells come from the reference alone: a response cannot shrink them.
        Assert.All(totals.Keys.Where(n => n != 4), n => Assert.Equal(totals[n], ReferenceComparison.ExpectedCells(Reference.Appendix(n)).Count));
        Assert.Equal(40, ReferenceComparison.Compare(Reference.Appendix(4), new JsonObject()).Total);
    }

    [Fact]
    public void Appendix1_HasEveryNonBlankCellOfItsRows()
    {
        var cells = ReferenceComparison.ExpectedCells(Reference.Appendix(1));

        Assert.Equal(Reference.Appendix1Cells, cells.Count);
        Assert.DoesNotContain(cells, c => c.Value is null);
        Assert.Equal(6, cells.Count(c => c.Label.StartsWith("Bộ tiêu chí đánh giá cơ quan ngành dọc", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void TheRecordedDemoResponse_ReproducesEveryCell(int appendix)
    {
        var comparison = ReferenceComparison.Compare(Reference.Appendix(appendix), Reference.RecordedResponse(appendix));

        Assert.Equal(Reference.CellsPerAppendix[appendix], comparison.Reproduced);
        Assert.All(comparison.Cells, c => Assert.NotNull(c.Location));
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void AnyOneCellThatDrifts_IsTheOneMiss(int appendix)
    {
        var reference = Reference.Appendix(appendix);
        var cells = ReferenceComparison.Compare(reference, Reference.RecordedResponse(appendix)).Cells;

        foreach (var cell in cells)
        {
            var response = Reference.RecordedResponse(appendix);
            Alter(response, cell.Location!);

            var comparison = ReferenceComparison.Compare(reference, response);

            Assert.Equal(cells.Count, comparison.Total);
            var miss = Assert.Single(comparison.Misses);
            Assert.Equal(cell.Cell.Key, miss.Cell.Key);
        }
        Assert.Equal(Reference.CellsPerAppendix[appendix], cells.Count);
    }

    [Theory]
    [InlineData(2, "Số VBQPPL đã kiểm tra theo thẩm quyền", 6)]
    [InlineData(3, "Số lượng PAKN đã tiếp nhận trong năm", 6)]
    [InlineData(4, "Sự nghiệp y tế", 6)]
    [InlineData(6, "Số tổ chức khoa học và công nghệ công lập thực hiện cơ chế tự chủ", 6)]
    public void ARowMissingFromTheResponse_CountsAsMissedCells_NotAsFewerCells(int appendix, string labelStart, int cellsOfTheRow)
    {
        var response = Reference.RecordedResponse(appendix);
        var rows = ReferenceComparison.FindRows(response)!;
        var row = rows.First(r => r["label"]!.GetValue<string>().StartsWith(labelStart, StringComparison.Ordinal));
        ((JsonArray)row.Parent!).Remove(row);

        var comparison = ReferenceComparison.Compare(Reference.Appendix(appendix), response);

        Assert.Equal(Reference.CellsPerAppendix[appendix], comparison.Total);
        Assert.Equal(cellsOfTheRow, comparison.Misses.Count());
        Assert.All(comparison.Misses, m => Assert.Null(m.Location));
    }

    [Fact]
    public void AResponseWithoutRows_ReproducesNothing()
    {
        foreach (var appendix in ReferenceComparison.Appendices)
        {
            var comparison = ReferenceComparison.Compare(Reference.Appendix(appendix), JsonNode.Parse("""{"no":2,"rows":[]}"""));
            Assert.Equal((Reference.CellsPerAppendix[appendix], 0), (comparison.Total, comparison.Reproduced));
        }
    }

    /// <summary>
    /// The source prints Appendix 2's total of documents as 717, 791, 611, 366, 191 for 2015–2019 while its six kinds
    /// add up to 489, 614, 426, 226, 85 (and Appendix 3's 2020Q1 total 2,078 against 2,077): the facts give the sums,
    /// so the sums are expected and the printed totals are not.
    /// </summary>
    [Theory]
    [InlineData(2, "2015", 717, 489)]
    [InlineData(2, "2019", 191, 85)]
    [InlineData(2, "2020Q1", 12, 12)]
    [InlineData(3, "2020Q1", 2078, 2077)]
    [InlineData(3, "2019", 2061, 2061)]
    public void AContradictedTotal_ExpectsTheSumOfItsParts(int appendix, string period, long printed, long sum)
    {
        var reference = Reference.Appendix(appendix);
        var total = reference["rows"]![0]!;
        Assert.Equal(printed, total["values"]![period]!.GetValue<long>());

        var expected = ReferenceComparison.ExpectedCells(reference).Single(c => c.Label == total["label"]!.GetValue<string>() && c.Period == period);
        Assert.Equal(sum, expected.Value!.GetValue<long>());

        var response = Reference.RecordedResponse(appendix);
        var cell = ReferenceComparison.Compare(reference, response).Cells.Single(c => c.Cell.Key == expected.Key);
        Assert.True(cell.Reproduced);
        SetValue(response, cell.Location!, JsonValue.Create(printed));
        Assert.Equal(printed == sum, ReferenceComparison.Compare(reference, response).Cells.Single(c => c.Cell.Key == expected.Key).Reproduced);
    }

    [Fact]
    public void SubmittedRowsOfAppendix3_AreNotCompared()
    {
        var cells = ReferenceComparison.ExpectedCells(Reference.Appendix(3));

        Assert.DoesNotContain(cells, c => c.Label.StartsWith("Số TTHC được đơn giản hóa", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Label.Contains("do tỉnh ban hành", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "-");
        Assert.Contains(cells, c => c.Label.StartsWith("Số lượng TTHC hoặc nhóm TTHC", StringComparison.Ordinal) && c.Period == "2019");
        Assert.DoesNotContain(cells, c => c.Label.StartsWith("Số lượng TTHC hoặc nhóm TTHC", StringComparison.Ordinal) && c.Period == "2018");
    }

    [Theory]
    [InlineData("96.26", "96.2634", true)]    // rounded to the reference's two decimals
    [InlineData("96.26", "96.255", false)]    // the double 96.255 lies below the tie: Python rounds it to 96.25
    [InlineData("96.26", "0.9626", true)]     // a fraction instead of a percentage
    [InlineData("96.26", "96.27", false)]
    [InlineData("100", "100", true)]
    [InlineData("100", "99.6", true)]         // the reference's precision is an integer: 99.6 rounds to 100
    [InlineData("100", "99.4", false)]
    [InlineData("99.999", "99.9994", true)]
    [InlineData("99.999", "99.998", false)]
    [InlineData("0.2", "0.002", true)]
    [InlineData("100", "\"100%\"", true)]     // a formatted string is parsed as the script parses it
    [InlineData("100", "\"-\"", false)]
    [InlineData("100", "null", false)]
    public void Percent_ComparesAtTheReferencesPrecision(string expected, string actual, bool same) =>
        Assert.Equal(same, ReferenceComparison.Same(JsonNode.Parse(expected), JsonNode.Parse(actual), "percent"));

    [Theory]
    [InlineData("1316627", "1316627", true)]
    [InlineData("1316627", "1316627.0", true)]
    [InlineData("1316627", "\"1.316.627\"", true)]   // Vietnamese thousands separators
    [InlineData("1316627", "1316628", false)]
    [InlineData("0", "null", false)]
    [InlineData("0", "false", false)]
    [InlineData("0", "\"-\"", false)]
    [InlineData("3", "[3]", false)]
    [InlineData("3", "{\"value\":3}", false)]         // the script's num() turns an object into text: never a number
    public void Integer_ComparesNumbers(string expected, string actual, bool same) =>
        Assert.Equal(same, ReferenceComparison.Same(JsonNode.Parse(expected), JsonNode.Parse(actual), "integer"));

    [Theory]
    [InlineData("\"28/28\"", "\"28/28\"", true)]
    [InlineData("\"28/28\"", "\"28 / 28\"", true)]
    [InlineData("\"28/28\"", "\"27/28\"", false)]
    [InlineData("\"28/28\"", "1", false)]
    public void Fraction_ComparesTheTextWithoutSpaces(string expected, string actual, bool same) =>
        Assert.Equal(same, ReferenceComparison.Same(JsonNode.Parse(expected), JsonNode.Parse(actual), "fraction"));

    [Theory]
    [InlineData("\"Đang triển khai thực hiện\"", "\"đang  triển khai, thực hiện.\"", true)]
    [InlineData("\"Đang triển khai thực hiện\"", "{\"value\":\"Đang triển khai thực hiện\"}", true)]
    [InlineData("\"Đang triển khai thực hiện\"", "\"Đã thực hiện\"", false)]
    [InlineData("\"75%\"", "\"75 %\"", false)]  // the script keeps "%" as a word character
    [InlineData("\"75%\"", "null", false)]
    public void Text_ComparesNormalisedText(string expected, string actual, bool same) =>
        Assert.Equal(same, ReferenceComparison.Same(JsonNode.Parse(expected), JsonNode.Parse(actual), "text"));

    [Theory]
    [InlineData("2015", "2015")]
    [InlineData("2019-01-01..2019-12-31", "2019")]
    [InlineData("2020-01-01..2020-03-31", "2020Q1")]
    [InlineData("2020Q1", "2020Q1")]
    [InlineData("2019-01-01..2019-06-30", "2019-01-01..2019-06-30")]
    public void PeriodKey_MapsTheResponsesKeysToTheReferences(string key, string expected) =>
        Assert.Equal(expected, ReferenceComparison.PeriodKey(key));

    [Theory]
    [InlineData("Số VBQPPL trái pháp luật về nội dung, thẩm quyền", "số vbqppl trái pháp luật về nội dung thẩm quyền")]
    [InlineData("  Sự nghiệp VH,TDTT ", "sự nghiệp vh tdtt")]
    [InlineData("Tỷ lệ (%) hồ sơ", "tỷ lệ % hồ sơ")]
    public void Norm_LowersAndCollapsesPunctuation(string label, string expected) =>
        Assert.Equal(expected, ReferenceComparison.Norm(label));

    [Fact]
    public void Norm_TreatsDecomposedVietnameseAsComposed() =>
        Assert.Equal(ReferenceComparison.Norm("Sự nghiệp y tế"), ReferenceComparison.Norm("Sự nghiệp y tế".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(96.26, "96.26")]
    [InlineData(0.2, "0.2")]
    [InlineData(99.999, "99.999")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567.5, "1234567.5")]
    [InlineData(-2.5, "-2.5")]
    public void PyRepr_IsPythonsFloatRepr(double value, string repr) => Assert.Equal(repr, ReferenceComparison.PyRepr(value));

    [Theory]
    [InlineData(2.675, 2, 267)]   // 2.675 is 2.67499999… in binary
    [InlineData(0.125, 2, 12)]    // an exact tie: to even
    [InlineData(0.375, 2, 38)]
    [InlineData(99.9994, 3, 99999)]
    [InlineData(-1.5, 0, -2)]
    public void RoundHalfEven_IsPythonsRound(double value, int decimals, long scaled) =>
        Assert.Equal(new BigInteger(scaled), ReferenceComparison.RoundHalfEven(value, decimals));

    /// <summary>Changes the value at <paramref name="location"/> so that it no longer equals what it was.</summary>
    private static void Alter(JsonNode response, CellLocation location)
    {
        var current = ValueAt(response, location);
        JsonNode? altered = current switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => ReferenceComparison.Num(v) switch
            {
                long l => JsonValue.Create(l + 1),
                double d => JsonValue.Create(d + 1),
                var other => throw new InvalidOperationException($"{other}"),
            },
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>() == "27/28" ? "28/28" : "27/28"),
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(v.GetValueKind() != JsonValueKind.True),
            null => JsonValue.Create(-1),
            _ => throw new InvalidOperationException($"Cannot alter {current.ToJsonString()}."),
        };
        SetValue(response, location, altered);
    }

    private static JsonNode? ValueAt(JsonNode response, CellLocation location)
    {
        var value = ReferenceComparison.FindRows(response)![location.Row]["values"]![location.Key];
        return location.Part is { } part ? value![part] : value;
    }

    private static void SetValue(JsonNode response, CellLocation location, JsonNode? value)
    {
        var values = ReferenceComparison.FindRows(response)![location.Row]["values"]!.AsObject();
        if (location.Part is { } part)
        {
            values[location.Key]![part] = value;
        }
        else
        {
            values[location.Key] = value;
        }
    }
}
