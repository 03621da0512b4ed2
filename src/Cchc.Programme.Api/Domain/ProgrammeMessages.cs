namespace Cchc.Programme.Api.Domain;

/// <summary>User-facing descriptions of the programme service's broken rules (Vietnamese; the field is named by the caller).</summary>
public static class ProgrammeMessages
{
    public const string DetailRequired = "phải có đúng một loại bản ghi: inspection, propaganda, training_class, initiative, criteria_set, satisfaction_survey hoặc index_result";
    public const string ToBeforeFrom = "không được trước ngày bắt đầu (period_from)";
    public const string UntilBeforeFrom = "không được trước ngày bắt đầu áp dụng";
    public const string RepealedBeforeAdopted = "không được trước ngày ban hành (adopted_on)";
    public const string Decimal = "phải là một số thập phân, dấu chấm ngăn cách phần lẻ (ví dụ 82.96)";
    public const string Percent = "phải là tỷ lệ phần trăm từ 0 đến 100";
    public const string Score = "phải là điểm số từ 0 đến 100";
    public const string Rank = "phải là thứ hạng từ 1 đến 63 (63 tỉnh, thành phố)";
    public const string PublishedBeforeYear = "không được trước ngày đầu năm của kết quả (year)";
    public const string NoFigure = "phải có ít nhất một số liệu (bulletins, newspaper_articles, portal_section hoặc contests)";
    public const string TooManyCriteria = "tối đa 200 tiêu chí";
    public const string UnknownIndicator = "không phải chỉ tiêu nhận số liệu do đơn vị gửi; các chỉ tiêu: procedures.issued_by_province, procedures.simplified_after_review, procedures.published_in_full";
    public const string ValueForKindOnly = "chỉ có giá trị khi kind là VALUE_KIND_NUMBER hoặc VALUE_KIND_TEXT; \"-\" (không áp dụng) và để trống (chưa báo cáo) là kind";
    public const string CountValue = "phải là số nguyên không âm (chỉ tiêu đếm)";
    public const string TextNotAllowed = "chỉ tiêu này nhận số, không nhận văn bản";
    public const string DueBeforePeriodEnd = "hạn báo cáo không được trước ngày kết thúc kỳ (period_to)";
    public const string SubjectRequired = "phải nêu chỉ tiêu (indicator) hoặc loại bản ghi (record_kind) đơn vị phải báo cáo";
    public const string ValueNotFound = "không tìm thấy số liệu đã gửi cho chỉ tiêu, đơn vị và kỳ này";

    public static string DuplicateInImport(int first) => $"trùng khóa với bản ghi records[{first}] trong cùng một lần nhập";
}
