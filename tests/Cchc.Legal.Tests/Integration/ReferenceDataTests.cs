using Cchc.Contracts.Events.Organisation;
using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Grpc;
using Cchc.ReferenceData.Grpc;
using Cchc.Testing;
using Grpc.Core;
using static Cchc.Testing.ReferenceUnits;

namespace Cchc.Legal.Tests.Integration;

// Not in parallel with the other collection: two WebApplicationFactory<Program> starting at once can catch each other's
// host (the entry point is intercepted process-wide), and one then binds the real Kestrel ports.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LegalWithBrokerCollection : ICollectionFixture<LegalWithBroker>
{
    public const string Name = "legal-with-broker";
}

/// <summary>
/// The legal service on a real PostgreSQL and RabbitMQ (Cchc.Testing's domain-service host): its copy of the unit
/// reference data is filled only through the broker. <c>Reference</c> and <c>PublishAndWaitAsync</c> come from the host.
/// </summary>
public sealed class LegalWithBroker() : DomainServiceHost<Program, LegalDbContext>(new()
{
    DatabaseName = "legal_reference_tests",
    WithBroker = true,
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("legal.read", "legal.write"),
})
{
    public DocumentService.DocumentServiceClient Documents => new(Channel);

    public ReviewService.ReviewServiceClient Reviews => new(Channel);

    public CheckService.CheckServiceClient Checks => new(Channel);

    public Task<long> CountAsync(string sql, string id) => ScalarAsync(sql, ("id", id));
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
