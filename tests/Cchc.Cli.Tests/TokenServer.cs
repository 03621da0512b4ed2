using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cchc.Cli.Tests;

/// <summary>
/// A real local HTTP server standing in for the platform: <c>POST /connect/token</c> answers a client-credentials
/// request for one client (a new token each time, or a configured OAuth2 error); every other request on the HTTP/1.1
/// port, and every request on the h2c port, is recorded with its <c>authorization</c> header.
/// </summary>
internal sealed class TokenServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _issued;

    public const string ClientId = "tam-duong";
    public const string Secret = "s3cret-of-tam-duong";

    public int ExpiresIn { get; set; } = 900;

    /// <summary>When set, the token endpoint answers 400 with this OAuth2 error JSON.</summary>
    public string? ErrorJson { get; set; }

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public Uri Http { get; private set; } = null!;

    public Uri H2c { get; private set; } = null!;

    public Uri TokenUrl => new(Http, "connect/token");

    /// <summary>Endpoints of a test's own, mapped before the recording fallback (e.g. the rebuild API).</summary>
    public Action<WebApplication>? Routes { get; init; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
        });
        _app = builder.Build();
        _app.MapPost("/connect/token", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(p => p.Key, p => p.Value.ToString()));
            context.Response.ContentType = "application/json";
            if (ErrorJson is not null)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync(ErrorJson);
                return;
            }
            if (form["client_id"] != ClientId || form["client_secret"] != Secret || form["grant_type"] != "client_credentials")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("""{"error":"invalid_client","error_description":"Không xác thực được hệ thống gọi."}""");
                return;
            }
            var n = Interlocked.Increment(ref _issued);
            await context.Response.WriteAsync($$"""{"access_token":"token-{{n}}","token_type":"Bearer","expires_in":{{ExpiresIn}}}""");
        });
        Routes?.Invoke(_app);
        _app.MapFallback(context =>
        {
            Authorizations.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
            if (context.Request.ContentType == "application/grpc")
            {
                context.Response.ContentType = "application/grpc";
                context.Response.AppendTrailer("grpc-status", "12");
                context.Response.AppendTrailer("grpc-message", "recorded");
                return Task.CompletedTask;
            }
            return context.Response.WriteAsync("""{"dossiers":0,"procedureVersions":0,"feedback":0}""");
        });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        Http = new Uri(addresses[0].Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        H2c = new Uri(addresses[1].Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
