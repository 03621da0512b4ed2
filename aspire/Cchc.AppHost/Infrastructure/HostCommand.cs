using System.Diagnostics;

namespace Cchc.AppHost.Infrastructure;

/// <summary>Runs a short setup command (initdb, chown) before the model is built; throws with its output on failure.</summary>
internal static class HostCommand
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Wraps a command so it runs as user <c>postgres</c> when we are root (PostgreSQL refuses root).</summary>
    public static (string Command, string[] Arguments) AsPostgresUser(string command, params string[] arguments) =>
        IsRoot
            ? ("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", command, .. arguments])
            : (command, arguments);

    public static void Run(string command, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', info.ArgumentList)}' exited with code {process.ExitCode}:{Environment.NewLine}{stdout.Result}{stderr.Result}");
        }
    }
}
