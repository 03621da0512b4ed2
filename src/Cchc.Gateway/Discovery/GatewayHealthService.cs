using Cchc.Gateway.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Cchc.Gateway.Discovery;

/// <summary>
/// grpc.health.v1.Health of the gateway (no <c>x-cchc-service</c> header), by the name in the request, as
/// grpc-health-probe and Kubernetes gRPC probes send it:
/// <list type="bullet">
/// <item><c>""</c>: the gateway itself — SERVING while its health checks pass (every backend serving).</item>
/// <item>a contract service (<c>cchc.procedures.v1.DossierService</c>): asked of the backend that owns its package, by
/// the same name; a shared contract (<c>cchc.audit.v1.AuditService</c>) is SERVING when every backend that hosts it is.</item>
/// <item>grpc.health.v1.Health, server reflection: the gateway's own, SERVING.</item>
/// <item>any other name: NOT_FOUND (Check) or SERVICE_UNKNOWN (Watch), as the health protocol says.</item>
/// </list>
/// </summary>
internal sealed class GatewayHealthService(
    HealthCheckService checks,
    ServiceCatalog catalog,
    BackendHealthProbe probe,
    IOptions<GatewayOptions> options,
    IHostApplicationLifetime lifetime) : PolledHealthService(lifetime, options.Value.HealthWatchInterval)
{
    protected override string UnknownServiceMessage(string service) =>
        $"không có dịch vụ gRPC tên \"{service}\" sau cổng kết nối; danh sách dịch vụ: server reflection (list)";

    protected override async Task<ServingStatus?> StatusAsync(string service, CancellationToken cancellationToken)
    {
        if (service.Length == 0)
        {
            return StatusOf(await checks.CheckHealthAsync(cancellationToken));
        }
        if (ServiceCatalog.IsGatewayService(service))
        {
            return ServingStatus.Serving;
        }
        var hosts = catalog.HostsOf(service);
        if (hosts.Count == 0)
        {
            return null;
        }
        var answers = await Task.WhenAll(hosts.Select(b => probe.CheckAsync(b, service, cancellationToken)));
        if (!catalog.IsShared(service))
        {
            // The owner of the package not knowing a published name is a service not serving it, not an unknown name.
            return answers[0].IsServing ? ServingStatus.Serving : ServingStatus.NotServing;
        }
        var hosting = answers.Where(a => !a.IsUnknownName).ToList();
        return hosting.Count > 0 && hosting.TrueForAll(a => a.IsServing) ? ServingStatus.Serving : ServingStatus.NotServing;
    }
}
