using System.Diagnostics;

namespace Cchc.AppHost.Extensions;

/// <summary>
/// A health check that answers promptly when its resource becomes healthy during start-up. Aspire checks a resource that
/// is not healthy yet after 1, 2, 3, 4 and then every 5 seconds (its ResourceHealthCheckService): up to 5 s between the
/// moment a resource can serve and the moment what waits for it (<c>WaitFor</c>, the ready line) goes on — on every edge
/// of the start-up's critical path. Until its first success this check keeps probing every 0.5 s within one call (for at
/// most a minute, then it reports the last failure as usual); after that, one probe per call, as any check
/// (docs/adr/0048-start-up-critical-path.md).
/// </summary>
internal sealed class PromptHealthCheck(Func<CancellationToken, Task<HealthCheckResult>> probe) : IHealthCheck
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestCall = TimeSpan.FromSeconds(60);
    private volatile bool _healthyOnce;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            HealthCheckResult result;
            try
            {
                result = await probe(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                result = new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
            }
            if (result.Status == HealthStatus.Healthy)
            {
                _healthyOnce = true;
                return result;
            }
            if (_healthyOnce || Stopwatch.GetElapsedTime(started) + Interval > LongestCall)
            {
                return result;
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }
}

internal static class PromptHealthCheckExtensions
{
    /// <summary>One client for every HTTP probe of the AppHost's prompt checks (loopback, short timeout).</summary>
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(3),
    };

    /// <summary>Registers <paramref name="probe"/> as a <see cref="PromptHealthCheck"/> named <paramref name="name"/> and checks the resource with it.</summary>
    public static IResourceBuilder<T> WithPromptHealthCheck<T>(
        this IResourceBuilder<T> builder, string name, Func<CancellationToken, Task<HealthCheckResult>> probe)
        where T : IResource =>
        builder.WithPromptHealthCheck(name, (_, cancellationToken) => probe(cancellationToken));

    /// <summary>
    /// As above, with the AppHost's services given to the probe: those of the first check's scope, so a probe keeps what
    /// it resolves from them (singletons) rather than resolving again from a disposed scope.
    /// </summary>
    public static IResourceBuilder<T> WithPromptHealthCheck<T>(
        this IResourceBuilder<T> builder, string name, Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> probe)
        where T : IResource
    {
        PromptHealthCheck? check = null; // one per registration: it remembers its first success
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(name,
            services => LazyInitializer.EnsureInitialized(ref check, () => new PromptHealthCheck(ct => probe(services, ct))), null, null));
        return builder.WithHealthCheck(name);
    }

    /// <summary>
    /// What <c>WithHttpHealthCheck(path, endpointName: …)</c> checks — GET on the endpoint answers 200 — as a
    /// <see cref="PromptHealthCheck"/>; with <paramref name="alsoHealthy"/>, only once those resources are healthy too
    /// (the gateway's readiness includes the token service's and the simulator's, which it does not wait for).
    /// </summary>
    public static IResourceBuilder<T> WithPromptHttpHealthCheck<T>(
        this IResourceBuilder<T> builder, string path, string endpointName, params IResource[] alsoHealthy)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.GetEndpoint(endpointName);
        var others = alsoHealthy.Select(r => r.Name).ToArray();
        ResourceNotificationService? notifications = null;
        return builder.WithPromptHealthCheck($"{builder.Resource.Name}-{endpointName}{path.Replace('/', '-')}-prompt", async (services, cancellationToken) =>
        {
            // The singleton, taken while the first check's scope is alive (the check outlives that scope).
            notifications ??= services.GetRequiredService<ResourceNotificationService>();
            var waiting = others.Where(name => !(notifications.TryGetCurrentState(name, out var state) && state.Snapshot.HealthStatus == HealthStatus.Healthy)).ToList();
            if (waiting.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"Waiting for {string.Join(", ", waiting)} to be healthy.");
            }
            if (!endpoint.IsAllocated)
            {
                return HealthCheckResult.Unhealthy($"The {endpointName} endpoint has no address yet.");
            }
            using var response = await Http.GetAsync(new Uri(new Uri(endpoint.Url), path), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"GET {path} answered {(int)response.StatusCode}.");
        });
    }
}
