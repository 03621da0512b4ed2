using Cchc.Programme.Api.Grpc;
using Cchc.Testing.Hostile;
using Grpc.Core;

namespace Cchc.Programme.Tests.Integration;

/// <summary>The hostile-input matrix runs on its own instance of the service: its checks compare the whole database.</summary>
[CollectionDefinition(Name)]
public sealed class ProgrammeHostileCollection : ICollectionFixture<ProgrammeService>
{
    public const string Name = "programme-hostile";
}

/// <summary>
/// Issue 12's hostile-input matrix for every write RPC of the programme service: each malformed input is refused with
/// the status its case expects naming its field (the 1,000th record of an import), nothing is written and the refusal
/// is audited (see <see cref="HostileRunner"/>).
/// </summary>
[Collection(ProgrammeHostileCollection.Name)]
public sealed class HostileInputTests(ProgrammeService service) : HostileInputTestBase
{
    public static IEnumerable<object[]> Cases => HostileMatrix.Names(Matrix);

    protected override IReadOnlyList<WriteRpc> Rpcs => Matrix;

    protected override object Fixture => service;

    protected override string ConnectionString => service.ConnectionString;

    protected override CallInvoker CreateInvoker() =>
        service.ChannelFor(service.Issuer.CreateToken("test-province", ["programme.read", "programme.write"], ["*"])).CreateCallInvoker();

    private static IReadOnlyList<WriteRpc> Matrix { get; } = Build();

    private static ProgrammeRecord Inspection(string key) => TestData.Inspection(key);

    private static SubmittedValue Value(string unit) => TestData.Value(unit, "2009-01-01", "2009-12-31", ValueKind.Number, "90").Also(v => v.Note = "Theo báo cáo năm");

    private static Obligation Owed(string unit) =>
        new() { Unit = unit, Indicator = "procedures.published_in_full", PeriodFrom = "2009-01-01", PeriodTo = "2009-12-31", DueOn = "2010-01-15" };

    private static List<WriteRpc> Build()
    {
        var records = ProgrammeRecordService.Descriptor;
        var values = SubmittedValueService.Descriptor;
        var obligations = ObligationService.Descriptor;

        var record = new WriteRpc(records.FindMethodByName("RecordProgrammeRecord"),
            (run, n) => new RecordProgrammeRecordRequest { Record = Inspection($"hs-{run}-{n}") })
        {
            Optional = new HashSet<string> { "record.inspection.findings" },
        };
        record.Domain.Add(new DomainCase("no detail", run => new RecordProgrammeRecordRequest
        {
            Record = new ProgrammeRecord { ReportingUnit = TestData.HomeAffairs, Key = $"hs-{run}" },
        }, StatusCode.InvalidArgument, "record.detail"));
        record.Domain.Add(new DomainCase("a criteria set repealed before it was adopted", run => new RecordProgrammeRecordRequest
        {
            Record = new ProgrammeRecord
            {
                ReportingUnit = TestData.HomeAffairs, Key = $"hs-{run}",
                CriteriaSet = new CriteriaSet { Target = CriteriaTarget.Departments, AdoptedOn = "2009-03-01", RepealedOn = "2009-02-01" },
            },
        }, StatusCode.InvalidArgument, "record.criteria_set.repealed_on"));
        record.Domain.Add(new DomainCase("a rank beyond the 63 provinces", run => new RecordProgrammeRecordRequest
        {
            Record = new ProgrammeRecord
            {
                ReportingUnit = TestData.HomeAffairs, Key = $"hs-{run}",
                IndexResult = new IndexResult { Index = NationalIndex.Pci, Year = 2009, Rank = 64, PublishedOn = "2010-03-01" },
            },
        }, StatusCode.InvalidArgument, "record.index_result.rank"));

        var importRecords = new WriteRpc(records.FindMethodByName("ImportProgrammeRecords"), (run, i) => Inspection($"hs-{run}-{i}"))
        {
            Optional = new HashSet<string> { "inspection.findings" },
        };
        importRecords.Domain.Add(new DomainCase("duplicate key in one import", run => Inspection($"hs-{run}-0"), StatusCode.InvalidArgument, "key"));

        var submit = new WriteRpc(values.FindMethodByName("SubmitValue"), (run, n) => new SubmitValueRequest { Value = Value($"Sở Hostile {run} {n}") })
        {
            Optional = new HashSet<string> { "value.note" },
        };
        submit.Domain.Add(new DomainCase("a text for a percentage row",
            run => new SubmitValueRequest { Value = Value($"Sở Hostile {run}").Also(v => (v.Kind, v.Value) = (ValueKind.Text, "đầy đủ")) },
            StatusCode.InvalidArgument, "value.kind"));
        submit.Domain.Add(new DomainCase("a value with \"-\"",
            run => new SubmitValueRequest { Value = Value($"Sở Hostile {run}").Also(v => v.Kind = ValueKind.NotApplicable) },
            StatusCode.InvalidArgument, "value.value"));
        submit.Domain.Add(new DomainCase("an indicator no unit submits",
            run => new SubmitValueRequest { Value = Value($"Sở Hostile {run}").Also(v => v.Indicator = "procedures.in_force.total") },
            StatusCode.InvalidArgument, "value.indicator"));

        var importValues = new WriteRpc(values.FindMethodByName("ImportSubmittedValues"), (run, i) => Value($"Sở Hostile {run} {i}"))
        {
            Optional = new HashSet<string> { "note" },
        };
        importValues.Domain.Add(new DomainCase("duplicate key in one import", run => Value($"Sở Hostile {run} 0"), StatusCode.InvalidArgument, "period_from"));

        var importObligations = new WriteRpc(obligations.FindMethodByName("ImportObligations"), (run, i) => Owed($"UBND Hostile {run} {i}"));
        importObligations.Domain.Add(new DomainCase("a deadline before the period's end",
            run => Owed($"UBND Hostile {run}").Also(o => o.DueOn = "2009-06-30"), StatusCode.InvalidArgument, "due_on"));

        return [record, importRecords, submit, importValues, importObligations];
    }
}
