namespace Cchc.Gateway.Tests;

/// <summary>Where the repository and the shipped build outputs are, seen from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot() => Cchc.Testing.RepositoryPaths.Root();

    /// <summary>The build configuration these tests were built in (Release under ./cchc test), from bin/{configuration}/{tfm}/.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>A project's own build output folder (its executable, runtimeconfig and appsettings.json).</summary>
    public static string OutputOf(string project) =>
        Path.Combine(RepositoryRoot(), "src", project, "bin", Configuration, "net10.0");
}
