using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit.Hosting;
using Cchc.ServiceKit.Hosting.Republishing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.ServiceKit.Tests;

/// <summary>Definitions of sample domain services, built (not started) the way a service's Program builds itself.</summary>
internal static class SampleServices
{
    public const string Database = "sampledb";

    /// <summary>The least a definition says: a database, rules, gRPC services.</summary>
    public static DomainService<SampleDbContext> Plain { get; } = new()
    {
        Database = Database,
        AccessRules = _ => { },
        GrpcServices = _ => { },
    };

    /// <summary>A service keeping the unit reference data, like procedures and legal.</summary>
    public static DomainService<SampleDbContext> KeepingUnits { get; } = new()
    {
        Database = Database,
        AccessRules = _ => { },
        GrpcServices = _ => { },
        KeepsUnitReference = true,
    };

    /// <summary>An integration adapter (the LGSP/NGSP one to come): its own consumer, HTTP endpoint and registrations.</summary>
    public static DomainService<SampleDbContext> Adapter { get; } = new()
    {
        Database = Database,
        AccessRules = _ => { },
        GrpcServices = _ => { },
        KeepsUnitReference = true,
        Consumers = bus => bus.AddConsumer<SampleConsumer>(),
        HttpEndpoints = app => app.MapGet("/adapter/ping", () => Results.Text("pong")),
        Services = builder => builder.Services.AddSingleton<AdapterClock>(),
    };

    /// <summary>A service that re-publishes its current state when the reporting read model is rebuilt (ADR 0040).</summary>
    public static DomainService<SampleDbContext> Republishing { get; } = new()
    {
        Database = Database,
        AccessRules = _ => { },
        GrpcServices = _ => { },
        Republish = typeof(SampleRepublisher),
    };

    /// <summary>Keeps the unit reference data, but its model was not told.</summary>
    public static DomainService<BareDbContext> Misfit { get; } = new()
    {
        Database = Database,
        AccessRules = _ => { },
        GrpcServices = _ => { },
        KeepsUnitReference = true,
    };

    /// <summary>Locks approved periods, but its model was not told (ADR 0029).</summary>
    public static DomainService<BareDbContext> LockingMisfit { get; } = new()
    {
        Database = Database,
        AccessRules = _ => { },
        GrpcServices = _ => { },
        LocksApprovedPeriods = true,
    };

    /// <summary>Command-line settings a built (not started) service needs: its database and broker addresses.</summary>
    public static string[] Args => ArgsFor("Host=127.0.0.1;Port=1;Database=sample;Username=postgres");

    /// <summary><see cref="Args"/> with a real database.</summary>
    public static string[] ArgsFor(string connectionString) =>
    [
        $"--ConnectionStrings:{Database}={connectionString}",
        "--ConnectionStrings:messaging=amqp://guest:guest@127.0.0.1:1/",
    ];
}

/// <summary>A domain service's model as the template wants it: outbox, inbox, audit, idempotency, unit reference copy.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.AddUnitReference();
    }
}

/// <summary>A model with the outbox and the security tables only.</summary>
public sealed class BareDbContext(DbContextOptions<BareDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
    }
}

public sealed record SampleEvent(string Id);

public sealed class SampleConsumer : IConsumer<SampleEvent>
{
    public Task Consume(ConsumeContext<SampleEvent> context) => Task.CompletedTask;
}

public sealed class AdapterClock;

/// <summary>Its "facts": the unit reference rows, re-published in pages of 1,000 as <see cref="SampleEvent"/>s carrying their codes.</summary>
public sealed class SampleRepublisher(SampleDbContext db) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in FactPages.ByKeyAsync(db.Set<UnitReferenceUnit>(), u => u.UnitCode, cancellationToken))
        {
            yield return new RepublishedPage(new SampleEvent(string.Join(',', page.Select(u => $"{u.UnitCode}@{u.Revision}"))), page.Count);
        }
    }
}
