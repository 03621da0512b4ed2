using System.Reflection;

namespace Cchc.AppHost.Extensions;

/// <summary>
/// Every project of the suite is started from its built executable, not through <c>dotnet run --project … --no-build</c>
/// (Aspire's default for a project resource). <c>./cchc run</c> and the test hosts build the solution first, so that
/// launcher only evaluated each project with MSBuild again to find the same file: 3–4 CPU seconds per process, 20
/// processes per start (the migrators included), about a third of the CPU a start-up took on a 2-core machine
/// (docs/adr/0046-projects-start-from-their-built-executables.md, docs/benchmarks.md "Start-up").
/// </summary>
internal static class BuiltProjectExtensions
{
    /// <summary>The AppHost's own build configuration: the solution builds every project in it.</summary>
    private static readonly string Configuration =
        typeof(BuiltProjectExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// <c>AddProject</c> with no launch profile and no Kestrel endpoints from the project's appsettings.json (endpoints and
    /// settings come only from the AppHost), started from <c>bin/&lt;configuration&gt;/net10.0/&lt;project&gt;</c> in the
    /// project's folder. Where that file does not exist (a project not built in the AppHost's configuration), Aspire's
    /// <c>dotnet run</c> starts it as before.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddBuiltProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name, options =>
        {
            options.ExcludeLaunchProfile = true;
            options.ExcludeKestrelEndpoints = true;
        });
        var projectPath = new TProject().ProjectPath;
        if (BuiltExecutable(projectPath) is { } executable)
        {
            // A project resource with a command of its own is launched as that command with the resource's arguments
            // (Aspire's ProjectExecutableLaunchRecipe), in the project's folder as dotnet run would (content root).
            project.WithAnnotation(new ExecutableAnnotation
            {
                Command = executable,
                WorkingDirectory = Path.GetDirectoryName(projectPath)!,
            }, ResourceAnnotationMutationBehavior.Replace);
        }
        return project;
    }

    /// <summary>The project's built executable (the SDK's native app host), or null when it is not there.</summary>
    internal static string? BuiltExecutable(string projectPath)
    {
        var folder = Path.GetDirectoryName(projectPath);
        if (folder is null)
        {
            return null;
        }
        var name = Path.GetFileNameWithoutExtension(projectPath) + (OperatingSystem.IsWindows() ? ".exe" : string.Empty);
        var path = Path.Combine(folder, "bin", Configuration, "net10.0", name);
        return File.Exists(path) ? path : null;
    }
}
