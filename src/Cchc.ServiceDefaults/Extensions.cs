using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Cross-cutting defaults every Cchc service takes with one call: OpenTelemetry, health (HTTP and
/// grpc.health.v1), gRPC server reflection, service discovery and resilience for outgoing HTTP.
/// </summary>
public static class CchcServiceDefaults
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// gRPC server with the standard health service and reflection. grpc.health.v1 (<see cref="ServiceHealthService"/>)
    /// answers for <c>""</c> (the whole process) and for the fully-qualified name of every gRPC service the application
    /// maps (e.g. <c>cchc.procedures.v1.DossierService</c>), each with the same health checks: that is what Kubernetes
    /// gRPC probes, grpc-health-probe and the gateway's health-by-name send to a pod.
    /// </summary>
    public static IServiceCollection AddDefaultGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = false;
            o.MaxReceiveMessageSize = 16 * 1024 * 1024;
            configure?.Invoke(o);
        });
        services.AddGrpcReflection();
        services.AddSingleton<MappedGrpcServices>();
        services.AddSingleton<DefaultGrpcMarker>();
        return services;
    }

    /// <summary>Fully-qualified names of the gRPC services mapped in the application (health and reflection included).</summary>
    public static IReadOnlyList<string> GrpcServiceNames(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "MassTransit", "Cchc.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "MassTransit", "Cchc.*")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx =>
                    !ctx.Request.Path.StartsWithSegments(HealthPath) &&
                    !ctx.Request.Path.StartsWithSegments(AlivePath) &&
                    !ctx.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// /health (everything, readiness) and /alive (process only) in every environment, plus the gRPC
    /// health service and reflection when gRPC is registered.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        if (app.Services.GetService<DefaultGrpcMarker>() is not null)
        {
            app.MapGrpcService<ServiceHealthService>();
            app.MapGrpcReflectionService();
        }
        return app;
    }
}

/// <summary>Marks that <see cref="CchcServiceDefaults.AddDefaultGrpc"/> ran, so the gRPC health and reflection services get mapped.</summary>
internal sealed class DefaultGrpcMarker;
