using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Cchc.Gateway.Routing;
using Cchc.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cchc.Gateway.Tests;

/// <summary>
/// The gateway in the Development environment (where ASP.NET Core adds its developer exception page), with the
/// e-government backend's gRPC address and the reporting backend's HTTP address pointing at ports nobody listens on, and
/// two endpoints that throw. Its log entries are kept so a test can find the correlation id in them.
/// </summary>
public sealed class DevelopmentGatewayFixture() : GatewayFixture(new Dictionary<string, string?>
{
    ["services:egov-api:grpc:0"] = $"http://127.0.0.1:{FreePort.Next()}",
    ["services:reporting-api:http:0"] = $"http://127.0.0.1:{FreePort.Next()}",
}, environment: "Development")
{
    public const string Secret = "10.20.30.40 secret-connection-string";
    public const string ThrowingGrpcPath = "/cchc.procedures.v1.Explosions/Explode";

    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Logs { get; } = new();

    protected override void ConfigureGateway(WebApplicationBuilder builder) =>
        builder.Logging.AddProvider(new ListLoggerProvider(Logs));

    protected override void MapExtra(WebApplication gateway)
    {
        gateway.MapGet("/api/reports/explode", (Func<string>)(() => throw new InvalidOperationException(Secret)));
        gateway.MapPost(ThrowingGrpcPath, (Func<string>)(() => throw new InvalidOperationException(Secret)))
            .WithMetadata(new GatewayListener(GatewayListener.Grpc));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(entries);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((logLevel, formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>The gateway's own errors: problem+json or a gRPC status with a correlation id, never internals, in Development too.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayErrorTests(DevelopmentGatewayFixture gateway) : IClassFixture<DevelopmentGatewayFixture>
{
    [Fact]
    public async Task UnhandledException_IsProblemJsonWithACorrelationId_WithoutStackTraceOrRequestHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/explode");
        request.Headers.Add("Cookie", "session=cookie-value-never-echoed");

        using var response = await gateway.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var id = CorrelationIdOf(body);
        AssertLeaksNothing(body);
        Assert.DoesNotContain("cookie-value-never-echoed", body, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Token, body, StringComparison.Ordinal);
        // The operator finds the details under the same id.
        Assert.Contains(gateway.Logs, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal)
            && e.Exception?.Message == DevelopmentGatewayFixture.Secret);
    }

    [Fact]
    public async Task UnhandledException_InAGrpcCall_IsInternalWithACorrelationId()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(gateway.Channel, DevelopmentGatewayFixture.ThrowingGrpcPath, []));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Matches("mã tương quan [0-9a-f]{32}", error.Status.Detail);
        AssertLeaksNothing(error.Status.Detail);
    }

    [Fact]
    public async Task UnroutedPath_IsProblemJson404WithACorrelationId()
    {
        using var response = await gateway.Http.GetAsync("/api/internal/admin");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        CorrelationIdOf(body);
        Assert.DoesNotContain("/api/internal/admin", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnroutedGrpcCall_IsUnimplementedWithACorrelationId()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(gateway.Channel, "/cchc.secret.v1.AdminService/DropEverything", []));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Matches("mã tương quan [0-9a-f]{32}", error.Status.Detail);
    }

    [Fact]
    public async Task UnreachableBackend_IsUnavailableForGrpc_AndProblemJson502ForRest_WithoutItsAddress()
    {
        var grpc = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(gateway.Channel, "/cchc.egov.v1.MetricService/ListSubmissions", []));
        using var rest = await gateway.Http.GetAsync("/api/reports/status");
        var body = await rest.Content.ReadAsStringAsync();

        Assert.Equal(StatusCode.Unavailable, grpc.StatusCode);
        Assert.Matches("mã tương quan [0-9a-f]{32}", grpc.Status.Detail);
        Assert.DoesNotContain("127.0.0.1", grpc.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, rest.StatusCode);
        Assert.Equal("application/problem+json", rest.Content.Headers.ContentType?.MediaType);
        CorrelationIdOf(body);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    private static string CorrelationIdOf(string problemJson)
    {
        using var json = JsonDocument.Parse(problemJson);
        var id = json.RootElement.GetProperty("correlationId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Contains($"mã tương quan {id}", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return id;
    }

    private static void AssertLeaksNothing(string text)
    {
        Assert.DoesNotContain(DevelopmentGatewayFixture.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
    }
}
