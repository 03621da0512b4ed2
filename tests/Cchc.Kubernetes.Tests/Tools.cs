using System.Diagnostics;

namespace Cchc.Kubernetes.Tests;

/// <summary>The command-line tools the tests run: kubectl (its built-in kustomize renders the overlays offline) and bash.</summary>
internal static class Tools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>`kubectl kustomize DIRECTORY`: the rendered manifests, or an exception with kubectl's error.</summary>
    public static string Kustomize(string directory) => Run(Kubectl(), ["kustomize", directory], environment: null);

    /// <summary>Runs a program and returns its standard output; a non-zero exit is an exception carrying standard error.</summary>
    public static string Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:{Environment.NewLine}{error.Result}");
        }
        return output.Result;
    }

    private static string Kubectl()
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator);
        return paths.Select(p => System.IO.Path.Combine(p, "kubectl")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "kubectl is not on PATH: the manifests are rendered with `kubectl kustomize` (install the Debian package kubectl).");
    }
}
