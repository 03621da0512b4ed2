using System.Net;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cchc.Gateway.Tests;

/// <summary>
/// Stands in for a service: an h2c port with the standard grpc.health.v1 service (status settable) answering for ""
/// and for the fully-qualified names of the services it stands in for (<paramref name="services"/>; NOT_FOUND for any
/// other name, as a real service does), and any other path answered with an <c>x-backend</c> header naming it; an
/// HTTP/1.1 port answering every path the same way.
/// </summary>
public sealed class FakeBackend(string name, params string[] services) : IAsyncDisposable
{
    public const string BackendHeader = "x-backend";

    /// <summary>The method the fake answers like a service (an empty message, OK).</summary>
    public const string BenchmarkMethod = "/cchc.procedures.v1.ProcedureCatalogService/GetProcedure";

    /// <summary>A path the fake refuses with an empty 403, as a service's authorization does.</summary>
    public const string ForbiddenPath = "/api/reports/forbidden-to-this-client";

    /// <summary>Response header: the Authorization header the backend received ("none" when there was none).</summary>
    public const string AuthorizationHeader = "x-backend-authorization";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _hits = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bodies = new();

    private readonly HealthServiceImpl _health = new();
    private WebApplication? _app;

    public string Name { get; } = name;
    public int GrpcPort { get; private set; }
    public int HttpPort { get; private set; }

    /// <summary>The fully-qualified gRPC service names this backend answers health for.</summary>
    public IReadOnlyList<string> Services { get; } = services;

    /// <summary>Sets the status of "" and of every service it hosts, as a real service's health checks do.</summary>
    public void SetServing(bool serving)
    {
        var status = serving ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing;
        _health.SetStatus(string.Empty, status);
        foreach (var service in Services)
        {
            _health.SetStatus(service, status);
        }
    }

    /// <summary>How many requests for <paramref name="path"/> reached this backend's fallback (state the tests read back).</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>How many body bytes the backend received for <paramref name="path"/> (-1: cut off; null: never called).</summary>
    public long? BodyBytes(string path) => _bodies.TryGetValue(path, out var bytes) ? bytes : null;

    public async Task StartAsync()
    {
        GrpcPort = Cchc.Testing.FreePort.Next();
        HttpPort = Cchc.Testing.FreePort.Next();
        SetServing(true);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            k.Listen(IPAddress.Loopback, HttpPort, l => l.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc(o => o.IgnoreUnknownServices = true); // unknown paths reach the fallback below
        builder.Services.AddSingleton(_health);

        _app = builder.Build();
        _app.MapGrpcService<HealthServiceImpl>();
        // A real (empty) unary gRPC answer, for the authentication benchmark's small RPC.
        _app.MapPost(BenchmarkMethod, async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/grpc";
            context.Response.AppendTrailer("grpc-status", "0");
            await context.Response.Body.WriteAsync(new byte[5]);
        });
        _app.MapGet(ForbiddenPath, (HttpContext context) =>
        {
            context.Response.Headers[BackendHeader] = Name;
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        });
        _app.MapFallback(async context =>
        {
            var received = new MemoryStream();
            try
            {
                await context.Request.Body.CopyToAsync(received, context.RequestAborted);
                _bodies[context.Request.Path.Value ?? string.Empty] = received.Length;
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                _bodies[context.Request.Path.Value ?? string.Empty] = -1; // the request was cut off
                return;
            }
            context.Response.Headers[BackendHeader] = Name;
            context.Response.Headers[AuthorizationHeader] = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : "none";
            _hits.AddOrUpdate(context.Request.Path.Value ?? string.Empty, 1, (_, n) => n + 1);
            await context.Response.WriteAsync($"{Name} {context.Request.Method} {context.Request.Path} {context.Request.Protocol}");
        });
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
