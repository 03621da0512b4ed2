using Grpc.Core;

namespace Cchc.Cli.Commands;

/// <summary>A failure to report to the operator as a message (exit code 1), without a stack trace.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);

/// <summary>Runs a command's work and turns failures into a message on stderr and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (CommandFailedException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
        }
        catch (TokenRequestException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync($"error: gRPC call failed: {e.StatusCode}: {e.Status.Detail}");
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: HTTP request failed: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled.");
        }
        return 1;
    }
}
