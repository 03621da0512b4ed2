using System.Text.Json;
using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Extensions;
using Cchc.Egov.Api.Grpc;
using Cchc.Messaging;
using Cchc.ServiceKit;
using Cchc.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cchc.Egov.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class EgovServiceCollection : ICollectionFixture<EgovService>
{
    public const string Name = "egov-service";
}

/// <summary>
/// The e-government metrics service hosted in-process on a real, migrated PostgreSQL database, shared by the integration
/// tests (each test uses its own ids). The broker is a closed port: events stay in the outbox, where the tests read them.
/// </summary>
public sealed class EgovService : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private WebApplicationFactory<Program>? factory;

    /// <summary>The host's services (its rule table and endpoints, for the access-declaration test).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Not started.");

    private GrpcChannel? channel;

    public string ConnectionString { get; private set; } = string.Empty;

    public MetricService.MetricServiceClient Metrics => new(channel);

    public CapabilityService.CapabilityServiceClient Capabilities => new(channel);

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        ConnectionString = await postgres.CreateDatabaseAsync("egov_service_tests");
        var exitCode = await MigrateCommand.RunAsync<EgovDbContext>(b => b.AddEgovDatabase(), [new("ConnectionStrings:egovdb", ConnectionString)]);
        Assert.Equal(0, exitCode);

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
            web.UseSetting("ConnectionStrings:egovdb", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", $"amqp://guest:guest@127.0.0.1:{closedBrokerPort}/");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
        });
        // The tests' usual caller: the Department of Information and Communications' province-wide rights (read, write, every unit).
        channel = ChannelFor(Issuer.CreateToken("test-province", ["egov.read", "egov.write"], ["*"]));
    }

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
