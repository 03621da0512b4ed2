using Cchc.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cchc.Messaging.Tests.Support;

/// <summary>What a test host runs: the relay, the consumer, or both, wired exactly as a service wires them.</summary>
public sealed record TestHostOptions
{
    public bool Relay { get; init; }
    public bool Consumer { get; init; }
    /// <summary>Queue names get this prefix so tests sharing the broker do not share queues.</summary>
    public required string EndpointPrefix { get; init; }
    public DeliveryProbe Probe { get; init; } = new();
    public Action<OutboxRelayOptions>? ConfigureRelay { get; init; }
    public Action<IBusRegistrationConfigurator>? ConfigureBus { get; init; }
}

public static class TestHost
{
    public static async Task<RunningHost> StartAsync(TestDatabase database, Uri amqp, TestHostOptions options, ITestOutputHelper? output = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "cchc-messaging-tests" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = amqp.ToString(),
            // Fast retries so a poison message reaches the error queue within a test's patience.
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
        });
        builder.Logging.ClearProviders();
        if (output is not null)
        {
            builder.Logging.AddProvider(new XunitLoggerProvider(output));
            builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.Services.AddDbContext<TestDbContext>(o => o.UseNpgsql(database.ConnectionString));
        builder.Services.AddSingleton(options.Probe);
        builder.AddCchcMessaging(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, false));
            if (options.Consumer)
            {
                bus.AddConsumer<FactRecordedConsumer>();
            }
            options.ConfigureBus?.Invoke(bus);
        });
        // A test publishes right after start: wait until the receive endpoints (queues, bindings) exist.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        if (options.Relay)
        {
            builder.Services.AddOutboxRelay<TestDbContext>();
            builder.Services.Configure<OutboxRelayOptions>(o =>
            {
                o.PublishTimeout = TimeSpan.FromSeconds(2);
                o.MaxBackoff = TimeSpan.FromSeconds(1);
                options.ConfigureRelay?.Invoke(o);
            });
        }

        // MassTransit keeps its log context in an AsyncLocal: a test that published through an earlier (now disposed)
        // host still carries that host's disposed ILoggerFactory, and the next bus would pick it up.
        LogContext.Current = null;
        var host = builder.Build();
        await host.StartAsync();
        return new RunningHost(host);
    }

    public static string QueueName<TConsumer>(string prefix) where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(prefix, false).Consumer<TConsumer>();
}

/// <summary>A started host that is stopped (gracefully) and disposed at the end of a using block.</summary>
public sealed class RunningHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
