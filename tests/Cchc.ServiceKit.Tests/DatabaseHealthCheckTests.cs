using Cchc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cchc.ServiceKit.Tests;

[Collection(SqlCollection.Name)] // its span recorder is process-wide: no other test's SQL beside it
public sealed class DatabaseHealthCheckTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task TheDatabaseHealthCheck_QueriesTheDatabase_AndLeavesNoTrace()
    {
        // Health runs every few seconds outside any traced request: each check's SQL would be a root trace of its own.
        var connectionString = await postgres.CreateDatabaseAsync("health_check");
        await using var app = SampleServices.Plain.Build(SampleServices.ArgsFor(connectionString));
        using var spans = new SpanRecorder();

        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == SampleServices.Database);

        Assert.Equal(HealthStatus.Healthy, report.Entries[SampleServices.Database].Status);
        Assert.True(spans.NpgsqlSpansAsked > 0, "the check should have run SQL through Npgsql");
        Assert.DoesNotContain(spans.Recorded, s => s.Source.Name == "Npgsql");
    }
}
