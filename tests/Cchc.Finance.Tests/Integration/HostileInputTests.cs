using Cchc.Finance.Api.Grpc;
using Cchc.Testing;
using Cchc.Testing.Hostile;
using Grpc.Core;
using Grpc.Net.Client;
using Descriptors = Google.Protobuf.Reflection;

namespace Cchc.Finance.Tests.Integration;

/// <summary>The hostile-input matrix runs on its own instance of the service: its checks compare the whole database.</summary>
[CollectionDefinition(Name)]
public sealed class FinanceHostileCollection : ICollectionFixture<FinanceService>
{
    public const string Name = "finance-hostile";
}

/// <summary>
/// Issue 12's hostile-input matrix for every write RPC of the public finance service: each malformed input is refused
/// with the status its case expects naming its field (the 1,000th record of an import), nothing is written and the
/// refusal is audited (see <see cref="HostileRunner"/>). (Units existing on a fact's day come with the unit reference
/// data in finance: the cases of that kind join the matrix with it.)
/// </summary>
[Collection(FinanceHostileCollection.Name)]
public sealed class HostileInputTests(FinanceService service) : HostileInputTestBase
{

    public static IEnumerable<object[]> Cases => HostileMatrix.Names(Matrix);

    protected override IReadOnlyList<WriteRpc> Rpcs => Matrix;

    protected override object Fixture => service;

    protected override string ConnectionString => service.ConnectionString;

    protected override CallInvoker CreateInvoker() => service.ChannelFor(service.Issuer.CreateToken("test-province", ["finance.read", "finance.write"], ["*"])).CreateCallInvoker();

    /// <summary>Reads pass the same guard: a malformed unit in a query was an internal error (UNKNOWN) before.</summary>
    [Theory]
    [InlineData("Đơn vị \uFFFE")]
    [InlineData("Đơn vị\0")]
    [InlineData("Đơn vị \u001b")]
    public async Task AReadWithMalformedText_IsInvalidArgumentNamingTheField(string unit)
    {
        var client = new AutonomyService.AutonomyServiceClient(service.ChannelFor(service.Issuer.CreateToken("test-province", ["finance.read"], ["*"])));
        var fields = await Cchc.Testing.RpcAssert.FailsAsync(StatusCode.InvalidArgument, client.GetUnitAutonomyAsync(new GetUnitAutonomyRequest { Unit = unit }));
        Assert.Equal(["unit"], fields);
    }

    private static AutonomyStatus Status(string unit) =>
        TestData.ServiceUnit(unit, "2019-01-01").Also(s => s.Decision = "12/QĐ-UBND");

    private static IReadOnlyList<WriteRpc> Matrix { get; } = Build();

    /// <summary>The run's units in the service's copy of the registry (facts of unknown units are refused before the rules a case tests).</summary>
    private static Task SeedUnits(HostileContext c) => ReferenceUnits.SeedAsync(c.ConnectionString,
        Enumerable.Range(0, HostileMatrix.BadRecordIndex + 1).Select(n => $"Đơn vị {c.Run} {n}").Append($"Đơn vị {c.Run}").Append($"Đơn vị {c.Run} stored"));

    private static List<WriteRpc> Build()
    {
        static Descriptors.MethodDescriptor Method(Descriptors.ServiceDescriptor s, string name) => s.FindMethodByName(name);
        var autonomy = AutonomyService.Descriptor;
        var budget = BudgetService.Descriptor;

        var record = new WriteRpc(Method(autonomy, "RecordStatus"), (run, n) => new RecordStatusRequest { Status = Status($"Đơn vị {run} {n}") })
        {
            Arrange = SeedUnits,
            Optional = new HashSet<string> { "status.parent_unit", "status.decision" },
        };
        record.Domain.Add(new DomainCase("dates out of order",
            run => new RecordStatusRequest { Status = TestData.Agency($"Đơn vị {run}", "2019-06-01") }, StatusCode.FailedPrecondition, "status.effective_from",
            async c => await new AutonomyService.AutonomyServiceClient(c.Invoker).RecordStatusAsync(new RecordStatusRequest { Status = Status($"Đơn vị {c.Run}").Also(s => s.EffectiveFrom = "2020-01-01") })));
        record.Domain.Add(new DomainCase("a level of another regime",
            run => new RecordStatusRequest { Status = TestData.Agency($"Đơn vị {run}", "2019-06-01").Also(s => s.Level = AutonomyLevel.Recurrent) },
            StatusCode.InvalidArgument, "status.level"));

        var import = new WriteRpc(Method(autonomy, "ImportStatuses"), (run, i) => Status($"Đơn vị {run} {i}"))
        {
            Arrange = SeedUnits,
            Optional = new HashSet<string> { "parent_unit", "decision" },
        };
        import.Domain.Add(new DomainCase("dates out of order",
            run => TestData.Agency($"Đơn vị {run} stored", "2019-06-01"), StatusCode.FailedPrecondition, "effective_from",
            async c => await new AutonomyService.AutonomyServiceClient(c.Invoker).RecordStatusAsync(
                new RecordStatusRequest { Status = Status($"Đơn vị {c.Run} stored").Also(s => s.EffectiveFrom = "2020-01-01") })));

        var unreported = new WriteRpc(Method(autonomy, "DeclareUnreportedBreakdowns"), (_, _) => new DeclareUnreportedBreakdownsRequest
        {
            Items = { new UnreportedBreakdown { Year = 2019, ParentKind = ParentKind.ProvincialAgency, Level = AutonomyLevel.Recurrent, SourceDocument = TestData.Source } },
        });
        unreported.Domain.Add(new DomainCase("no items", _ => new DeclareUnreportedBreakdownsRequest(), StatusCode.InvalidArgument, "items"));

        var figure = new WriteRpc(Method(budget, "RecordBudgetFigure"),
            (run, n) => new RecordBudgetFigureRequest { Figure = TestData.Grant($"KP-{run}-{n}", 2011, 2015, "1500.5") })
        {
            Optional = new HashSet<string> { "figure.funder" },
        };
        figure.Domain.Add(new DomainCase("dates out of order",
            run => new RecordBudgetFigureRequest { Figure = TestData.Grant($"KP-{run}", 2015, 2011, "1500.5") }, StatusCode.InvalidArgument, "figure.year_to"));
        figure.Domain.Add(new DomainCase("amount beyond its bound",
            run => new RecordBudgetFigureRequest { Figure = TestData.Grant($"KP-{run}", 2011, 2015, "1000000000000.001") }, StatusCode.InvalidArgument, "figure.amount"));

        var importFigures = new WriteRpc(Method(budget, "ImportBudgetFigures"), (run, i) => TestData.Grant($"KP-{run}-{i}", 2011, 2015, "1500.5"))
        {
            Optional = new HashSet<string> { "funder" },
        };
        importFigures.Domain.Add(new DomainCase("duplicate id with other content",
            run => TestData.Grant($"KP-{run}-0", 2011, 2015, "99"), StatusCode.InvalidArgument, "figure_id"));
        importFigures.Domain.Add(new DomainCase("stored id with other content",
            run => TestData.Grant($"KP-{run}-stored", 2011, 2015, "99"), StatusCode.AlreadyExists, "amount",
            async c => await new BudgetService.BudgetServiceClient(c.Invoker).RecordBudgetFigureAsync(
                new RecordBudgetFigureRequest { Figure = TestData.Grant($"KP-{c.Run}-stored", 2011, 2015, "1500.5") })));

        return [record, import, unreported, figure, importFigures];
    }
}
