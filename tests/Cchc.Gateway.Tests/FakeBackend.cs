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
/// Stands in for a service: an h2c port with the standard grpc.health.v1 service (status settable) and any other
/// path answered with an <c>x-backend</c> header naming it; an HTTP/1.1 port answering every path the same way.
/// </summary>
public sealed class FakeBackend(string name) : IAsyncDisposable
{
    public const string BackendHeader = "x-backend";

    private readonly HealthServiceImpl _health = new();
    private WebApplication? _app;

    public string Name { get; } = name;
    public int GrpcPort { get; private set; }
    public int HttpPort { get; private set; }

    public void SetServing(bool serving) => _health.SetStatus(string.Empty,
        serving ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing);

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
        _app.MapFallback(context =>
        {
            context.Response.Headers[BackendHeader] = Name;
            return context.Response.WriteAsync($"{Name} {context.Request.Method} {context.Request.Path} {context.Request.Protocol}");
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
