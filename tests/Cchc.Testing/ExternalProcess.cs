using System.Diagnostics;
using System.Text;

namespace Cchc.Testing;

/// <summary>Runs a short-lived command to completion, capturing its output; throws with that output when it fails.</summary>
public static class ExternalProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<string> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        bool throwOnError = true,
        string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new TimeoutException($"{Describe(fileName, psi.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s.");
            }
        }

        // A daemon started by the command may keep the pipes open: do not wait for EOF forever.
        var output = new StringBuilder();
        if (await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false) is Task<string[]> { IsCompletedSuccessfully: true } both)
        {
            output.Append(both.Result[0]).Append(both.Result[1]);
        }
        else if (stdout.IsCompletedSuccessfully)
        {
            output.Append(stdout.Result);
        }

        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Describe(fileName, psi.ArgumentList)} exited with code {process.ExitCode}:{Environment.NewLine}{output}");
        }
        return output.ToString();
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        $"'{fileName} {string.Join(' ', arguments)}'";
}
