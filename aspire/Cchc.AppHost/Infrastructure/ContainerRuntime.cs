using System.ComponentModel;
using System.Diagnostics;

namespace Cchc.AppHost.Infrastructure;

/// <summary>Whether a container engine answers: <c>docker info</c> (or the runtime in ASPIRE_CONTAINER_RUNTIME) exits 0 in time.</summary>
internal static class ContainerRuntime
{
    public static bool Answers(string runtime, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // no such binary
        }
    }
}
