using System.Diagnostics;
using System.Text.RegularExpressions;
using Cchc.Reporting.Api.Reports.Pages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Http;

/// <summary>
/// What a caller sees when a request fails, in every environment. The AppHost runs the services in Development, where
/// ASP.NET Core puts its developer exception page (stack trace, source lines, the request's headers and cookies) in
/// front of the pipeline; <see cref="UseErrorResponses"/> goes first in the application's pipeline, so every exception
/// is answered here before that page could see it. People (paths under <c>/reports</c>) get a Vietnamese page, programs
/// get <c>application/problem+json</c>; both carry the request's trace id as the correlation id, and nothing else —
/// the exception, SQL and headers go to the logs and traces (<see cref="ExceptionResponder"/> logs the exception with the
/// id and records it on the request's span: since .NET 10 the middleware no longer logs what a handler handled).
/// Responses left without a body (an unknown path, a wrong method) get the same treatment.
/// </summary>
public static partial class ErrorResponses
{
    /// <summary>The problem details member with the correlation id (the W3C trace id of the request).</summary>
    public const string CorrelationIdMember = "traceId";

    private const string PagesPrefix = "/reports";

    public static IServiceCollection AddErrorResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Title ??= TitleOf(context.ProblemDetails.Status ?? StatusCodes.Status500InternalServerError);
            context.ProblemDetails.Extensions[CorrelationIdMember] = CorrelationId(context.HttpContext);
        });
        services.AddExceptionHandler<ExceptionResponder>();
        return services;
    }

    /// <summary>First in the pipeline: exceptions and body-less error statuses become a Vietnamese page or problem+json.</summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, detail: null));
        return app;
    }

    /// <summary>The id a person quotes to an operator, who finds the request's logs and trace by it.</summary>
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    internal static async Task WriteAsync(HttpContext context, int status, string? detail, string? parameter = null)
    {
        var correlationId = CorrelationId(context);
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments(PagesPrefix))
        {
            var message = (detail ?? MessageOf(status)) + $" Mã tham chiếu: {correlationId}.";
            await HtmlPage.Error(TitleOf(status), message, status).ExecuteAsync(context);
            return;
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = parameter is null
                ? new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail ?? MessageOf(status) }
                : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [detail ?? MessageOf(status)] })
                {
                    Status = status, Title = "Tham số không hợp lệ", Detail = detail ?? MessageOf(status),
                },
        });
    }

    internal static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Yêu cầu không hợp lệ",
        StatusCodes.Status401Unauthorized => "Chưa xác thực",
        StatusCodes.Status403Forbidden => "Không có quyền",
        StatusCodes.Status404NotFound => "Không tìm thấy",
        StatusCodes.Status405MethodNotAllowed => "Phương thức không được hỗ trợ",
        StatusCodes.Status413PayloadTooLarge => "Yêu cầu quá lớn",
        StatusCodes.Status414UriTooLong => "Địa chỉ yêu cầu quá dài",
        < 500 => "Yêu cầu không được chấp nhận",
        StatusCodes.Status503ServiceUnavailable => "Dịch vụ tạm thời không sẵn sàng",
        _ => "Lỗi hệ thống",
    };

    private static string MessageOf(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Không có trang hoặc tài nguyên ở địa chỉ này.",
        StatusCodes.Status405MethodNotAllowed => "Địa chỉ này không nhận phương thức HTTP đã dùng.",
        < 500 => "Yêu cầu không hợp lệ.",
        _ => "Hệ thống gặp lỗi khi xử lý yêu cầu; chi tiết đã được ghi lại. Vui lòng thử lại sau hoặc báo cho bộ phận vận hành kèm mã tham chiếu.",
    };

    /// <summary>Answers every exception: the status of a bad request (400, 413…) or 500, never its text; logs and traces it.</summary>
    private sealed class ExceptionResponder(ILogger<ExceptionResponder> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            var level = status >= StatusCodes.Status500InternalServerError ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, exception, "{Method} {Path} failed with {Status}; correlation id {CorrelationId}",
                httpContext.Request.Method, httpContext.Request.Path.Value, status, CorrelationId(httpContext));
            if (status >= StatusCodes.Status500InternalServerError && Activity.Current is { } activity)
            {
                activity.AddException(exception);
                activity.SetStatus(ActivityStatusCode.Error);
            }
            var binding = BindingFailure(exception);
            await WriteAsync(httpContext, status, binding?.Detail, binding?.Parameter);
            return true;
        }
    }

    /// <summary>
    /// A query or route value that does not convert to its parameter's type (<c>pageSize=abc</c>, <c>version=x</c>): the
    /// framework's own message names the parameter in English; the caller gets it named in Vietnamese, with the value it sent.
    /// </summary>
    internal static (string Parameter, string Detail)? BindingFailure(Exception exception)
    {
        if (exception is not BadHttpRequestException || BindFailure().Match(exception.Message) is not { Success: true } match)
        {
            return null;
        }
        var type = match.Groups["type"].Value.TrimEnd('?');
        var expected = type is "int" or "long" or "short" ? "một số nguyên" : type is "decimal" or "double" ? "một số" : type is "bool" ? "true hoặc false" : $"kiểu {type}";
        var (name, value) = (match.Groups["name"].Value, match.Groups["value"].Value);
        return (name, $"{name}: giá trị '{(value.Length > 100 ? value[..100] + "…" : value)}' không hợp lệ, phải là {expected}.");
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();
}
