using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.Security.Audit;
using Cchc.Security.Authorization;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Cchc.ServiceKit.Hosting.Republishing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Cchc.ServiceKit.Hosting;

/// <summary>
/// A domain service: what is its own (its database, rules, APIs and domain registrations). Everything every domain
/// service has comes from here, in one place: the <c>migrate</c> verb and migrating at start, the service defaults
/// (telemetry, health, reflection), the Npgsql database and its health check, messaging with the outbox relay (and the
/// local copy of the unit reference data when <see cref="KeepsUnitReference"/>), security (token validation, the rule
/// table, audit, idempotency), the gRPC interceptors in their one order (<see cref="DomainInterceptors"/>), the clock,
/// and the mapping of the service's gRPC services, the audit API, the unit reference API and the default endpoints.
/// </summary>
/// <remarks>
/// A service's Program.cs is <c>return await MyService.Definition.RunAsync(args);</c>. The model of
/// <typeparamref name="TDbContext"/> must call <c>AddOutbox()</c>, <c>AddAuditLog()</c> and <c>AddIdempotency()</c>,
/// plus <c>AddInbox()</c> when it consumes events and <c>AddUnitReference()</c> when it keeps the unit reference data;
/// the template checks this at start.
/// </remarks>
public sealed class DomainService<TDbContext> where TDbContext : DbContext
{
    /// <summary>Its database: the name of the connection string (<c>ConnectionStrings:{Database}</c>) and of the health check.</summary>
    public required string Database { get; init; }

    /// <summary>Its rule table: a rule for every RPC it serves (the audit API's and, with the unit reference, the status API's are added).</summary>
    public required Action<GrpcRuleTableBuilder> AccessRules { get; init; }

    /// <summary>Maps its gRPC services (<c>app.MapGrpcService&lt;T&gt;()</c> for each).</summary>
    public required Action<IEndpointRouteBuilder> GrpcServices { get; init; }

    /// <summary>
    /// Keeps the local copy of the organisation registry's dated units (docs/adr/0009-unit-reference-data.md): its
    /// UnitsChanged consumer on the service's own queue, <see cref="IUnitReference"/> for write paths, and
    /// cchc.reference.v1.UnitReference/GetStatus with its rule.
    /// </summary>
    public bool KeepsUnitReference { get; init; }

    /// <summary>
    /// Locks the periods the Department approved (docs/adr/0029-period-lock-in-the-template.md): the reporting service's
    /// PeriodApproved / PeriodApprovalWithdrawn kept in the service's period_locks (its own queue, "&lt;service&gt;-period-locks"),
    /// and <see cref="PeriodLocks.IPeriodLock"/> for its write paths, which call it with the days of the facts they write.
    /// The model needs <c>AddInbox()</c> and <c>AddPeriodLocks()</c>.
    /// </summary>
    public bool LocksApprovedPeriods { get; init; }

    /// <summary>
    /// Re-publishes the service's current state when the reporting service rebuilds its read model
    /// (docs/adr/0040-rebuilding-the-read-model.md): a type implementing <see cref="IFactRepublisher"/>, resolved per
    /// request with the service's DbContext. The template then consumes RebuildRequested on the service's own queue
    /// ("&lt;service&gt;-rebuild") and writes the pages and the FactsRepublished marker to the outbox. The model needs
    /// <c>AddInbox()</c>. Null (the default): the service publishes no facts, nothing is registered.
    /// </summary>
    public Type? Republish { get; init; }

    /// <summary>Its own registrations (domain services, options), after the template's.</summary>
    public Action<IHostApplicationBuilder>? Services { get; init; }

    /// <summary>Consumers of its own (their model needs the inbox), beside the unit reference data's.</summary>
    public Action<IBusRegistrationConfigurator>? Consumers { get; init; }

    /// <summary>
    /// HTTP endpoints of its own (e.g. an integration adapter's callbacks), mapped after the gRPC services: they are
    /// served on the service's <c>http</c> endpoint (HTTP/1.1). Authentication runs for them; authorise them
    /// explicitly (<c>RequireAuthorization</c>), the gRPC rule table does not cover them.
    /// </summary>
    public Action<WebApplication>? HttpEndpoints { get; init; }

    /// <summary>
    /// The service's entry point: with the single argument <c>migrate</c>, applies its migrations and exits (the
    /// Kubernetes init container); otherwise serves until stopped — first applying its migrations when
    /// <c>Database:MigrateAtStart</c> is true (the AppHost, docs/adr/0047-services-migrate-at-start-on-one-machine.md) and
    /// waiting for the broker's port when <c>Messaging:WaitForBrokerAtStart</c> is (the AppHost, docs/adr/0048).
    /// </summary>
    public async Task<int> RunAsync(string[] args)
    {
        if (MigrateCommand.IsRequested(args))
        {
            return await MigrateAsync().ConfigureAwait(false);
        }
        var app = Build(args);
        await MigrateCommand.MigrateAtStartAsync<TDbContext>(app).ConfigureAwait(false);
        await BrokerWait.WaitAtStartAsync(app).ConfigureAwait(false);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// The <c>migrate</c> verb: applies the migrations of <typeparamref name="TDbContext"/> (creating the database if
    /// missing), configured as usual (appsettings, environment); <paramref name="settings"/> override it.
    /// </summary>
    public Task<int> MigrateAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        MigrateCommand.RunAsync<TDbContext>(Database, settings);

    /// <summary>The serving application, built and mapped but not started.</summary>
    public WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddTo(builder);
        var app = builder.Build();
        MapTo(app);
        return app;
    }

    /// <summary>Every registration of a domain service, then the service's own.</summary>
    public void AddTo(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults();

        builder.AddServiceDatabase<TDbContext>(Database);
        // The check runs every few seconds from outside a traced request (health is not traced): its SELECT 1 would be
        // a root trace of its own each time, as the relay's polls were (docs/operations.md, "Watching").
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(Database, customTestQuery: static async (db, ct) =>
        {
            using (SuppressInstrumentationScope.Begin())
            {
                return await db.Database.CanConnectAsync(ct).ConfigureAwait(false);
            }
        });

        builder.AddCchcMessaging(bus =>
        {
            if (KeepsUnitReference)
            {
                bus.AddUnitReference<TDbContext>();
            }
            if (LocksApprovedPeriods)
            {
                bus.AddConsumer<PeriodApprovalConsumer<TDbContext>, PeriodApprovalConsumerDefinition<TDbContext>>();
            }
            if (Republish is not null)
            {
                bus.AddConsumer<RebuildRequestedConsumer<TDbContext>, RebuildRequestedConsumerDefinition<TDbContext>>();
            }
            Consumers?.Invoke(bus);
        });
        if (Republish is not null)
        {
            if (!typeof(IFactRepublisher).IsAssignableFrom(Republish) || Republish.IsAbstract)
            {
                throw new InvalidOperationException($"Republish must name a class implementing {nameof(IFactRepublisher)}; {Republish.Name} does not.");
            }
            builder.Services.AddScoped(typeof(IFactRepublisher), Republish);
        }
        if (LocksApprovedPeriods)
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddScoped<IPeriodLock>(sp => ActivatorUtilities.CreateInstance<PeriodLock<TDbContext>>(sp, ServiceName));
        }
        builder.Services.AddOutboxRelay<TDbContext>();

        builder.AddCchcGrpcSecurity<TDbContext>(RuleTable);
        builder.Services.AddDefaultGrpc(DomainInterceptors.Add);
        builder.Services.AddCchcInputGuard(); // tolerant request parsing, so the guard can refuse what does not parse
        builder.Services.TryAddSingleton(TimeProvider.System);

        Services?.Invoke(builder);
    }

    /// <summary>
    /// The service's whole rule table as the template registers it: the definition's <see cref="AccessRules"/> and,
    /// when it keeps the unit reference data, the rule of its status (tests compare it with the contract's declarations).
    /// </summary>
    public void RuleTable(GrpcRuleTableBuilder rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        AccessRules(rules);
        if (KeepsUnitReference)
        {
            rules.UnitReferenceRules();
        }
    }

    /// <summary>The service's short name ("egov" for EgovDbContext), as the events of its corrections name it.</summary>
    public static string ServiceName { get; } = SnakeCaseNames.ToSnakeCase(
        typeof(TDbContext).Name.EndsWith("DbContext", StringComparison.Ordinal) ? typeof(TDbContext).Name[..^"DbContext".Length] : typeof(TDbContext).Name)
        .Replace('_', '-');

    /// <summary>Checks the model against the definition, then maps every API: security's, the service's, the unit reference's, its HTTP endpoints, the defaults.</summary>
    public void MapTo(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        EnsureModelFits(app.Services);
        app.UseCchcGrpcSecurity(); // authentication (the security interceptor reads its result) and cchc.audit.v1
        GrpcServices(app);
        if (KeepsUnitReference)
        {
            app.MapUnitReference();
        }
        HttpEndpoints?.Invoke(app);
        app.MapDefaultEndpoints();
    }

    /// <summary>Fails at start, naming the call that is missing, when the model lacks a table the template uses.</summary>
    private void EnsureModelFits(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<TDbContext>().Model;
        List<(Type Entity, string Call)> needed =
        [
            (typeof(OutboxMessage), "AddOutbox()"),
            (typeof(AuditEntry), "AddAuditLog()"),
            (typeof(IdempotencyRecord), "AddIdempotency()"),
        ];
        if (KeepsUnitReference || Consumers is not null || LocksApprovedPeriods || Republish is not null)
        {
            needed.Add((typeof(InboxMessage), "AddInbox()"));
        }
        if (KeepsUnitReference)
        {
            needed.Add((typeof(UnitReferenceUnit), "AddUnitReference()"));
        }
        if (LocksApprovedPeriods)
        {
            needed.Add((typeof(PeriodLockRow), "AddPeriodLocks()"));
        }
        var missing = needed.Where(n => model.FindEntityType(n.Entity) is null).Select(n => n.Call).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{typeof(TDbContext).Name} does not fit its domain-service definition: its OnModelCreating must call {string.Join(", ", missing)}.");
        }
    }
}
