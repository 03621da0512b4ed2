using System.Text.Json;
using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Extensions;
using Cchc.Egov.Api.Grpc;
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

namespace Cchc.Egov.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class EgovServiceCollection : ICollectionFixture<EgovService>
{
    public const string Name = "egov-service";
}

/// <summary>
/// The e-government metrics service hosted in-process on a real, migrated PostgreSQL database, shared by the integration
/// tests (each test uses its own ids), with a real RabbitMQ: the service's copy of the unit registry is filled through
/// the broker in the reference-data tests (<see cref="PublishAndWaitAsync"/>); the other tests write their units into the
/// copy directly (<see cref="ReferenceUnits"/>). Events stay in the outbox (relayed rows are only marked sent), where the
/// tests read them.
/// </summary>
public sealed class EgovService : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private readonly RabbitMqNode rabbit = new();
    private WebApplicationFactory<Program>? factory;
    private GrpcChannel? channel;

    public string ConnectionString { get; private set; } = string.Empty;

    public MetricService.MetricServiceClient Metrics => new(channel);

    public CapabilityService.CapabilityServiceClient Capabilities => new(channel);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(postgres.InitializeAsync(), rabbit.InitializeAsync());
        ConnectionString = await postgres.CreateDatabaseAsync("egov_service_tests");
        var exitCode = await MigrateCommand.RunAsync<EgovDbContext>(b => b.AddEgovDatabase(), [new("ConnectionStrings:egovdb", ConnectionString)]);
        Assert.Equal(0, exitCode);
        // The service takes units and their levels from its copy of the registry: seed the province's tree the tests name.
        await ReferenceUnits.TreeAsync(ConnectionString, TreePrefix,
            ("P", "tỉnh Lai Châu", UnitKind.Province, null), ("P-UBND", TestData.Province, UnitKind.PeoplesCommittee, "P"),
            ("D", "huyện Tam Đường", UnitKind.DistrictLevel, "P"), ("D-UBND", TestData.TamDuong, UnitKind.PeoplesCommittee, "D"),
            ("C", "xã Bản Giang", UnitKind.CommuneLevel, "D"), ("C-UBND", TestData.BanGiang, UnitKind.PeoplesCommittee, "C"));

        Issuer = await TestTokenIssuer.StartAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseEnvironment("Testing");
            foreach (var (key, value) in Issuer.ValidatorSettings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting("ConnectionStrings:egovdb", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", rabbit.AmqpUri.ToString());
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
            web.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        });
        Reference = new UnitReference.UnitReferenceClient(ChannelFor(Issuer.CreateToken("test-loader", ["organisation.read"], ["*"])));
        // The tests' usual caller: the Department of Information and Communications' province-wide rights (read, write, every unit).
        channel = ChannelFor(Issuer.CreateToken("test-province", ["egov.read", "egov.write"], ["*"]));
    }

    /// <summary>The prefix of the codes of the tree the fixture seeds ("EGOV:P-UBND" is the provincial committee).</summary>
    public const string TreePrefix = "EGOV:";

    /// <summary>A provincial agency of the test's own (a unique name), under the provincial committee since long ago.</summary>
    public async Task<string> NewAgencyAsync()
    {
        var unit = TestData.NewAgency();
        await ReferenceUnits.ApplyAsync(ConnectionString,
            [ReferenceUnits.History(ReferenceUnits.CodeOf(unit), 1, ReferenceUnits.Period(ReferenceUnits.LongAgo, null, unit, UnitKind.SpecialisedAgency, parent: TreePrefix + "P-UBND"))]);
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
