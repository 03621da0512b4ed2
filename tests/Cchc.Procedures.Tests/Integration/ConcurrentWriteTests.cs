using Cchc.Procedures.Api.Grpc;
using Grpc.Core;

namespace Cchc.Procedures.Tests.Integration;

/// <summary>Callers racing on one id meet at the database; the losers decide again on the new state.</summary>
[Collection(ProceduresServiceCollection.Name)]
public sealed class ConcurrentWriteTests(ProceduresService service)
{
    private const int Callers = 8;

    [Fact]
    public async Task ReceiveDossier_SameDossierFromManyCallersAtOnce_RecordsItOnceWithOneEvent()
    {
        var code = TestData.NewId("TT");
        await service.Catalog.CreateProcedureAsync(TestData.Create(code));
        var id = TestData.NewId("HS");

        var results = await Task.WhenAll(Enumerable.Range(0, Callers)
            .Select(_ => service.Dossiers.ReceiveDossierAsync(TestData.Receive(id, code)).ResponseAsync));

        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ResolveDossier_ManyCallersWithDifferentInstants_ExactlyOneWinsAndTheOthersFailPrecondition()
    {
        var code = TestData.NewId("TT");
        await service.Catalog.CreateProcedureAsync(TestData.Create(code));
        var id = TestData.NewId("HS");
        await service.Dossiers.ReceiveDossierAsync(TestData.Receive(id, code));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            try
            {
                await service.Dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddHours(i + 1)) });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.FailedPrecondition, o));
        Assert.Equal(2, (await service.Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id })).Version);
        Assert.Equal(2, (await service.OutboxRowsMentioningAsync(id)).Count);
    }

    [Fact]
    public async Task AmendProcedure_ManyDifferentAmendmentsAtOnce_EachBecomesOneVersionWithOneEvent()
    {
        var code = TestData.NewId("TT");
        await service.Catalog.CreateProcedureAsync(TestData.Create(code, "2018-01-01"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            try
            {
                await service.Catalog.AmendProcedureAsync(TestData.Amend(code, "2019-01-01", $"Phiên bản {i}"));
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));
        var history = await service.Catalog.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = code });

        // Every caller either recorded its version or was told to retry (ABORTED after repeated conflicts); none is lost silently.
        Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.Aborted }));
        Assert.Equal(1 + outcomes.Count(o => o == StatusCode.OK), history.Versions.Count);
        Assert.Equal(Enumerable.Range(1, history.Versions.Count), history.Versions.Select(v => v.Version));
        Assert.Equal(history.Versions.Count, (await service.OutboxRowsMentioningAsync(code)).Count);
        Assert.Equal(history.Versions[^1].Attributes.Name, (await service.Catalog.GetProcedureAsync(new GetProcedureRequest { Code = code })).Attributes.Name);
    }
}
