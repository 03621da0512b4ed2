using Cchc.Gateway.HealthChecks;
using Grpc.Core;
using Grpc.Health.V1;
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
    IHostApplicationLifetime lifetime) : Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = await StatusAsync(request.Service, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"không có dịch vụ gRPC tên \"{request.Service}\" sau cổng kết nối; danh sách dịch vụ: server reflection (list)"));
        return new HealthCheckResponse { Status = status };
    }

    /// <summary>The status now, then each change, checked every <see cref="GatewayOptions.HealthWatchInterval"/>, until the caller or the gateway stops.</summary>
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        ServingStatus? last = null;
        try
        {
            while (true)
            {
                var status = await StatusAsync(request.Service, stop.Token) ?? ServingStatus.ServiceUnknown;
                if (status != last)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, stop.Token);
                    last = status;
                }
                await Task.Delay(options.Value.HealthWatchInterval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (!context.CancellationToken.IsCancellationRequested)
            {
                // The gateway is stopping: say so, so the watcher fails over instead of waiting on a dead stream.
                await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing }, CancellationToken.None);
            }
        }
    }

    /// <summary>The status of <paramref name="service"/>; null when no service of that name is behind the gateway.</summary>
    private async Task<ServingStatus?> StatusAsync(string service, CancellationToken cancellationToken)
    {
        if (service.Length == 0)
        {
            var report = await checks.CheckHealthAsync(cancellationToken);
            return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
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
        return hosting.Count == 0 ? ServingStatus.NotServing
            : hosting.TrueForAll(a => a.IsServing) ? ServingStatus.Serving : ServingStatus.NotServing;
    }
}
