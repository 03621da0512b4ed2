using System.Threading.RateLimiting;
using Cchc.Security;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;

namespace Cchc.Gateway.Security;

/// <summary>
/// The gateway's controls, in this order: token validation (Cchc.Security, the same code as the services), per-client
/// rate limiting, then refusal of protected calls without a valid token (UNAUTHENTICATED / 401) and of oversized gRPC
/// messages (RESOURCE_EXHAUSTED). The Authorization header is forwarded: every service checks the token again.
/// </summary>
internal static class GatewaySecurity
{
    public static void AddGatewaySecurity(this WebApplicationBuilder builder, GatewayOptions options)
    {
        builder.AddCchcAuthentication();
        var limits = options.RateLimit;
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!limits.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                var kind = GatewayAccess.Classify(context);
                var client = kind == AccessKind.Protected ? Caller.From(context.User)?.ClientId : null;
                var key = kind switch
                {
                    AccessKind.Unrouted or AccessKind.Open => null,
                    AccessKind.Protected when client is not null => "client:" + client,
                    _ => "address:" + context.Connection.RemoteIpAddress,
                };
                if (key is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                var (tokenLimit, tokensPerPeriod, period) = limits.QuotaOf(client);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = tokenLimit,
                    TokensPerPeriod = tokensPerPeriod,
                    ReplenishmentPeriod = period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var who = Caller.From(context.User)?.ClientId ?? context.Connection.RemoteIpAddress?.ToString() ?? "?";
                var (_, perPeriod, period) = limits.QuotaOf(Caller.From(context.User)?.ClientId);
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : period;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                await GatewayRefusal.WriteAsync(context, StatusCode.ResourceExhausted, StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu",
                    $"{who} đã gửi quá nhiều yêu cầu (giới hạn {perPeriod} yêu cầu mỗi {period.TotalSeconds:0.#} giây); thử lại sau {seconds} giây", seconds);
            };
        });
    }

    public static void UseGatewaySecurity(this WebApplication app, GatewayOptions options)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (GatewayAccess.Classify(context) != AccessKind.Protected)
            {
                await next(context);
                return;
            }
            if (context.User.Identity is not { IsAuthenticated: true })
            {
                await GatewayRefusal.WriteAsync(context, StatusCode.Unauthenticated, StatusCodes.Status401Unauthorized, "Chưa xác thực",
                    "thiếu mã truy cập hợp lệ: gửi tiêu đề authorization: Bearer <access token> còn hạn, đúng chữ ký của máy chủ cấp mã, dành cho cchc-api");
                return;
            }
            if (!GatewayRefusal.IsGrpc(context))
            {
                await next(context);
                return;
            }
            var limited = await GrpcMessageLimitStream.StartAsync(context.Request.Body, options.MaxGrpcMessageBytes, context.RequestAborted);
            if (limited is null)
            {
                await RefuseOversizedAsync(context, options);
                return;
            }
            context.Request.Body = limited;
            await next(context);
            if (limited.Exceeded)
            {
                await RefuseOversizedAsync(context, options);
            }
        });
    }

    private static Task RefuseOversizedAsync(HttpContext context, GatewayOptions options) =>
        GatewayRefusal.WriteAsync(context, StatusCode.ResourceExhausted, StatusCodes.Status413PayloadTooLarge, "Yêu cầu quá lớn",
            $"một thông điệp gRPC vượt giới hạn {options.MaxGrpcMessageBytes} byte của cổng kết nối; chia nhỏ lô dữ liệu (ví dụ ImportDossierBatches với lô nhỏ hơn)");
}
