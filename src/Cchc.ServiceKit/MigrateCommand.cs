using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cchc.ServiceKit;

/// <summary>
/// `&lt;service&gt; migrate`: applies a service's EF migrations (creating the database if missing) and exits.
/// Run as its own short-lived resource (AppHost) or Job (Kubernetes); a serving process never migrates.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(60);

    public static bool IsRequested(string[] args) => args is [Verb];

    /// <summary>
    /// Migrates <typeparamref name="TDbContext"/> registered as every service registers its database
    /// (<see cref="ServiceDatabase.AddServiceDatabase{TDbContext}"/>, connection string <paramref name="connectionName"/>).
    /// </summary>
    public static Task<int> RunAsync<TDbContext>(string connectionName, IEnumerable<KeyValuePair<string, string?>>? settings = null)
        where TDbContext : DbContext =>
        RunAsync<TDbContext>(b => b.AddServiceDatabase<TDbContext>(connectionName), settings);

    /// <summary>
    /// Migrates the database that <paramref name="addDatabase"/> registers, configured as usual (appsettings,
    /// environment); <paramref name="settings"/> override it.
    /// </summary>
    public static async Task<int> RunAsync<TDbContext>(Action<IHostApplicationBuilder> addDatabase,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
        where TDbContext : DbContext
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        addDatabase(builder);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var deadline = DateTime.UtcNow + ServerWait;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync();
                var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
                logger.LogInformation("{Context} is at migration {Last} ({Count} applied)", typeof(TDbContext).Name, applied.LastOrDefault(), applied.Count);
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
