namespace Cchc.Procedures.Api.Domain;

/// <summary>User-facing descriptions of broken rules (Vietnamese; the field name is prefixed by the caller); the common ones are the kit's.</summary>
public static class Messages
{
    public const string Required = Cchc.ServiceKit.KitMessages.Required;
    public const string CodeTooLong = Cchc.ServiceKit.KitMessages.CodeTooLong;
    public const string CodeCharacters = Cchc.ServiceKit.KitMessages.CodeCharacters;
    public const string BadDay = Cchc.ServiceKit.KitMessages.BadDay;
    public const string BadInstant = Cchc.ServiceKit.KitMessages.BadInstant;
    public const string BadEnum = Cchc.ServiceKit.KitMessages.BadEnum;
    public const string PageSize = Cchc.ServiceKit.KitMessages.PageSize;
    public const string PageToken = Cchc.ServiceKit.KitMessages.PageToken;
    public const string DueBeforeReceived = "hạn trả kết quả phải sau thời điểm tiếp nhận";
    public const string ClosedBeforeReceived = "thời điểm kết thúc hồ sơ không được trước thời điểm tiếp nhận";
    public const string ClosedAtWithoutClosure = "chỉ có giá trị khi hồ sơ đã kết thúc (RESOLVED, RETURNED, WITHDRAWN)";
    public const string StepBeforeReceived = "không được trước thời điểm tiếp nhận";
    public const string PublishedBeforeResolved = "không được trước thời điểm giải quyết";
    public const string RangeReversed = "không được trước ngày received_from";

    public static string TooLong(int max) => Cchc.ServiceKit.KitMessages.TooLong(max);

    public static string UnknownProcedure(string code) => $"thủ tục {code} không có trong danh mục";

    public static string DifferentContent(string what, string id, string field) => Cchc.ServiceKit.KitMessages.DifferentContent(what, id, field);
}
