using Cchc.ReferenceData;
using Cchc.Security.Authorization;
using Cchc.Security.Grpc;
using Grpc.AspNetCore.Server;
using MassTransit.UsageTracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cchc.ServiceKit.Tests;

public sealed class DomainServiceTemplateTests
{
    private const string UnitReferenceStatus = "/cchc.reference.v1.UnitReference/GetStatus";

    [Fact]
    public async Task Interceptors_SecurityIsOutermost_ThenTheInputGuard_ThenTheDomainErrorTranslation()
    {
        await using var app = SampleServices.Plain.Build(SampleServices.Args);

        var order = app.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors.Select(i => i.Type);

        // Security first: it audits the status the translation produces; nothing else runs for a caller it refuses.
        Assert.Equal([typeof(SecurityInterceptor), typeof(InputGuardInterceptor), typeof(DomainExceptionInterceptor)], order);
    }

    [Fact]
    public async Task EveryService_GetsTheClock_TheDatabaseHealthCheck_TheAuditApi_AndNoMassTransitUsageTelemetry()
    {
        await using var app = SampleServices.Plain.Build(SampleServices.Args);

        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
        var checks = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);
        Assert.Contains(SampleServices.Database, checks);
        Assert.Contains("/cchc.audit.v1.AuditService/VerifyChain", Routes(app));
        Assert.NotNull(app.Services.GetRequiredService<GrpcRuleTable>().Find("/cchc.audit.v1.AuditService/ListEntries"));
        Assert.False(Assert.IsType<UsageTracker>(app.Services.GetRequiredService<IUsageTracker>()).Enabled);
    }

    [Fact]
    public async Task UnitReferenceData_OnlyWhenTheDefinitionKeepsIt_ConsumerRuleAndStatusApiTogether()
    {
        await using var keeping = SampleServices.KeepingUnits.Build(SampleServices.Args);
        await using var plain = SampleServices.Plain.Build(SampleServices.Args);

        Assert.Contains(UnitReferenceStatus, Routes(keeping));
        Assert.NotNull(keeping.Services.GetRequiredService<GrpcRuleTable>().Find(UnitReferenceStatus));
        using (var scope = keeping.Services.CreateScope())
        {
            Assert.NotNull(scope.ServiceProvider.GetService<UnitsChangedConsumer<SampleDbContext>>());
            Assert.NotNull(scope.ServiceProvider.GetService<IUnitReference>());
        }

        Assert.DoesNotContain(UnitReferenceStatus, Routes(plain));
        Assert.Null(plain.Services.GetRequiredService<GrpcRuleTable>().Find(UnitReferenceStatus));
        using (var scope = plain.Services.CreateScope())
        {
            Assert.Null(scope.ServiceProvider.GetService<UnitsChangedConsumer<SampleDbContext>>());
        }
    }

    [Fact]
    public async Task ASixthService_AddsItsOwnConsumer_HttpEndpoint_AndRegistrations_ToEverythingTheTemplateGives()
    {
        await using var app = SampleServices.Adapter.Build(SampleServices.Args);

        Assert.Contains("/adapter/ping", Routes(app));
        Assert.Contains(UnitReferenceStatus, Routes(app));
        Assert.NotNull(app.Services.GetService<AdapterClock>());
        using var scope = app.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetService<SampleConsumer>());
        Assert.NotNull(scope.ServiceProvider.GetService<UnitsChangedConsumer<SampleDbContext>>());
    }

    [Fact]
    public void AModelThatLacksATableTheDefinitionNeeds_FailsAtStart_NamingTheMissingCalls()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SampleServices.Misfit.Build(SampleServices.Args));

        Assert.Contains(nameof(BareDbContext), error.Message, StringComparison.Ordinal);
        Assert.Contains("AddInbox()", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddUnitReference()", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AddOutbox()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceThatLocksApprovedPeriods_NeedsTheInboxAndThePeriodLockTables_NamedAtStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SampleServices.LockingMisfit.Build(SampleServices.Args));

        Assert.Contains("AddInbox()", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddPeriodLocks()", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AddUnitReference()", error.Message, StringComparison.Ordinal);
    }

    private static List<string?> Routes(WebApplication app) =>
        [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText)];
}
