using System.Globalization;
using System.Text.Json;
using Cchc.Contracts.Events.Organisation;
using Cchc.Messaging;
using Cchc.ReferenceData.Grpc;
using Cchc.ServiceKit.Hosting;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Cchc.Testing;

/// <summary>How a test collection hosts its domain service (<see cref="DomainServiceHost{TProgram, TDbContext}"/>).</summary>
public sealed record DomainServiceHostOptions
{
    /// <summary>The test database created on the throwaway PostgreSQL server.</summary>
    public required string DatabaseName { get; init; }

    /// <summary>The token of the tests' usual caller (the host's default channel), minted by the host's issuer.</summary>
    public required Func<TestTokenIssuer, string> DefaultCaller { get; init; }

    /// <summary>Units written into the service's copy of the unit reference data, existing since long ago (<see cref="ReferenceUnits.SeedAsync"/>).</summary>
    public IReadOnlyList<string> KnownUnits { get; init; } = [];

    /// <summary>
    /// A real RabbitMQ node (the bus waits until its endpoints exist; <c>PublishAndWait…</c> work). Without it the broker
    /// is a closed port: events stay in the outbox, where the tests read them.
    /// </summary>
    public bool WithBroker { get; init; }

    /// <summary>Settings of the service beyond the host's (connection strings, token validation, free ports, quiet logs).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A caller with <paramref name="scopes"/> for every unit (<c>*</c>), client id <c>test-province</c>.</summary>
    public static Func<TestTokenIssuer, string> ProvinceWide(params string[] scopes) =>
        issuer => issuer.CreateToken("test-province", scopes, ["*"]);
}

/// <summary>
/// A domain service hosted in-process for its integration tests, the same way for every service: a throwaway PostgreSQL
/// server and database, migrated through the service's own <c>migrate</c> verb (its definition's
/// <see cref="DomainService{TDbContext}.MigrateAsync"/>), optionally seeded reference units, a token issuer the service
/// trusts, the service in a WebApplicationFactory on free Kestrel ports, channels carrying a caller's token, and
/// readers of the outbox and of scalar SQL. A test project's fixture is a subclass naming the options and its clients:
/// <code>
/// public sealed class LegalService() : DomainServiceHost&lt;Program, LegalDbContext&gt;(new()
/// {
///     DatabaseName = "legal_service_tests",
///     DefaultCaller = DomainServiceHostOptions.ProvinceWide("legal.read", "legal.write"),
/// })
/// {
///     public DocumentService.DocumentServiceClient Documents =&gt; new(Channel);
/// }
/// </code>
/// </summary>
public abstract class DomainServiceHost<TProgram, TDbContext> : IAsyncLifetime
    where TProgram : class, IDomainServiceProgram<TDbContext>
    where TDbContext : DbContext
{
    private const int MaxMessageSize = 16 * 1024 * 1024;

    private readonly DomainServiceHostOptions _options;
    private readonly PostgresServer _postgres = new();
    private readonly RabbitMqNode? _rabbit;
    private readonly List<GrpcChannel> _channels = [];
    private WebApplicationFactory<TProgram>? _factory;
    private GrpcChannel? _channel;
    private GrpcChannel? _referenceReader;

    protected DomainServiceHost(DomainServiceHostOptions options)
    {
        _options = options;
        _rabbit = options.WithBroker ? new RabbitMqNode() : null;
    }

    /// <summary>The service's definition (its database, rules, APIs).</summary>
    public static DomainService<TDbContext> Definition => TProgram.Definition;

    /// <summary>The token issuer the service trusts (a stand-in for the suite's token service).</summary>
    public TestTokenIssuer Issuer { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public PostgresServer Postgres => _postgres;

    /// <summary>The RabbitMQ node, with <see cref="DomainServiceHostOptions.WithBroker"/>.</summary>
    public RabbitMqNode Broker => _rabbit ?? throw new InvalidOperationException("This host runs without a broker (DomainServiceHostOptions.WithBroker).");

    public WebApplicationFactory<TProgram> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>The host's services (its rule table and endpoints, for the access-declaration tests).</summary>
    public IServiceProvider Services => Factory.Services;

    /// <summary>The channel of the tests' usual caller (<see cref="DomainServiceHostOptions.DefaultCaller"/>).</summary>
    protected GrpcChannel Channel => _channel ?? throw new InvalidOperationException("Not started.");

    /// <summary>cchc.reference.v1.UnitReference, called as the demo loader would (organisation.read, every unit).</summary>
    public UnitReference.UnitReferenceClient Reference =>
        new(_referenceReader ??= ChannelFor(Issuer.CreateToken("test-loader", ["organisation.read"], ["*"])));

    public virtual async Task InitializeAsync()
    {
        await Task.WhenAll(_postgres.InitializeAsync(), _rabbit?.InitializeAsync() ?? Task.CompletedTask);
        ConnectionString = await _postgres.CreateDatabaseAsync(_options.DatabaseName);
        // The service's own migrate verb, as its migrator resource runs it.
        Assert.Equal(0, await Definition.MigrateAsync([new($"ConnectionStrings:{Definition.Database}", ConnectionString)]));
        if (_options.KnownUnits.Count > 0)
        {
            // Services that keep the unit reference data refuse facts of units their copy does not know on the day.
            await ReferenceUnits.SeedAsync(ConnectionString, _options.KnownUnits);
        }

        Issuer = await TestTokenIssuer.StartAsync();
        var messaging = _rabbit?.AmqpUri.ToString() ?? $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/";
        _factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseEnvironment("Testing");
            foreach (var (key, value) in Issuer.ValidatorSettings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting($"ConnectionStrings:{Definition.Database}", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", messaging);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            if (_rabbit is null)
            {
                // The broker is down on purpose: keep its connection errors out of the test output.
                web.UseSetting("Logging:LogLevel:MassTransit", "None");
            }
            else
            {
                // The service's queues and bindings must exist before a test publishes.
                web.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
            }
            foreach (var (key, value) in _options.Settings)
            {
                web.UseSetting(key, value);
            }
        });
        _channel = ChannelFor(_options.DefaultCaller(Issuer));
    }

    /// <summary>A channel to the service whose calls carry <paramref name="token"/> (none when null); disposed with the host.</summary>
    public GrpcChannel ChannelFor(string? token)
    {
        var created = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, Factory.Server.CreateHandler()),
            MaxReceiveMessageSize = MaxMessageSize,
        });
        lock (_channels)
        {
            _channels.Add(created);
        }
        return created;
    }

    public virtual async Task DisposeAsync()
    {
        lock (_channels)
        {
            foreach (var created in _channels)
            {
                created.Dispose();
            }
            _channels.Clear();
        }
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
        if (_rabbit is not null)
        {
            await _rabbit.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }

    /// <summary>Outbox rows whose payload mentions <paramref name="text"/> (a test's unique id or id prefix), oldest first.</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxRowsMentioningAsync(string text)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT message_type, payload::text FROM outbox_messages WHERE strpos(payload::text, @text) > 0 ORDER BY sequence", connection);
        command.Parameters.AddWithValue("text", text);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> (with @name parameters), as a number.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Stores the reporting service's approval of <paramref name="year"/> in the service's period_locks as the template's
    /// consumer keeps it (PeriodApprovalConsumer, tested through a real broker in the e-government tests), so a test of a
    /// write path needs no broker (ADR 0029). <see cref="ReopenYearAsync"/> withdraws it.
    /// </summary>
    public Task LockYearAsync(int year, int version = 1) => ScalarAsync("""
        INSERT INTO period_locks (from_day, to_day, period, version, approved_at, approved_by, withdrawn_at)
        VALUES (@from, @to, @period, @version, '2026-12-06T03:00:00Z', 'cchc-approver', NULL)
        ON CONFLICT (from_day, to_day) DO UPDATE SET version = excluded.version, withdrawn_at = NULL
        RETURNING 1
        """, ("from", new DateOnly(year, 1, 1)), ("to", new DateOnly(year, 12, 31)),
        ("period", year.ToString(CultureInfo.InvariantCulture)), ("version", version));

    /// <summary>Withdraws the approval <see cref="LockYearAsync"/> stored: the year is open again.</summary>
    public Task ReopenYearAsync(int year) =>
        ScalarAsync("UPDATE period_locks SET withdrawn_at = now() WHERE from_day = @from RETURNING 1", ("from", new DateOnly(year, 1, 1)));

    /// <summary>Publishes <paramref name="message"/> to the broker (as the organisation service's relay does) and waits until the service's copy reports its revision.</summary>
    public async Task PublishAndWaitAsync(UnitsChanged message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await PublishAsync(message);
        var revision = message.Units.Max(u => u.Revision);
        await Eventually.AssertAsync(async () => (await Reference.GetStatusAsync(new GetStatusRequest())).Revision >= revision,
            TimeSpan.FromSeconds(30), $"the service's copy reports revision {revision}");
    }

    /// <summary>Publishes <paramref name="message"/> and waits until the service's inbox has recorded it (applied or ignored).</summary>
    public async Task PublishAndWaitForInboxAsync(UnitsChanged message)
    {
        var id = NewId.NextGuid();
        await PublishAsync(message, id);
        await Eventually.AssertAsync(async () => await ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", id)) == 1,
            TimeSpan.FromSeconds(30), $"message {id} recorded in the inbox");
    }

    /// <summary>Publishes <paramref name="message"/> through the service's own bus (needs <see cref="DomainServiceHostOptions.WithBroker"/>).</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        _ = Broker;
        var bus = Factory.Services.GetRequiredService<IBus>();
        return messageId is { } id ? bus.Publish(message, context => context.MessageId = id) : bus.Publish(message);
    }
}

/// <summary>An outbox row as the tests read it: the event's type and its JSON.</summary>
public sealed record OutboxRow(string MessageType, string Payload)
{
    public T As<T>() => JsonSerializer.Deserialize<T>(Payload, MessagingJson.Options)
        ?? throw new InvalidOperationException("Empty payload.");
}
