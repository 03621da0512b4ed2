namespace Cchc.Programme.Api.Domain;

/// <summary>What a submitted indicator holds: a count, a percentage (0..100) or a text that may also be a number.</summary>
public enum SubmittedType
{
    Count,
    Percent,
    Text,
}

/// <summary>
/// The report rows no source system produces, whose values units submit (docs/adr/0027-submitted-values-and-obligations.md).
/// The codes are the reporting service's indicator keys of those rows, so a submitted value lands in the row it fills.
/// </summary>
public static class SubmittedIndicators
{
    public static IReadOnlyDictionary<string, (SubmittedType Type, string Label)> All { get; } = new Dictionary<string, (SubmittedType, string)>(StringComparer.Ordinal)
    {
        // Phụ lục 3, dòng "-" dưới dòng 1.
        ["procedures.issued_by_province"] = (SubmittedType.Count, "Số TTHC do tỉnh ban hành (được giao trong Luật)"),
        // Phụ lục 3, dòng 2 (the source prints counts, percentages and sentences here).
        ["procedures.simplified_after_review"] = (SubmittedType.Text, "Số TTHC được đơn giản hóa sau rà soát"),
        // Phụ lục 3, dòng 3.
        ["procedures.published_in_full"] = (SubmittedType.Percent, "Số lượng thủ tục hành chính được công khai đầy đủ, đúng quy định trên Cổng/Trang Thông tin điện tử"),
    };
}
