using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cchc.Security.Authorization;

/// <summary>Scope checks for REST/JSON endpoints (minimal APIs): 401 with a bearer challenge, or 403, as problem details in Vietnamese.</summary>
public static class HttpScopeRequirement
{
    /// <summary>Every endpoint of <paramref name="builder"/> needs a valid token with <paramref name="scope"/>.</summary>
    public static TBuilder RequireCchcScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = Caller.From(http.User);
            if (caller is null)
            {
                http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                return Results.Problem(
                    title: "Chưa xác thực",
                    detail: "thiếu mã truy cập hợp lệ: gửi tiêu đề Authorization: Bearer <access token> còn hạn, dành cho cchc-api",
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            if (!caller.HasScope(scope))
            {
                return Results.Problem(
                    title: "Không có quyền",
                    detail: $"ứng dụng {caller.ClientId} không được cấp quyền {scope}",
                    statusCode: StatusCodes.Status403Forbidden);
            }
            return await next(context);
        });
        return builder;
    }
}
