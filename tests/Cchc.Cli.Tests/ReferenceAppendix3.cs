using System.Globalization;
using System.Text.Json;

namespace Cchc.Cli.Tests;

/// <summary>The source report's Appendix 3 (tests/reference/lai-chau-cchc-2015-2020.json, the one copy every test reads), by row label.</summary>
public sealed class ReferenceAppendix3
{
    private readonly JsonElement _rows;

    private ReferenceAppendix3(JsonDocument document)
    {
        var root = document.RootElement;
        _rows = root.GetProperty("appendices").EnumerateArray().Single(a => a.GetProperty("no").GetInt32() == 3).GetProperty("rows").Clone();
        Periods = root.GetProperty("periods").EnumerateArray()
            .Select(p => new ReferencePeriod(p.GetProperty("key").GetString()!,
                DateOnly.Parse(p.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
                DateOnly.Parse(p.GetProperty("to").GetString()!, CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static ReferenceAppendix3 Load() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "lai-chau-cchc-2015-2020.json"))));

    public IReadOnlyList<ReferencePeriod> Periods { get; }

    /// <summary>The cell of the first row whose label contains <paramref name="labelPart"/>; null when blank or "-".</summary>
    public decimal? Cell(string labelPart, int period)
    {
        var row = _rows.EnumerateArray().FirstOrDefault(r => r.GetProperty("label").GetString()!.Contains(labelPart, StringComparison.Ordinal));
        if (row.ValueKind == JsonValueKind.Undefined) throw new ArgumentException($"No reference row contains '{labelPart}'.");
        var value = row.GetProperty("values").GetProperty(Periods[period].Key);
        return value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }

    public int Count(string labelPart, int period) => (int)(Cell(labelPart, period) ?? throw new InvalidOperationException($"'{labelPart}' is blank in {Periods[period].Key}."));

    public const string Province = "Số lượng TTHC cấp tỉnh";
    public const string District = "Số lượng TTHC cấp huyện";
    public const string Commune = "Số lượng TTHC cấp xã";
    public const string Total = "Tổng số TTHC của tỉnh";
    public const string ProvincialCentre = "Trung tâm phục vụ hành chính công cấp tỉnh";
    public const string DistrictOneStop = "Bộ phận Một cửa cấp huyện";
    public const string CommuneOneStop = "Bộ phận Một cửa cấp xã";
    public const string SameLevel = "một cửa liên thông cùng cấp";
    public const string BetweenLevels = "liên thông giữa các cấp chính quyền";
    public const string FourOnTheSpot = "4 tại chỗ";
    public const string OnTimeProvince = "hồ sơ TTHC cấp tỉnh giải quyết đúng hẹn";
    public const string OnTimeDistrict = "hồ sơ TTHC cấp huyện giải quyết đúng hẹn";
    public const string OnTimeCommune = "hồ sơ TTHC cấp xã giải quyết đúng hẹn";
    public const string FeedbackReceived = "PAKN đã tiếp nhận";
    public const string FeedbackResolved = "PAKN đã giải quyết";
    public const string FeedbackPublished = "công khai kết quả trả lời";
}

public sealed record ReferencePeriod(string Key, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
