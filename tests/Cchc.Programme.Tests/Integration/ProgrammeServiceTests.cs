using Cchc.Contracts.Events.Programme;
using Cchc.Programme.Api.Grpc;
using Grpc.Core;

namespace Cchc.Programme.Tests.Integration;

/// <summary>Writes through the template on real PostgreSQL: idempotency, history, the events in the outbox, validation that writes nothing.</summary>
[Collection(ProgrammeServiceCollection.Name)]
public sealed class ProgrammeServiceTests(ProgrammeService service)
{
    [Fact]
    public async Task ARecord_IsStoredOnce_ReplacedWithItsRevision_AndPublished()
    {
        var key = TestData.NewKey();
        var first = await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(key) });
        var again = await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(key) });
        var replaced = await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(key, unit: "Sở Y tế") });

        Assert.Equal((1, 1, 2), (first.Revision, again.Revision, replaced.Revision));
        Assert.Equal(RecordKind.Inspection, replaced.Kind);
        Assert.Equal("Sở Y tế", replaced.Record.Inspection.UnitInspected);
        var events = (await service.OutboxRowsMentioningAsync(key)).Select(r => r.As<ProgrammeRecordsRecorded>()).ToList();
        Assert.Equal(2, events.Count);
        var last = events.SelectMany(e => e.Records).Single(r => r.Revision == 2);
        Assert.Equal((ProgrammeRecordKind.Inspection, "Sở Y tế", new DateOnly(2009, 5, 12)), (last.Kind, last.Subject, last.From));
    }

    [Fact]
    public async Task APropagandaReport_KeepsNotReported_ApartFromZero()
    {
        var key = TestData.NewKey();
        var record = new ProgrammeRecord
        {
            ReportingUnit = TestData.HomeAffairs, Key = key,
            Propaganda = new Propaganda { PeriodFrom = "2008-01-01", PeriodTo = "2008-12-31", Bulletins = 0, PortalSection = false },
        };
        await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = record });

        var fact = (await service.OutboxRowsMentioningAsync(key)).Single().As<ProgrammeRecordsRecorded>().Records.Single();
        Assert.Equal(0, fact.Bulletins);
        Assert.False(fact.PortalSection);
        Assert.Null(fact.Contests);
        Assert.Null(fact.NewspaperArticles);
    }

    [Fact]
    public async Task ASubmittedValue_KeepsItsHistory_WithWhoAndWhen()
    {
        var unit = "Sở Thử nghiệm " + TestData.NewKey();
        await service.Values.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(unit, "2009-01-01", "2009-12-31", ValueKind.NotReported, "") });
        await service.Values.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(unit, "2009-01-01", "2009-12-31", ValueKind.NotApplicable, "") });
        await service.Values.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(unit, "2009-01-01", "2009-12-31", ValueKind.Number, "0") });
        await service.Values.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(unit, "2009-01-01", "2009-12-31", ValueKind.Number, "0") });

        var state = await service.Values.GetSubmittedValueAsync(new GetSubmittedValueRequest
        {
            Indicator = "procedures.published_in_full", Unit = unit, PeriodFrom = "2009-01-01", PeriodTo = "2009-12-31",
        });

        Assert.Equal(3, state.Revision);
        Assert.Equal([ValueKind.NotReported, ValueKind.NotApplicable, ValueKind.Number], state.History.Select(h => h.Kind));
        Assert.All(state.History, h => Assert.Equal("test-province", h.RecordedBy));
        Assert.Equal("0", state.Current.Value);
        var facts = (await service.OutboxRowsMentioningAsync(unit)).SelectMany(r => r.As<ValuesSubmitted>().Values).ToList();
        Assert.Equal([SubmittedValueKind.NotReported, SubmittedValueKind.NotApplicable, SubmittedValueKind.Number], facts.OrderBy(f => f.Revision).Select(f => f.Kind));
    }

    [Fact]
    public async Task APercentageAbove100_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var unit = "Sở Thử nghiệm " + TestData.NewKey();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Values.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(unit, "2009-01-01", "2009-12-31", ValueKind.Number, "100.5") }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("value.value", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("phần trăm", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await service.OutboxRowsMentioningAsync(unit));
    }

    [Fact]
    public async Task Obligations_AreImportedOnce_AndANewDeadlineIsARevision()
    {
        var unit = "UBND huyện " + TestData.NewKey();
        Obligation Owed(string due) => new() { Unit = unit, RecordKind = RecordKind.TrainingClass, PeriodFrom = "2008-01-01", PeriodTo = "2008-12-31", DueOn = due };

        var first = await TestData.ImportAsync(service.Obligations.ImportObligations(), Owed("2009-01-15"));
        var same = await TestData.ImportAsync(service.Obligations.ImportObligations(), Owed("2009-01-15"));
        var moved = await TestData.ImportAsync(service.Obligations.ImportObligations(), Owed("2009-01-31"));

        Assert.Equal((1L, 1L, 1L), (first.Inserted, same.Unchanged, moved.Replaced));
        var listed = await service.Obligations.ListObligationsAsync(new ListObligationsRequest { Unit = unit });
        Assert.Equal("2009-01-31", listed.Obligations.Single().DueOn);
        var facts = (await service.OutboxRowsMentioningAsync(unit)).SelectMany(r => r.As<ObligationsDeclared>().Obligations).ToList();
        Assert.Equal([new DateOnly(2009, 1, 15), new DateOnly(2009, 1, 31)], facts.OrderBy(f => f.Revision).Select(f => f.DueOn));
    }

    [Fact]
    public async Task AnImport_IsAllOrNothing_NamingTheBadRecord()
    {
        var good = TestData.Inspection(TestData.NewKey());
        var bad = TestData.Inspection(TestData.NewKey(), day: "2009-02-30");

        var ex = await Assert.ThrowsAsync<RpcException>(() => TestData.ImportAsync(service.Records.ImportProgrammeRecords(), good, bad));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("records[1].inspection.day", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await service.OutboxRowsMentioningAsync(good.Key));
    }
}
