using System.Text.Json;
using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Extensions;
using Cchc.Finance.Api.Grpc;
using Cchc.Messaging;
using Cchc.ServiceKit;
using Cchc.Contracts.Events.Organisation;
using Cchc.ReferenceData.Grpc;
using Cchc.Testing;
using MassTransit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cchc.Finance.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class FinanceServiceCollection : ICollectionFixture<FinanceService>
{
    public const string Name = "finance-service";
}

/// <summary>
/// The public finance service hosted in-process on a real, migrated PostgreSQL database, shared by the integration
/// tests (each test uses its own ids), with a real RabbitMQ: the service's copy of the unit registry is filled through
/// the broker in the reference-data tests (<see cref="PublishAndWaitAsync"/>); the other tests write their units into the
/// copy directly (<see cref="ReferenceUnits"/>). Events stay in the outbox (relayed rows are only marked sent), where the
/// tests read them.
/// </summary>
public sealed class FinanceService : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private readonly RabbitMqNode rabbit = new();
    private WebApplicationFactory<Program>? factory;
    private GrpcChannel? channel;

    public string ConnectionString { get; private set; } = string.Empty;

    public AutonomyService.AutonomyServiceClient Autonomy => new(channel);

    public BudgetService.BudgetServiceClient Budget => new(channel);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(postgres.InitializeAsync(), rabbit.InitializeAsync());
        ConnectionString = await postgres.CreateDatabaseAsync("finance_service_tests");
        var exitCode = await MigrateCommand.RunAsync<FinanceDbContext>(b => b.AddFinanceDatabase(), [new("ConnectionStrings:financedb", ConnectionString)]);
        Assert.Equal(0, exitCode);
        // The service refuses facts of units its copy of the registry does not know on the day: seed the tests' units.
        await ReferenceUnits.SeedAsync(ConnectionString, KnownUnits);

        Issuer = await TestTokenIssuer.StartAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseEnvironment("Testing");
            foreach (var (key, value) in Issuer.ValidatorSettings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting("ConnectionStrings:financedb", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", rabbit.AmqpUri.ToString());
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
            web.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        });
        Reference = new UnitReference.UnitReferenceClient(ChannelFor(Issuer.CreateToken("test-loader", ["organisation.read"], ["*"])));
        // The tests' usual caller: the Department of Finance's province-wide rights (read, write, every unit).
        channel = ChannelFor(Issuer.CreateToken("test-province", ["finance.read", "finance.write"], ["*"]));
    }

    /// <summary>Units the tests name besides their own (parents of service units), known to the copy since long ago.</summary>
    public static readonly IReadOnlyList<string> KnownUnits = ["UBND huyện Tam Đường", "UBND tỉnh Lai Châu", "Sở Y tế"];

    /// <summary>A unit of the test's own (a unique name), written into the service's copy as existing since long ago.</summary>
    public async Task<string> NewUnitAsync(string prefix = "Đơn vị kiểm thử")
    {
        var unit = TestData.NewUnit(prefix);
        await ReferenceUnits.SeedAsync(ConnectionString, [unit]);
        return unit;
    }

    /// <summary>The service's cchc.reference.v1.UnitReference (status of its copy of the unit registry), as the demo loader asks it.</summary>
    public UnitReference.UnitReferenceClient Reference { get; private set; } = null!;

    /// <summary>Publishes <paramref name="message"/> to the broker and waits until the service's copy holds it.</summary>
    public Task PublishAndWaitAsync(UnitsChanged message) =>
        ReferenceUnits.PublishAndWaitAsync(factory!.Services.GetRequiredService<IBus>(), Reference, message);

    /// <summary>The test token issuer the service trusts.</summary>
    public TestTokenIssuer Issuer { get; private set; } = null!;

    /// <summary>A channel whose calls carry <paramref name="token"/> (none when null); disposed with the fixture.</summary>
    public GrpcChannel ChannelFor(string? token)
    {
        var created = GrpcChannel.ForAddress(factory!.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token, factory.Server.CreateHandler()) });
        lock (channels)
        {
            channels.Add(created);
        }
        return created;
    }

    private readonly List<GrpcChannel> channels = [];

    public async Task DisposeAsync()
    {
        foreach (var created in channels)
        {
            created.Dispose();
        }
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
        await rabbit.DisposeAsync();
        await postgres.DisposeAsync();
    }

    /// <summary>Outbox rows whose payload mentions <paramref name="text"/> (a test's unique id), oldest first.</summary>
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

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed record OutboxRow(string MessageType, string Payload)
{
    public T As<T>() => JsonSerializer.Deserialize<T>(Payload, MessagingJson.Options)
        ?? throw new InvalidOperationException("Empty payload.");
}
