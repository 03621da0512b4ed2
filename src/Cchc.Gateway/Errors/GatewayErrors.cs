using System.Diagnostics;
using Cchc.Gateway.Discovery;
using Cchc.Gateway.Routing;
using Cchc.Gateway.Security;
using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;

namespace Cchc.Gateway.Errors;

/// <summary>
/// The gateway's own error answers, in every environment (Development included: the developer exception page that
/// ASP.NET Core adds there never sees an exception, this middleware catches it first): a gRPC call gets a gRPC status
/// (trailers-only), anything else problem+json; both carry a correlation id (the trace id) that is also in the log
/// entry with the details. Never a stack trace, an exception type, an internal address or the request's headers.
/// Covered: unrouted requests (404 → UNIMPLEMENTED), backends that cannot be reached (502/503/504 → UNAVAILABLE),
/// unhandled exceptions (500 → INTERNAL) and any other empty error status of the gateway's own. A service's answer
/// passes unchanged, body or not (it is the service's to shape); so do the gateway's refusals, which have a body.
/// </summary>
internal static partial class GatewayErrors
{
    /// <summary>The id that ties an answer to the gateway's logs and traces: the W3C trace id, else the request id.</summary>
    public static string CorrelationId(HttpContext context) =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;

    public static void UseGatewayErrors(this WebApplication app, ServiceCatalog catalog)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayErrors).FullName!);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
            {
                LogUnhandled(logger, ex, context.Request.Method, context.Request.Path.Value ?? string.Empty, CorrelationId(context));
                if (context.Response.HasStarted)
                {
                    context.Abort();
                    return;
                }
                await WriteAsync(context, StatusCodes.Status500InternalServerError, catalog);
                return;
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the caller went away: nobody to answer
            }

            var response = context.Response;
            var forwarding = context.Features.Get<IForwarderErrorFeature>();
            var proxied = context.GetEndpoint()?.Metadata.GetMetadata<GatewayListener>() is not null;
            if (!response.HasStarted && response.StatusCode >= 400 && string.IsNullOrEmpty(response.ContentType)
                && response.ContentLength is null or 0 && (!proxied || forwarding is not null))
            {
                var status = response.StatusCode;
                if (forwarding is not null)
                {
                    LogForwardingFailed(logger, forwarding.Exception, forwarding.Error, context.Request.Path.Value ?? string.Empty, CorrelationId(context));
                    // A forwarding failure is never the request's fault as the caller can know it: YARP answers 400 when the
                    // copy of a streamed request body fails, which is also what a backend killed mid-stream looks like. As
                    // INVALID_ARGUMENT a client would give up on a valid call; UNAVAILABLE tells it to send it again (issue 17).
                    if (status is >= 400 and < 500)
                    {
                        status = StatusCodes.Status502BadGateway;
                    }
                }
                await WriteAsync(context, status, catalog);
            }
        });
    }

    private static Task WriteAsync(HttpContext context, int httpStatus, ServiceCatalog catalog)
    {
        var id = CorrelationId(context);
        var (grpcStatus, title, detail) = httpStatus switch
        {
            StatusCodes.Status404NotFound => (StatusCode.Unimplemented, "Không tìm thấy", NotFoundDetail(context, catalog)),
            StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout =>
                (StatusCode.Unavailable, "Dịch vụ tạm thời không trả lời", "dịch vụ phía sau cổng kết nối tạm thời không trả lời; thử lại sau"),
            StatusCodes.Status405MethodNotAllowed => (StatusCode.Unimplemented, "Phương thức không được hỗ trợ", "địa chỉ này không nhận phương thức HTTP đã gửi"),
            StatusCodes.Status413PayloadTooLarge => (StatusCode.ResourceExhausted, "Yêu cầu quá lớn", "nội dung yêu cầu vượt giới hạn của cổng kết nối"),
            >= 400 and < 500 => (StatusCode.InvalidArgument, "Yêu cầu không hợp lệ", "cổng kết nối không hiểu yêu cầu này"),
            _ => (StatusCode.Internal, "Lỗi nội bộ", "cổng kết nối gặp lỗi nội bộ khi xử lý yêu cầu"),
        };
        return GatewayRefusal.WriteAsync(context, grpcStatus, httpStatus, title, $"{detail} (mã tương quan {id})");
    }

    private static string NotFoundDetail(HttpContext context, ServiceCatalog catalog)
    {
        if (!GatewayRefusal.IsGrpc(context))
        {
            return "không có tài nguyên nào ở địa chỉ này trên cổng kết nối";
        }
        var path = context.Request.Path.Value ?? string.Empty;
        var service = path.Length > 1 && path.IndexOf('/', 1) is var slash and > 0 ? path[1..slash] : string.Empty;
        return catalog.IsShared(service)
            ? $"{service} có ở nhiều dịch vụ: chọn một bằng tiêu đề {GatewayRoutes.ServiceHeader}: {string.Join('|', catalog.Backends.Select(b => b.Key))}"
            : "cổng kết nối không có phương thức gRPC này; danh sách dịch vụ: server reflection (grpc.reflection.v1.ServerReflection)";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Path} (correlation id {CorrelationId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Path} failed: {Error} (correlation id {CorrelationId})")]
    private static partial void LogForwardingFailed(ILogger logger, Exception? exception, ForwarderError error, string path, string correlationId);
}
