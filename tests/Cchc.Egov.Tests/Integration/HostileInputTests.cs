using Cchc.Contracts.Events.Organisation;
using Cchc.Egov.Api.Grpc;
using Cchc.Testing;
using Cchc.Testing.Hostile;
using Grpc.Core;
using Grpc.Net.Client;
using Descriptors = Google.Protobuf.Reflection;

namespace Cchc.Egov.Tests.Integration;

/// <summary>The hostile-input matrix runs on its own instance of the service: its checks compare the whole database.</summary>
[CollectionDefinition(Name)]
public sealed class EgovHostileCollection : ICollectionFixture<EgovService>
{
    public const string Name = "egov-hostile";
}

/// <summary>
/// Issue 12's hostile-input matrix for every write RPC of the e-government service: each malformed input is refused
/// with the status its case expects naming its field (the 1,000th record of an import), nothing is written and the
/// refusal is audited (see <see cref="HostileRunner"/>). (Units existing on a fact's day come with the unit reference
/// data in e-government: the cases of that kind join the matrix with it.)
/// </summary>
[Collection(EgovHostileCollection.Name)]
public sealed class HostileInputTests(EgovService service) : HostileInputTestBase
{
    private const string Agency = "Sở Thử nghiệm Hostile";

    public static IEnumerable<object[]> Cases => HostileMatrix.Names(Matrix);

    protected override IReadOnlyList<WriteRpc> Rpcs => Matrix;

    protected override object Fixture => service;

    protected override string ConnectionString => service.ConnectionString;

    protected override CallInvoker CreateInvoker() => service.ChannelFor(service.Issuer.CreateToken("test-province", ["egov.read", "egov.write"], ["*"])).CreateCallInvoker();

    private static MetricValue Value(string source, Metric metric = Metric.SignaturesPersonal, long value = 5) =>
        TestData.Value(source, Agency, metric, value).Also(v => v.Note = "Số liệu quý");

    private static CapabilityStateRecord State(string unit) =>
        TestData.State(unit, Capability.Lan, "2019-06-14").Also(s => (s.SourceSystem, s.Note) = ("he-thong-kiem-thu", "Mạng LAN tầng 2"));

    private static MetricService.MetricServiceClient Metrics(HostileContext c) => new(c.Invoker);

    private static IReadOnlyList<WriteRpc> Matrix { get; } = Build();

    /// <summary>
    /// The run's agencies in the service's copy of the registry, provincial agencies under the fixture's provincial
    /// committee (facts of unknown units are refused before the rules a case tests; the level comes from the registry).
    /// </summary>
    private static Task SeedUnits(HostileContext c) => ReferenceUnits.ApplyAsync(c.ConnectionString,
        Enumerable.Range(0, HostileMatrix.BadRecordIndex + 1).Select(n => $"{Agency} {c.Run} {n}").Append($"{Agency} {c.Run}").Append(Agency)
            .Select(unit => ReferenceUnits.History(ReferenceUnits.CodeOf(unit), 1,
                ReferenceUnits.Period(ReferenceUnits.LongAgo, null, unit, UnitKind.SpecialisedAgency, parent: EgovService.TreePrefix + "P-UBND"))));

    private static List<WriteRpc> Build()
    {
        static Descriptors.MethodDescriptor Method(Descriptors.ServiceDescriptor s, string name) => s.FindMethodByName(name);
        var metrics = MetricService.Descriptor;
        var capabilities = CapabilityService.Descriptor;

        var submit = new WriteRpc(Method(metrics, "SubmitMetric"), (run, n) => TestData.Submit(Value($"hs-{run}-{n}")))
        {
            Arrange = SeedUnits,
            // The level may be left out: the service takes it from the registry.
            Optional = new HashSet<string> { "submission.note", "submission.unit_level" },
        };
        submit.Domain.Add(new DomainCase("dates out of order",
            run => TestData.Submit(Value($"hs-{run}").Also(v => v.PeriodTo = "2018-12-31")), StatusCode.InvalidArgument, "submission.period_to"));
        submit.Domain.Add(new DomainCase("a unit of another level",
            run => TestData.Submit(Value($"hs-{run}").Also(v => v.Unit = TestData.TamDuong)), StatusCode.FailedPrecondition, "submission.unit_level"));
        submit.Domain.Add(new DomainCase("a numerator above its denominator",
            run => TestData.Submit(Value($"hs-{run}", Metric.CivilServantsWithMailbox, 101)), StatusCode.FailedPrecondition, "submission.value",
            async c => await Metrics(c).SubmitMetricAsync(TestData.Submit(Value($"hs-{c.Run}", Metric.CivilServants, 100)))));
        submit.Domain.Add(new DomainCase("an overlapping period",
            run => TestData.Submit(Value($"hs-{run}").Also(v => (v.PeriodFrom, v.PeriodTo) = ("2019-06-01", "2020-05-31"))),
            StatusCode.FailedPrecondition, "submission.period_from",
            async c => await Metrics(c).SubmitMetricAsync(TestData.Submit(Value($"hs-{c.Run}")))));

        var import = new WriteRpc(Method(metrics, "ImportSubmissions"), (run, i) => Value($"hs-{run}-{i}"))
        {
            Arrange = SeedUnits,
            Optional = new HashSet<string> { "note", "unit_level" },
        };
        import.Domain.Add(new DomainCase("duplicate id with other content",
            run => Value($"hs-{run}-0", value: 6), StatusCode.InvalidArgument, "period_from"));

        var record = new WriteRpc(Method(capabilities, "RecordCapabilityState"),
            (run, n) => new RecordCapabilityStateRequest { State = State($"{Agency} {run} {n}") })
        {
            Arrange = SeedUnits,
            Optional = new HashSet<string> { "state.source_system", "state.note", "state.iso_version", "state.unit_level" },
        };
        record.Domain.Add(new DomainCase("an ISO 9001 state without its version",
            run => new RecordCapabilityStateRequest { State = State($"{Agency} {run}").Also(s => s.Capability = Capability.Iso9001) },
            StatusCode.InvalidArgument, "state.iso_version"));
        record.Domain.Add(new DomainCase("a unit of another level",
            run => new RecordCapabilityStateRequest { State = State(TestData.TamDuong) }, StatusCode.FailedPrecondition, "state.unit_level"));

        var importStates = new WriteRpc(Method(capabilities, "ImportCapabilityStates"), (run, i) => State($"{Agency} {run} {i}"))
        {
            Arrange = SeedUnits,
            Optional = new HashSet<string> { "source_system", "note", "iso_version", "unit_level" },
        };
        importStates.Domain.Add(new DomainCase("duplicate id with other content",
            run => State($"{Agency} {run} 0").Also(s => s.InUse = false), StatusCode.InvalidArgument, "effective_from"));

        return [submit, import, record, importStates];
    }
}
