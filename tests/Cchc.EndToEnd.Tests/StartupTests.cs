using Cchc.Contracts;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// How the AppHost starts the suite's projects (docs/adr/0046-projects-start-from-their-built-executables.md): each from its
/// built executable in its own folder, with only its own arguments — never through <c>dotnet run</c>, whose MSBuild
/// evaluation cost 3–4 CPU seconds per process at every start; and every service with a database migrates it as it
/// starts, with no migrator process of its own (docs/adr/0047-services-migrate-at-start-on-one-machine.md).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class StartupTests(SuiteFixture suite)
{
    public static TheoryData<string, string, string> Projects => new()
    {
        { ResourceNames.ProceduresApi, "Cchc.Procedures.Api", "" },
        { ResourceNames.ReportingApi, "Cchc.Reporting.Api", "" },
        { ResourceNames.IntegrationApi, "Cchc.Integration.Api", "" },
        { ResourceNames.Identity, "Cchc.Identity", "" },
        { ResourceNames.Gateway, "Cchc.Gateway", "" },
        { ResourceNames.NationalSimulator, "Cchc.NationalSimulator", "" },
    };

    /// <summary>Every service with a database and the migrator a cluster runs for it (k8s/: the <c>migrate</c> verb as an init step).</summary>
    public static TheoryData<string, string> DatabaseServices => new()
    {
        { ResourceNames.ProceduresApi, ResourceNames.ProceduresMigrator },
        { ResourceNames.LegalApi, ResourceNames.LegalMigrator },
        { ResourceNames.OrganisationApi, ResourceNames.OrganisationMigrator },
        { ResourceNames.FinanceApi, ResourceNames.FinanceMigrator },
        { ResourceNames.EgovApi, ResourceNames.EgovMigrator },
        { ResourceNames.ProgrammeApi, ResourceNames.ProgrammeMigrator },
        { ResourceNames.IntegrationApi, ResourceNames.IntegrationMigrator },
        { ResourceNames.ReportingApi, ResourceNames.ReportingMigrator },
        { ResourceNames.Identity, ResourceNames.IdentityMigrator },
    };

    /// <summary>
    /// What each project waits for before the AppHost starts it (docs/adr/0048-start-up-critical-path.md): the server its
    /// start needs (PostgreSQL, to migrate), nothing else — not the broker (MassTransit connects when it answers), not the
    /// token service (read at the first token), not the adapter's peers; the gateway for nothing (its health is its backends', the token service's and the simulator's).
    /// </summary>
    public static TheoryData<string, string[]> StartsAfter => new()
    {
        { ResourceNames.Identity, [ResourceNames.Postgres] },
        { ResourceNames.ProceduresApi, [ResourceNames.Postgres] },
        { ResourceNames.ReportingApi, [ResourceNames.Postgres] },
        { ResourceNames.IntegrationApi, [ResourceNames.Postgres] },
        { ResourceNames.NationalSimulator, [] },
        { ResourceNames.Gateway, [] },
    };

    [Theory]
    [MemberData(nameof(StartsAfter))]
    public void AProject_WaitsOnlyForWhatItsStartNeeds(string resource, string[] waitsFor) =>
        Assert.Equal(waitsFor.Order(StringComparer.Ordinal), suite.WaitsFor(resource).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DatabaseServices))]
    public void AServiceWithADatabase_MigratesItAtStart_WithNoMigratorProcess(string resource, string migrator)
    {
        Assert.Equal("true", suite.ResourceEnvironment(resource, StartupSettings.MigrateAtStartVariable));
        // A service with a bus waits for the broker's port before it starts; the token service has none.
        Assert.Equal(resource == ResourceNames.Identity ? null : "true", suite.ResourceEnvironment(resource, StartupSettings.WaitForBrokerAtStartVariable));
        Assert.True(suite.HasResource(resource));
        Assert.False(suite.HasResource(migrator), $"{migrator} is still a resource of the AppHost");
    }

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
