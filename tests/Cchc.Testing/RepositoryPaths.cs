namespace Cchc.Testing;

/// <summary>The repository seen from a test's binaries: for tests that read shipped files (protos, appsettings, build outputs).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Cchc.Platform.sln, above the test binaries.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cchc.Platform.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cchc.Platform.sln not found above the test binaries.");
    }
}
