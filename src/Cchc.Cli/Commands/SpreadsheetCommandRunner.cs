using Cchc.Cli.Auth;
using Cchc.Cli.Import;
using Cchc.Cli.Spreadsheets;
using Grpc.Core;

namespace Cchc.Cli.Commands;

/// <summary>Runs login/import/validate/template/export and turns each failure into a Vietnamese message and its exit code (<see cref="ExitCodes"/>).</summary>
internal static class SpreadsheetCommandRunner
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is CommandFailedException or SpreadsheetException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"lỗi: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (NotLoggedInException e)
        {
            await error.WriteLineAsync($"lỗi: {e.Message}");
            return ExitCodes.NotAuthorized;
        }
        catch (ImportAbortedException e)
        {
            await error.WriteLineAsync($"lỗi: {e.Message}");
            return e.ExitCode;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            await error.WriteLineAsync($"lỗi: dịch vụ từ chối ({e.StatusCode}): {e.Status.Detail}; kiểm tra quyền của ứng dụng hoặc chạy \"cchc login\" lại");
            return ExitCodes.NotAuthorized;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            await error.WriteLineAsync($"lỗi: không kết nối được cổng API ({e.Status.Detail})");
            return ExitCodes.Unavailable;
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync($"lỗi: gọi dịch vụ không thành công ({e.StatusCode}): {e.Status.Detail}");
            return ExitCodes.Failed;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"lỗi: không kết nối được ({e.Message})");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("đã dừng theo yêu cầu.");
            return ExitCodes.Interrupted;
        }
    }
}
