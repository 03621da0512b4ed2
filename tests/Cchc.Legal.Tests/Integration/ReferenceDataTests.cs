using Cchc.Contracts.Events.Organisation;
using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Extensions;
using Cchc.Legal.Api.Grpc;
using Cchc.ReferenceData.Grpc;
using Cchc.ServiceKit;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Cchc.Testing.ReferenceUnits;

namespace Cchc.Legal.Tests.Integration;

// Not in parallel with the other collection: two WebApplicationFactory<Program> starting at once can catch each other's
// host (the entry point is intercepted process-wide), and one then binds the real Kestrel ports.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LegalWithBrokerCollection : ICollectionFixture<LegalWithBroker>
{
    public const string Name = "legal-with-broker";
}

/// <summary>The legal service on a real PostgreSQL and RabbitMQ: its copy of the unit reference data is filled only through the broker.</summary>
public sealed class LegalWithBroker : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private readonly RabbitMqNode rabbit = new();
    private readonly List<GrpcChannel> channels = [];
    private WebApplicationFactory<Program>? factory;

    public string ConnectionString { get; private set; } = string.Empty;

    public DocumentService.DocumentServiceClient Documents { get; private set; } = null!;

    public ReviewService.ReviewServiceClient Reviews { get; private set; } = null!;

    public CheckService.CheckServiceClient Checks { get; private set; } = null!;

    public UnitReference.UnitReferenceClient Reference { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(postgres.InitializeAsync(), rabbit.InitializeAsync());
        ConnectionString = await postgres.CreateDatabaseAsync("legal_reference_tests");
        Assert.Equal(0, await MigrateCommand.RunAsync<LegalDbContext>(b => b.AddLegalDatabase(), [new("ConnectionStrings:legaldb", ConnectionString)]));
        var issuer = await TestTokenIssuer.StartAsync();
        Issuer = issuer;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseEnvironment("Testing");
            foreach (var (key, value) in issuer.ValidatorSettings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting("ConnectionStrings:legaldb", ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", rabbit.AmqpUri.ToString());
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        });
        var writer = ChannelFor(issuer.CreateToken("test-province", ["legal.read", "legal.write"], ["*"]));
        Documents = new DocumentService.DocumentServiceClient(writer);
        Reviews = new ReviewService.ReviewServiceClient(writer);
        Checks = new CheckService.CheckServiceClient(writer);
        Reference = new UnitReference.UnitReferenceClient(ChannelFor(issuer.CreateToken("test-loader", ["organisation.read"], ["*"])));
    }

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public GrpcChannel ChannelFor(string? token)
    {
        var created = GrpcChannel.ForAddress(factory!.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token, factory.Server.CreateHandler()) });
        channels.Add(created);
        return created;
    }

    /// <summary>Publishes to the broker and waits until the service's copy reports the message's revision.</summary>
    public async Task PublishAndWaitAsync(UnitsChanged message)
    {
        await factory!.Services.GetRequiredService<IBus>().Publish(message);
        var revision = message.Units.Max(u => u.Revision);
        await Eventually.AssertAsync(async () => (await Reference.GetStatusAsync(new GetStatusRequest())).Revision >= revision,
            TimeSpan.FromSeconds(30), $"the service's copy reports revision {revision}");
    }

    public async Task<long> CountAsync(string sql, string id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
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
}

[Collection(LegalWithBrokerCollection.Name)]
public sealed class ReferenceDataTests(LegalWithBroker service)
{
    private static long revision = DateTime.UtcNow.Ticks;

    [Fact]
    public async Task Documents_AreRefusedBeforeTheIssuersFoundingAndAfterItsMerger_AndAcceptedInItsLifetime()
    {
        var issuer = await ArrangeIssuerAsync();

        foreach (var (signedOn, accepted) in new[] { ("2013-01-01", false), ("2013-01-02", true), ("2020-01-31", true), ("2020-02-01", false) })
        {
            var id = TestData.NewId("VB");
            var attributes = TestData.Decision(signedOn);
            (attributes.IssuerUnit, attributes.Level) = (issuer, GovernmentLevel.District);
            var call = service.Documents.RegisterDocumentAsync(TestData.Register(id, attributes));
            if (accepted)
            {
                await call;
            }
            else
            {
                var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
                Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
                Assert.Contains(issuer, ex.Status.Detail, StringComparison.Ordinal);
                Assert.Contains(signedOn, ex.Status.Detail, StringComparison.Ordinal);
                Assert.Contains("attributes.issuer_unit", ex.Status.Detail, StringComparison.Ordinal);
            }
            Assert.Equal(accepted ? 1 : 0, await service.CountAsync("SELECT count(*) FROM documents WHERE document_id = @id", id));
            Assert.Equal(accepted ? 1 : 0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE strpos(payload::text, @id) > 0", id));
        }
    }

    [Fact]
    public async Task AnImportWithOneDocumentOutsideItsIssuersLifetime_IsRefusedWhole()
    {
        var issuer = await ArrangeIssuerAsync();
        var prefix = TestData.NewId("NVB");
        using var call = service.Documents.ImportDocuments();
        for (var i = 0; i < 5; i++)
        {
            var attributes = TestData.Decision(i == 3 ? "2021-06-01" : $"201{5 + i}-03-01", number: i + 1);
            (attributes.IssuerUnit, attributes.Level) = (issuer, GovernmentLevel.District);
            await call.RequestStream.WriteAsync(new DocumentRecord { DocumentId = $"{prefix}-{i}", Attributes = attributes });
        }
        await call.RequestStream.CompleteAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("records[3].attributes.issuer_unit", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2021-06-01", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM documents WHERE starts_with(document_id, @id)", prefix));
    }

    [Fact]
    public async Task ReviewsAndChecks_ByAUnitOnADayItDidNotExist_AreRefused()
    {
        var unit = await ArrangeIssuerAsync();
        var round = new ReviewRound
        {
            RoundId = TestData.NewId("RS"), ReviewingUnit = unit, Kind = ReviewKind.Periodic, Topic = "Rà soát định kỳ", StartedOn = "2012-06-01",
        };
        Assert.Equal(["round.reviewing_unit"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            service.Reviews.CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = round })));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM review_rounds WHERE round_id = @id", round.RoundId));

        var attributes = TestData.Decision("2016-03-01");
        var document = TestData.NewId("VB");
        await service.Documents.RegisterDocumentAsync(TestData.Register(document, attributes));
        var check = new DocumentCheck
        {
            CheckId = TestData.NewId("KT"), DocumentId = document, CheckingUnit = unit, CheckedOn = "2020-02-01", Result = CheckResult.Lawful,
        };
        Assert.Equal(["check.checking_unit"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check })));
        check.CheckedOn = "2020-01-31";
        await service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check });
    }

    /// <summary>A district committee (and the province's committee, issuer of the base documents) published through the broker.</summary>
    private async Task<string> ArrangeIssuerAsync()
    {
        var unit = $"UBND huyện Thử {Guid.NewGuid():N}"[..26];
        await service.PublishAndWaitAsync(Changed(
            History(CodeOf(unit), Interlocked.Increment(ref revision), Period(new DateOnly(2013, 1, 2), new DateOnly(2020, 1, 31), unit, successors: ["SUCCESSOR"])),
            History(CodeOf(TestData.ProvinceCommittee), Interlocked.Increment(ref revision), Period(LongAgo, null, TestData.ProvinceCommittee))));
        return unit;
    }
}
