using Cchc.Security;
using Cchc.Security.Authorization;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cchc.ReferenceData;

/// <summary>Wires the unit reference data into a domain service (docs/adr/0009-unit-reference-data.md).</summary>
public static class UnitReferenceRegistration
{
    /// <summary>
    /// A domain service does not call this itself: its definition says <c>KeepsUnitReference = true</c> and the template
    /// (Cchc.ServiceKit.Hosting's DomainService) makes this call, maps the API and adds its rule. The call, inside the
    /// messaging setup: <c>builder.AddCchcMessaging(bus =&gt; bus.AddUnitReference&lt;MyDbContext&gt;())</c>. It adds the UnitsChanged
    /// consumer on the service's own queue (named after <typeparamref name="TDbContext"/>:
    /// <c>procedures-unit-reference</c> for ProceduresDbContext; every service gets every event), and
    /// <see cref="IUnitReference"/> (scoped) for write paths and the status API. The model of
    /// <typeparamref name="TDbContext"/> must call <c>AddInbox()</c> and <c>AddUnitReference()</c>; then map the API with
    /// <see cref="MapUnitReference"/> and add its rule with <see cref="UnitReferenceRules"/>.
    /// </summary>
    public static IBusRegistrationConfigurator AddUnitReference<TDbContext>(this IBusRegistrationConfigurator bus) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<UnitsChangedConsumer<TDbContext>, UnitsChangedConsumerDefinition<TDbContext>>();
        bus.TryAddScoped<IUnitReference, UnitReference<TDbContext>>();
        bus.TryAddSingleton(TimeProvider.System);
        return bus;
    }

    /// <summary>Serves cchc.reference.v1.UnitReference/GetStatus.</summary>
    public static IEndpointRouteBuilder MapUnitReference(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<UnitReferenceGrpcService>();
        return app;
    }

    /// <summary>
    /// The rule of the status API for the service's rule table: a read needing organisation.read (the copy is the
    /// registry's data; the demo loader and the registry's readers hold that scope), no unit check.
    /// </summary>
    public static GrpcRuleTableBuilder UnitReferenceRules(this GrpcRuleTableBuilder rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Service(Grpc.UnitReference.Descriptor, s => s
            .Read(nameof(Grpc.UnitReference.UnitReferenceBase.GetStatus), SecurityScopes.OrganisationRead));
    }
}
