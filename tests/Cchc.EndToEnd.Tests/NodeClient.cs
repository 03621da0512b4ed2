using System.Diagnostics;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The Node.js department-system client in tests/grpc-js-client (@grpc/grpc-js), run as a separate process. Needs
/// `node` and `npm` on PATH: `./cchc test` installs Debian's nodejs and npm when they are missing.
/// </summary>
internal static class NodeClient
{
    public static string Directory => Path.Combine(Cchc.Testing.RepositoryPaths.Root(), "tests", "grpc-js-client");

    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>Runs <c>node {script} {arguments}</c> in the client's folder, after <c>npm ci</c> when its packages are missing.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, string arguments, params (string Name, string Value)[] environment)
    {
        await Install.WaitAsync();
        try
        {
            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")))
            {
                var install = await RunProcessAsync("npm", "ci --no-audit --no-fund", []);
                Assert.True(install.ExitCode == 0, $"npm ci failed: {install.Output}");
            }
        }
        finally
        {
            Install.Release();
        }
        return await RunProcessAsync("node", $"{script} {arguments}", environment);
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string file, string arguments, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
