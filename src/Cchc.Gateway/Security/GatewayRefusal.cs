using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Cchc.Gateway.Security;

/// <summary>Refusals the gateway answers itself, as a gRPC status for gRPC calls and as problem JSON for REST.</summary>
internal static class GatewayRefusal
{
    public static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A trailers-only gRPC response: HTTP 200, grpc-status and a percent-encoded grpc-message in the headers.</summary>
    public static async Task WriteAsync(HttpContext context, StatusCode grpcStatus, int httpStatus, string title, string message, int? retryAfterSeconds = null)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        if (IsGrpc(context))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)grpcStatus).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = PercentEncode(message);
            await context.Response.CompleteAsync();
            return;
        }
        if (httpStatus == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        await Results.Problem(title: title, detail: message, statusCode: httpStatus).ExecuteAsync(context);
    }

    /// <summary>gRPC's percent-encoding of grpc-message: printable ASCII except '%' as is, everything else %XX of UTF-8.</summary>
    private static string PercentEncode(string message)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
