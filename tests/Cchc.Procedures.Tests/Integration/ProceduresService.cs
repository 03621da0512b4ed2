using System.Text.Json;
using Cchc.Messaging;
using Cchc.Procedures.Api.Extensions;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cchc.Procedures.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ProceduresServiceCollection : ICollectionFixture<ProceduresService>
{
    public const string Name = "procedures-service";
}

/// <summary>
/// The procedures service hosted in-process (WebApplicationFactory) on a real, migrated PostgreSQL database,
/// shared by the integration tests (each test uses its own ids). The message broker is a closed port: events
/// stay in the outbox, where the tests read them.
/// </summary>
public sealed class ProceduresService : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private readonly List<GrpcChannel> channels = [];
    private WebApplicationFactory<Program>? factory;
    private GrpcChannel? channel;

    /// <summary>The token issuer the service trusts (a stand-in for the suite's token service).</summary>
    public TestTokenIssuer Issuer { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public PostgresServer Postgres => postgres;

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("Not started.");

    public ProcedureCatalogService.ProcedureCatalogServiceClient Catalog => new(channel);

    public DossierService.DossierServiceClient Dossiers => new(channel);

    public FeedbackService.FeedbackServiceClient Feedback => new(channel);

    /// <summary>The units the tests record dossiers for, existing since long ago (the fixture seeds the service's copy).</summary>
    public static readonly IReadOnlyList<string> KnownUnits =
    [
        "UBND xã Bản Lang", "UBND xã Bản Bo", "UBND huyện Tam Đường", "UBND huyện Sìn Hồ",
        .. Enumerable.Range(0, 8).Select(n => $"Bộ phận Một cửa huyện {n}"),
    ];

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        ConnectionString = await postgres.CreateDatabaseAsync("procedures_service_tests");
        var exitCode = await MigrateCommand.RunAsync([new("ConnectionStrings:proceduresdb", ConnectionString)]);
        Assert.Equal(0, exitCode);
        // The service refuses dossiers of units its copy of the registry does not know on the day: seed the tests' units.
        await ReferenceUnits.SeedAsync(ConnectionString, KnownUnits);

        Issuer = await TestTokenIssuer.StartAsync();
        var closedBrokerPort = FreePort.Next();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseEnvironment("Testing");
            foreach (var (key, value) in Issuer.ValidatorSettings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting("ConnectionStrings:proceduresdb", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", $"amqp://guest:guest@127.0.0.1:{closedBrokerPort}/");
            // The broker is down on purpose: keep its connection errors out of the test output.
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
        });
        // The tests' usual caller: the demo loader's rights (read, write, every unit).
        channel = ChannelFor(Issuer.ProvinceWriter());
    }

    /// <summary>A channel to the service whose calls carry <paramref name="token"/> (none when null).</summary>
    public GrpcChannel ChannelFor(string? token)
    {
        var created = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, Factory.Server.CreateHandler()),
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        lock (channels)
        {
            channels.Add(created);
        }
        return created;
    }

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
        await postgres.DisposeAsync();
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
