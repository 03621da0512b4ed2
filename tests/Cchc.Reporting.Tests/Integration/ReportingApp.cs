using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;
using Cchc.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// The reporting service in-process (WebApplicationFactory) on its own freshly migrated database, with the
/// RabbitMQ bus replaced by MassTransit's in-memory test harness: events go through the real consumers.
/// <see cref="StartWithBrokerAsync"/> keeps the real bus instead, on a test RabbitMQ node (error queues, replay).
/// </summary>
public sealed class ReportingApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly DeliveryObserver _deliveries = new();

    private ReportingApp(string connectionString, TestTokenIssuer issuer, Uri? broker = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        ConnectionString = connectionString;
        Issuer = issuer;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            foreach (var (key, value) in issuer.ValidatorSettings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting("ConnectionStrings:reportingdb", connectionString);
            foreach (var (key, value) in settings ?? [])
            {
                web.UseSetting(key, value);
            }
            if (broker is not null)
            {
                web.UseSetting("ConnectionStrings:messaging", broker.ToString());
                // The queues and their bindings must exist before a test publishes.
                web.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
                return;
            }
            // Never reached: the bus is the in-memory harness below.
            web.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:9/");
            web.ConfigureTestServices(services => services.AddMassTransitTestHarness(bus => bus.AddFactConsumers()));
        });
    }

    public string ConnectionString { get; }

    /// <summary>The token issuer the service trusts; <see cref="ReaderToken"/> is a report reader's token from it.</summary>
    public TestTokenIssuer Issuer { get; }

    public string ReaderToken => Issuer.CreateToken("cchc-report-reader", ["reporting.read"], ["*"]);

    public IServiceProvider Services => _factory.Services;

    /// <summary>The in-memory bus (not with <see cref="StartWithBrokerAsync"/>).</summary>
    public ITestHarness Harness => _factory.Services.GetTestHarness();

    /// <summary>An operator's token (reporting.read and reporting.admin: status and the replay of the error queues).</summary>
    public string OperatorToken => Issuer.CreateToken("cchc-operator", ["reporting.read", "reporting.admin"], ["*"]);

    /// <summary>An HTTP client that sends a report reader's token.</summary>
    public HttpClient CreateClient() => CreateClient(ReaderToken);

    public HttpClient CreateClient(string? token) => new(new BearerTokenHandler(token, _factory.Server.CreateHandler()))
    {
        BaseAddress = _factory.Server.BaseAddress,
    };

    /// <summary>A handler (for gRPC channels) that sends a report reader's token.</summary>
    public HttpMessageHandler CreateHandler() => CreateHandler(ReaderToken);

    public HttpMessageHandler CreateHandler(string? token) => new BearerTokenHandler(token, _factory.Server.CreateHandler());

    public static async Task<ReportingApp> StartAsync(PostgresServer postgres, string name, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync(name);
        var app = new ReportingApp(connectionString, await TestTokenIssuer.StartAsync(), settings: settings);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Database.MigrateAsync();
        }
        await app.Harness.Start();
        app.Harness.Bus.ConnectConsumeObserver(app._deliveries);
        return app;
    }

    /// <summary>
    /// The service on the real bus over <paramref name="broker"/> (kebab-case queues, the retry and error queues of
    /// Cchc.Messaging); <paramref name="settings"/> override configuration (e.g. Messaging:RetryLimit). Publish with
    /// <see cref="PublishAsync{TMessage}"/>.
    /// </summary>
    public static async Task<ReportingApp> StartWithBrokerAsync(PostgresServer postgres, RabbitMqNode broker, string name,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync(name);
        var app = new ReportingApp(connectionString, await TestTokenIssuer.StartAsync(), broker.AmqpUri, settings);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Database.MigrateAsync();
        }
        return app;
    }

    /// <summary>Publishes an event through the service's own bus (as a domain service's relay would, with its message id).</summary>
    public Task PublishAsync<TMessage>(TMessage message, Guid messageId) where TMessage : class =>
        Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);

    /// <summary>Publishes an event with the given message id and waits until the consumer has handled that delivery.</summary>
    public async Task ConsumeAsync<TConsumer, TMessage>(TMessage message, Guid? messageId = null)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class
    {
        var id = messageId ?? NewId.NextGuid();
        var before = _deliveries.Finished(id);
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.AssertAsync(() => _deliveries.Finished(id) > before,
            TimeSpan.FromSeconds(30), $"{typeof(TConsumer).Name} handles message {id}");
        Assert.Null(_deliveries.Fault(id));
        Assert.True(Harness.GetConsumerHarness<TConsumer>().Consumed.Select<TMessage>(m => m.Context.MessageId == id).Any());
    }

    /// <summary>Publishes all messages at once (the consumers take several concurrently) and waits until each was handled.</summary>
    public async Task ConsumeConcurrentlyAsync<TMessage>(IEnumerable<TMessage> messages, TimeSpan? timeout = null)
        where TMessage : class
    {
        var ids = new List<Guid>();
        foreach (var message in messages)
        {
            var id = NewId.NextGuid();
            ids.Add(id);
            await Harness.Bus.Publish(message, context => context.MessageId = id);
        }
        await Eventually.AssertAsync(() => ids.All(id => _deliveries.Finished(id) > 0 || _deliveries.Fault(id) is not null),
            timeout ?? TimeSpan.FromSeconds(60), $"all {ids.Count} {typeof(TMessage).Name} messages are handled");
        Assert.All(ids, id => Assert.Null(_deliveries.Fault(id)));
    }

    public async Task<AppendixReport> Appendix3Async(params string[] periods)
    {
        await using var scope = Services.CreateAsyncScope();
        var calculator = scope.ServiceProvider.GetRequiredService<AppendixCalculator>();
        var parsed = PeriodParser.Parse(periods, DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.True(parsed.IsValid, parsed.Error);
        return await calculator.ComputeAsync(calculator.Find(3)!, parsed.Periods, CancellationToken.None);
    }

    public async Task<T> QueryAsync<T>(Func<ReportingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
