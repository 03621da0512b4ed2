using System.Text.Json;
using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Extensions;
using Cchc.Legal.Api.Grpc;
using Cchc.Messaging;
using Cchc.ServiceKit;
using Cchc.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cchc.Legal.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class LegalServiceCollection : ICollectionFixture<LegalService>
{
    public const string Name = "legal-service";
}

/// <summary>
/// The legal documents service hosted in-process on a real, migrated PostgreSQL database, shared by the integration
/// tests (each test uses its own ids). The broker is a closed port: events stay in the outbox, where the tests read them.
/// </summary>
public sealed class LegalService : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private WebApplicationFactory<Program>? factory;

    /// <summary>The host's services (its rule table and endpoints, for the access-declaration test).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Not started.");

    private GrpcChannel? channel;

    public string ConnectionString { get; private set; } = string.Empty;

    public DocumentService.DocumentServiceClient Documents => new(channel);

    public ReviewService.ReviewServiceClient Reviews => new(channel);

    public CheckService.CheckServiceClient Checks => new(channel);

    /// <summary>The units the tests record facts for, existing since long ago (the fixture seeds the service's copy).</summary>
    public static readonly IReadOnlyList<string> KnownUnits =
        [TestData.ProvinceCommittee, TestData.ProvinceCouncil, "Sở Tư pháp", "Sở Nội vụ", "UBND huyện Tam Đường", "HĐND huyện Tam Đường"];

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        ConnectionString = await postgres.CreateDatabaseAsync("legal_service_tests");
        var exitCode = await MigrateCommand.RunAsync<LegalDbContext>(b => b.AddLegalDatabase(), [new("ConnectionStrings:legaldb", ConnectionString)]);
        Assert.Equal(0, exitCode);
        // The service refuses facts of units its copy of the registry does not know on the day: seed the tests' units.
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
            web.UseSetting("ConnectionStrings:legaldb", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", $"amqp://guest:guest@127.0.0.1:{closedBrokerPort}/");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
        });
        // The tests' usual caller: the Department of Justice's province-wide rights (read, write, every unit).
        channel = ChannelFor(Issuer.CreateToken("test-province", ["legal.read", "legal.write"], ["*"]));
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
