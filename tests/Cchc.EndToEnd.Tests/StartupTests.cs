using Cchc.Contracts;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// How the AppHost starts the suite's projects (docs/adr/0046-projects-start-from-their-built-executables.md): each from its
/// built executable in its own folder, with only its own arguments — never through <c>dotnet run</c>, whose MSBuild
/// evaluation cost 3–4 CPU seconds per process at every start.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class StartupTests(SuiteFixture suite)
{
    public static TheoryData<string, string, string> Projects => new()
    {
        { ResourceNames.ProceduresApi, "Cchc.Procedures.Api", "" },
        { ResourceNames.ProceduresMigrator, "Cchc.Procedures.Api", "migrate" },
        { ResourceNames.ReportingApi, "Cchc.Reporting.Api", "" },
        { ResourceNames.ReportingMigrator, "Cchc.Reporting.Api", "migrate" },
        { ResourceNames.IntegrationApi, "Cchc.Integration.Api", "" },
        { ResourceNames.Identity, "Cchc.Identity", "" },
        { ResourceNames.IdentityMigrator, "Cchc.Identity", "migrate" },
        { ResourceNames.Gateway, "Cchc.Gateway", "" },
        { ResourceNames.NationalSimulator, "Cchc.NationalSimulator", "" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void AProject_RunsFromItsBuiltExecutable_WithOnlyItsOwnArguments(string resource, string executable, string arguments)
    {
        var path = Assert.IsType<string>(suite.ResourceProperty(resource, "executable.path"));
        Assert.Equal(executable + (OperatingSystem.IsWindows() ? ".exe" : string.Empty), Path.GetFileName(path));
        Assert.True(File.Exists(path), $"{resource} runs {path}, which does not exist");
        Assert.Equal("net10.0", Path.GetFileName(Path.GetDirectoryName(path)));

        var workDir = Assert.IsType<string>(suite.ResourceProperty(resource, "executable.workDir"));
        Assert.True(File.Exists(Path.Combine(workDir, executable + ".csproj")), $"{resource} works in {workDir}, not its project's folder");

        var args = suite.ResourceProperty(resource, "executable.args") switch
        {
            null => string.Empty,
            System.Collections.IEnumerable values and not string => string.Join(' ', values.Cast<object>()),
            var value => value.ToString() ?? string.Empty,
        };
        Assert.Equal(arguments, args);
    }
}
