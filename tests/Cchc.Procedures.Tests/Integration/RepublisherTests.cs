using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Grpc;
using Cchc.ServiceKit.Hosting.Republishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Procedures.Tests.Integration;

/// <summary>
/// The service's republisher (docs/adr/0040): its current state as the events its writes publish, at the versions it holds
/// (a dossier closed after it was received is version 2; an amended procedure has versions 1 and 2), in pages of at most
/// 1,000, and it changes nothing of the service's data.
/// </summary>
[Collection(ProceduresServiceCollection.Name)]
public sealed class RepublisherTests(ProceduresService service)
{
    [Fact]
    public async Task ItRepublishesEveryDossierFeedbackAndProcedureVersion_AtTheVersionTheServiceHolds()
    {
        var procedure = TestData.NewId("TT");
        await service.Catalog.CreateProcedureAsync(TestData.Create(procedure));
        await service.Catalog.AmendProcedureAsync(TestData.Amend(procedure, "2019-06-01", "Tên sau sửa đổi"));
        var dossier = TestData.NewId("HS");
        await service.Dossiers.ReceiveDossierAsync(TestData.Receive(dossier, procedure));
        await service.Dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = dossier, ClosedAt = TestData.At(TestData.May2.AddDays(1)) });
        var (dossiersBefore, outboxBefore) = await CountsAsync();

        var pages = new List<RepublishedPage>();
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var republisher = Assert.IsType<ProceduresRepublisher>(scope.ServiceProvider.GetRequiredService<IFactRepublisher>());
            await foreach (var page in republisher.PagesAsync(CancellationToken.None))
            {
                pages.Add(page);
            }
        }

        var dossiers = pages.Select(p => p.Event).OfType<DossiersRecorded>().SelectMany(e => e.Dossiers).ToList();
        var mine = Assert.Single(dossiers, d => d.DossierId == dossier);
        Assert.Equal((2, Cchc.Contracts.Events.Procedures.DossierStatus.Resolved, (DateTimeOffset?)TestData.May2.AddDays(1)), (mine.Version, mine.Status, mine.ClosedAt));
        Assert.Equal(procedure, mine.ProcedureCode);
        var versions = pages.Select(p => p.Event).OfType<ProcedureVersionsRecorded>().SelectMany(e => e.Versions).Where(v => v.Code == procedure).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Version).Order());
        Assert.Equal(new DateOnly(2019, 6, 1), versions.Single(v => v.Version == 2).EffectiveFrom);
        // Every dossier exactly once, every page within the bulk imports' size and counting what it carries.
        Assert.Equal(dossiersBefore, dossiers.Count);
        Assert.Equal(dossiers.Count, dossiers.Select(d => d.DossierId).Distinct().Count());
        Assert.All(pages, p => Assert.InRange(p.Records, 1, FactPages.Size));
        Assert.Equal(dossiers.Count, pages.Where(p => p.Event is DossiersRecorded).Sum(p => p.Records));
        // Reading changed nothing: no version bumped, nothing written.
        Assert.Equal((dossiersBefore, outboxBefore), await CountsAsync());
        Assert.Equal(2, (await service.Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = dossier })).Version);
    }

    private async Task<(int Dossiers, int Outbox)> CountsAsync()
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDbContext>();
        return (await db.Dossiers.CountAsync(), await db.Set<Cchc.Messaging.OutboxMessage>().CountAsync());
    }
}
