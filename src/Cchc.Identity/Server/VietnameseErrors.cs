using System.Text.RegularExpressions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Cchc.Identity.Server;

/// <summary>
/// Token endpoint errors stay standard OAuth2 JSON (<c>error</c>, <c>error_description</c>, <c>error_uri</c>), with the
/// description in Vietnamese for the people who read it (operators of department systems). A scope the client was not
/// granted is reported as <c>invalid_scope</c> (RFC 6749 §5.2) rather than OpenIddict's <c>invalid_request</c>.
/// </summary>
public sealed partial class VietnameseErrors : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    /// <summary>OpenIddict's error id for "This client application is not allowed to use the specified scope".</summary>
    private const string ScopeNotPermittedId = "ID2051";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<VietnameseErrors>()
            // Just before the ASP.NET Core host writes the JSON response (after OpenIddict's own error handling).
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<ApplyTokenResponseContext>.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (string.IsNullOrEmpty(response.Error))
        {
            return ValueTask.CompletedTask;
        }

        if (response.Error == Errors.InvalidRequest && response.ErrorUri?.Contains(ScopeNotPermittedId, StringComparison.Ordinal) == true)
        {
            response.Error = Errors.InvalidScope;
        }
        response.ErrorDescription = Describe(response.Error, response.ErrorDescription);
        return ValueTask.CompletedTask;
    }

    internal static string Describe(string error, string? original)
    {
        var parameter = original is null ? null : QuotedName().Match(original) is { Success: true } m ? m.Groups[1].Value : null;
        return error switch
        {
            Errors.InvalidClient =>
                "Không xác thực được hệ thống gọi: client_id chưa được đăng ký hoặc client_secret không đúng.",
            Errors.InvalidScope =>
                "Phạm vi (scope) yêu cầu không tồn tại hoặc chưa được cấp cho hệ thống này.",
            Errors.UnsupportedGrantType =>
                "Loại cấp quyền (grant_type) không được hỗ trợ: dịch vụ chỉ cấp token theo grant_type=client_credentials.",
            Errors.UnauthorizedClient =>
                "Hệ thống này không được phép nhận token theo cách yêu cầu.",
            Errors.InvalidRequest when parameter is not null =>
                $"Yêu cầu cấp token không hợp lệ: tham số '{parameter}' bị thiếu hoặc sai.",
            Errors.InvalidRequest =>
                "Yêu cầu cấp token không hợp lệ: cần POST dạng form với grant_type=client_credentials, client_id, client_secret và scope (tùy chọn).",
            Errors.ServerError or Errors.TemporarilyUnavailable =>
                "Dịch vụ cấp token tạm thời gặp lỗi; vui lòng thử lại sau.",
            _ => "Yêu cầu cấp token bị từ chối.",
        };
    }

    [GeneratedRegex("'([a-z_]+)'")]
    private static partial Regex QuotedName();
}
