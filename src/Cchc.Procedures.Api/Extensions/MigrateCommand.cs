using Cchc.Procedures.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cchc.Procedures.Api.Extensions;

/// <summary>
/// `Cchc.Procedures.Api migrate`: applies the EF migrations (creating the database if missing) and exits.
/// Run as its own short-lived resource (AppHost) or Job (Kubernetes); a serving process never migrates.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(60);

    public static bool IsRequested(string[] args) => args is [Verb];

    /// <summary>Migrates the database named by the usual configuration (appsettings, environment); <paramref name="settings"/> override it.</summary>
    public static async Task<int> RunAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddProceduresDatabase();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDbContext>();
        var deadline = DateTime.UtcNow + ServerWait;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync();
                var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
                logger.LogInformation("The procedures database is at migration {Last} ({Count} applied)", applied.LastOrDefault(), applied.Count);
                return 0;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                // The server may still be starting (57P03) or not listening yet: wait for it, within a deadline.
                logger.LogWarning("Database not ready ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
