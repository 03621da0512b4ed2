using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// grpc.health.v1.Health answered from one status function, for the services and the gateway alike: Check (an unknown
/// name is NOT_FOUND) and Watch (the status now, then each change, re-checked every <paramref name="watchInterval"/>,
/// NOT_SERVING when the host stops; an unknown name is SERVICE_UNKNOWN), as the health protocol says.
/// </summary>
public abstract class PolledHealthService(IHostApplicationLifetime lifetime, TimeSpan watchInterval) : Health.HealthBase
{
    /// <summary>The status of <paramref name="service"/> ("" = the whole host); null when no service of that name is here.</summary>
    protected abstract Task<ServingStatus?> StatusAsync(string service, CancellationToken cancellationToken);

    /// <summary>The NOT_FOUND message for an unknown name.</summary>
    protected virtual string UnknownServiceMessage(string service) => $"không có dịch vụ gRPC tên \"{service}\" ở đây";

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var status = await StatusAsync(request.Service, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, UnknownServiceMessage(request.Service)));
        return new HealthCheckResponse { Status = status };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
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
                await Task.Delay(watchInterval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (!context.CancellationToken.IsCancellationRequested)
            {
                // The host is stopping: say so, so the watcher fails over instead of waiting on a dead stream.
                await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing }, CancellationToken.None);
            }
        }
    }

    /// <summary>SERVING unless a health check is Unhealthy (Degraded still serves), as grpc-dotnet's own mapping does.</summary>
    protected static ServingStatus StatusOf(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
    }
}

/// <summary>
/// A service's grpc.health.v1: <c>""</c> and the fully-qualified name of every gRPC service the application maps (e.g.
/// <c>cchc.procedures.v1.DossierService</c>, the audit log, health and reflection) answer with the same health checks
/// (database, broker…) — what Kubernetes gRPC probes and grpc-health-probe send to a pod, and what the gateway asks
/// when a caller checks a service by name through it. Any other name is NOT_FOUND.
/// </summary>
internal sealed class ServiceHealthService(HealthCheckService checks, MappedGrpcServices mapped, IHostApplicationLifetime lifetime)
    : PolledHealthService(lifetime, TimeSpan.FromSeconds(5))
{
    protected override async Task<ServingStatus?> StatusAsync(string service, CancellationToken cancellationToken) =>
        service.Length > 0 && !mapped.Names.Contains(service) ? null : StatusOf(await checks.CheckHealthAsync(cancellationToken));
}

/// <summary>The gRPC services the application maps, read once at the first health call (after every Map* call and the pipeline is built).</summary>
internal sealed class MappedGrpcServices(EndpointDataSource endpoints)
{
    private readonly Lazy<HashSet<string>> _names = new(() => [.. CchcServiceDefaults.GrpcServiceNames(endpoints)]);

    public IReadOnlySet<string> Names => _names.Value;
}
