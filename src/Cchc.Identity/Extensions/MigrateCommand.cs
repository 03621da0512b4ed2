using Cchc.Contracts;
using Cchc.Identity.Clients;
using Cchc.Identity.Data;
using Cchc.Identity.Units;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cchc.Identity.Extensions;

/// <summary>
/// Applies the EF migrations (creating the database if missing), then registers the clients of the registration file
/// (Identity:Clients:RegistrationFile) with their secrets (Identity:Clients:SecretsFile, generated there for clients
/// without one when Identity:Clients:GenerateMissingSecrets is true). Idempotent: a second run changes nothing unless
/// the file or a secret changed. Either as the verb `Cchc.Identity migrate`, which then exits (the Kubernetes init
/// container), or at start when <c>Database:MigrateAtStart</c> is true (the AppHost), before the service starts
/// serving (docs/adr/0047-services-migrate-at-start-on-one-machine.md).
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(60);

    public static bool IsRequested(string[] args) => args is [Verb];

    /// <summary>The verb. Uses the usual configuration (appsettings, environment); <paramref name="settings"/> override it.</summary>
    public static async Task<int> RunAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddIdentityDatabase();
        using var host = builder.Build();
        return await MigrateAndRegisterAsync(host.Services, cancellationToken);
    }

    /// <summary>
    /// At start: when <c>Database:MigrateAtStart</c> is true, migrates and registers with the built (not yet started)
    /// service's own services, and returns the verb's exit code (non-zero: the service must not start); otherwise 0.
    /// </summary>
    public static Task<int> MigrateAtStartAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<IConfiguration>().GetValue<bool>(StartupSettings.MigrateAtStart)
            ? MigrateAndRegisterAsync(host.Services, cancellationToken)
            : Task.FromResult(0);
    }

    /// <summary>
    /// The work of both: relative paths resolve as the verb resolves them (the shipped files and the secrets against the
    /// executable's folder), whichever content root the host has.
    /// </summary>
    private static async Task<int> MigrateAndRegisterAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        var options = IdentityServiceOptions.From(services.GetRequiredService<IConfiguration>());
        var contentRoot = AppContext.BaseDirectory;
        ClientRegistrationFile registration;
        UnitTree units;
        try
        {
            units = UnitTree.Load(IdentityServiceOptions.Resolve(AppContext.BaseDirectory, options.UnitTreeFile));
            registration = ClientRegistrationFile.Load(IdentityServiceOptions.Resolve(AppContext.BaseDirectory, options.Clients.RegistrationFile));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or IOException)
        {
            logger.LogError("Cannot read the registration: {Message}", ex.Message);
            return 1;
        }
        var problems = registration.Validate(units);
        if (problems.Count > 0)
        {
            logger.LogError("The client registration file has {Count} problem(s), nothing was registered:{NewLine}{Problems}",
                problems.Count, Environment.NewLine, string.Join(Environment.NewLine, problems));
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var deadline = DateTime.UtcNow + ServerWait;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                break;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                // The server may still be starting (57P03) or not listening yet: wait for it, within a deadline.
                logger.LogWarning("Database not ready ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("The identity database is at migration {Last} ({Count} applied)", applied.LastOrDefault(), applied.Count);

        var secrets = ClientSecretsFile.Load(IdentityServiceOptions.Resolve(contentRoot, options.Clients.SecretsFile));
        if (options.Issuer is { } issuer)
        {
            secrets.TokenEndpoint = new Uri(issuer, "connect/token").ToString();
        }
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ClientRegistrar>()
                .RegisterAsync(registration, secrets, options.Clients.GenerateMissingSecrets, cancellationToken);
            if (options.Issuer is not null && result.SecretsGenerated == 0 && secrets.Secrets.Count > 0)
            {
                secrets.Save(); // keeps the informative token endpoint current (a port may have changed)
            }
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError("Client registration failed: {Message}", ex.Message);
            return 1;
        }
        return 0;
    }
}
