using Grpc.Core;

namespace Cchc.Security.Authorization;

/// <summary>The statuses security refuses with, worded (in Vietnamese) so a department system's operator can act on them.</summary>
public static class SecurityErrors
{
    public static RpcException Unauthenticated() => new(new Status(StatusCode.Unauthenticated,
        "thiếu mã truy cập hợp lệ: gửi tiêu đề authorization: Bearer <access token> do máy chủ cấp mã (token) cấp, còn hạn, dành cho cchc-api"));

    public static RpcException NoRule(string method) => new(new Status(StatusCode.PermissionDenied,
        $"phương thức {method} chưa có quy tắc phân quyền nên bị từ chối (mặc định từ chối)"));

    public static RpcException MissingScope(string clientId, string scope) => new(new Status(StatusCode.PermissionDenied,
        $"ứng dụng {clientId} không được cấp quyền {scope} cần cho thao tác này"));

    public static RpcException ForeignUnit(string clientId, string? unit, string field) => new(new Status(StatusCode.PermissionDenied,
        string.IsNullOrWhiteSpace(unit)
            ? $"{field}: thao tác trên mọi đơn vị cần quyền toàn tỉnh (đơn vị *); ứng dụng {clientId} không có quyền đó"
            : $"{field}: ứng dụng {clientId} không được ghi dữ liệu của đơn vị “{unit}”; không có gì được ghi"));

    public static RpcException ProvinceOnly(string clientId) => new(new Status(StatusCode.PermissionDenied,
        $"danh mục thủ tục hành chính là dữ liệu toàn tỉnh: chỉ ứng dụng được cấp quyền toàn tỉnh (đơn vị *) được ghi; ứng dụng {clientId} không có quyền đó"));

    public static RpcException RequestIdReused(string header, string requestId) => new(new Status(StatusCode.FailedPrecondition,
        $"{header}: mã yêu cầu “{requestId}” đã được dùng cho một yêu cầu có nội dung khác; dùng mã mới cho yêu cầu mới"));

    public static RpcException RequestIdInvalid(string header) => new(new Status(StatusCode.InvalidArgument,
        $"{header}: mã yêu cầu phải dài 1–200 ký tự ASCII in được"));
}
