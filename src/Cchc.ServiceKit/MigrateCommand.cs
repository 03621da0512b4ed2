using Cchc.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cchc.ServiceKit;

/// <summary>
/// A service's EF migrations (creating the database if missing), applied in one of two ways
/// (docs/adr/0047-services-migrate-at-start-on-one-machine.md):
/// <list type="bullet">
/// <item>`&lt;service&gt; migrate`: applies them and exits — a Kubernetes init container (k8s/) or any deployment that
/// migrates before it rolls out the serving pods;</item>
/// <item>at start, when <c>Database:MigrateAtStart</c> is true (the AppHost sets it on one machine): the serving process
/// applies them with its own services after it is built and before anything in it starts — no hosted service, no
/// listener, so nothing reads or writes the database and the service answers /health only once it is migrated.</item>
/// </list>
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(60);

    public static bool IsRequested(string[] args) => args is [Verb];

    /// <summary>Whether <see cref="StartupSettings.MigrateAtStart"/> asks the serving process to migrate before it starts.</summary>
    public static bool IsRequestedAtStart(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>(StartupSettings.MigrateAtStart);
    }

    /// <summary>
    /// Migrates <typeparamref name="TDbContext"/> registered as every service registers its database
    /// (<see cref="ServiceDatabase.AddServiceDatabase{TDbContext}"/>, connection string <paramref name="connectionName"/>).
    /// </summary>
    public static Task<int> RunAsync<TDbContext>(string connectionName, IEnumerable<KeyValuePair<string, string?>>? settings = null)
        where TDbContext : DbContext =>
        RunAsync<TDbContext>(b => b.AddServiceDatabase<TDbContext>(connectionName), settings);

    /// <summary>
    /// The verb: migrates the database that <paramref name="addDatabase"/> registers, configured as usual (appsettings,
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
        await MigrateAsync<TDbContext>(host.Services).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// At start: when <see cref="StartupSettings.MigrateAtStart"/> is true, migrates <typeparamref name="TDbContext"/> with the built
    /// (not yet started) <paramref name="host"/>'s own services — the same registration, configuration and model the
    /// service then serves with; otherwise does nothing.
    /// </summary>
    public static async Task MigrateAtStartAsync<TDbContext>(IHost host, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(host);
        if (IsRequestedAtStart(host.Services.GetRequiredService<IConfiguration>()))
        {
            await MigrateAsync<TDbContext>(host.Services, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies the migrations of <typeparamref name="TDbContext"/> resolved from <paramref name="services"/>, waiting up to
    /// a minute for a server that is still starting (57P03) or not listening yet.
    /// </summary>
    public static async Task MigrateAsync<TDbContext>(IServiceProvider services, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var deadline = DateTime.UtcNow + ServerWait;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                logger.LogInformation("{Context} is at migration {Last} ({Count} applied)", typeof(TDbContext).Name, applied.LastOrDefault(), applied.Count);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("Database not ready ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
