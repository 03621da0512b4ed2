namespace Cchc.Testing;

/// <summary>
/// tests/grpc-js-client: a department system that is not .NET (Node's @grpc/grpc-js and the published protos). Its
/// packages are installed once (<c>npm ci</c>, under a machine-wide lock: test projects run in parallel and would
/// otherwise install into the same folder at once); then scripts run with <c>node</c>.
/// </summary>
public static class GrpcJsClient
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>tests/grpc-js-client of this checkout.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root(), "tests", "grpc-js-client");

    /// <summary>Runs <c>npm ci</c> unless the packages are installed.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InProcess.WaitAsync();
        try
        {
            using var machineWide = await LockAsync(Path.Combine(Path.GetTempPath(), "cchc-grpc-js-client.lock"));
            if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json")))
            {
                return;
            }
            await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), workingDirectory: Folder);
        }
        finally
        {
            InProcess.Release();
        }
    }

    /// <summary>Runs <c>node SCRIPT ARGS…</c> in the client's folder and returns its output; throws with the output when it fails.</summary>
    public static async Task<string> NodeAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        await EnsureInstalledAsync();
        return await ExternalProcess.RunAsync("node", [script, .. arguments], TimeSpan.FromMinutes(3), environment, workingDirectory: Folder);
    }

    /// <summary>An exclusive lock on <paramref name="path"/>, held until disposed (waits while another process holds it).</summary>
    private static async Task<FileStream> LockAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
