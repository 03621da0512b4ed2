using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Cchc.Testing.Hostile;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cchc.Procedures.Tests.Integration;

/// <summary>The hostile-input matrix runs on its own instance of the service: its checks compare the whole database.</summary>
[CollectionDefinition(Name)]
public sealed class ProceduresHostileCollection : ICollectionFixture<ProceduresService>
{
    public const string Name = "procedures-hostile";
}

/// <summary>
/// Issue 12's hostile-input matrix for every write RPC of the procedures service: each malformed input is refused with
/// the status its case expects naming its field (the 1,000th record of a stream), nothing is written and the refusal is
/// audited (see <see cref="HostileRunner"/>).
/// </summary>
[Collection(ProceduresHostileCollection.Name)]
public sealed class HostileInputTests(ProceduresService service) : HostileInputTestBase
{
    private const string Procedure = "HOSTILE.PROCEDURE";
    private const string Unit = "UBND xã Bản Lang";
    private static readonly DateTimeOffset Received = new(2019, 5, 2, 1, 30, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Cases => HostileMatrix.Names(Matrix);

    protected override IReadOnlyList<WriteRpc> Rpcs => Matrix;

    protected override object Fixture => service;

    protected override string ConnectionString => service.ConnectionString;

    protected override CallInvoker CreateInvoker() => service.ChannelFor(service.Issuer.ProvinceWriter()).CreateCallInvoker();

    /// <summary>Reads pass the same guard: the last day of the calendar in a query overflowed the +1 day of its range (UNKNOWN) before.</summary>
    [Theory]
    [InlineData("9999-12-31", "received_to")]
    [InlineData("0001-01-01", "received_to")]
    [InlineData("2019-02-29", "received_to")]
    public async Task AQueryOutsideTheDomain_IsInvalidArgumentNamingTheField(string day, string field)
    {
        var fields = await Cchc.Testing.RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Dossiers.ListDossiersAsync(new ListDossiersRequest { ReceivedTo = day }));
        Assert.Equal([field], fields);
    }

    private static Timestamp At(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    private static ProcedureAttributes Attributes(string name = "Đăng ký khai sinh") => new()
    {
        Name = name, Field = "Hộ tịch", Level = GovernmentLevel.Commune, ResolvingUnit = "UBND cấp xã", ReceivingPlace = ReceivingPlace.CommuneOneStop,
        InterAgencyBetweenLevels = true, OnlineLevel = OnlineServiceLevel._3,
    };

    private static Publication Publication() => new() { DecisionNumber = "1234/QĐ-UBND", DecisionDate = "2017-12-20" };

    private static CreateProcedureRequest Create(string code) =>
        new() { Code = code, Attributes = Attributes(), Publication = Publication(), InForceFrom = "2018-01-01" };

    private static ReceiveDossierRequest Receive(string id) => new()
    {
        DossierId = id, ProcedureCode = Procedure, ReceivingUnit = Unit, UnitLevel = GovernmentLevel.Commune, Channel = DossierChannel.InPerson,
        ReceivedAt = At(Received), DueAt = At(Received.AddDays(3)),
    };

    private static DossierRecord Record(string run, int i) => new()
    {
        DossierId = $"HI-{run}-{i}", ProcedureCode = Procedure, ReceivingUnit = $"Bộ phận Một cửa huyện {i % 8}", UnitLevel = GovernmentLevel.District,
        Channel = DossierChannel.Online, ReceivedAt = At(Received.AddMinutes(i)), DueAt = At(Received.AddMinutes(i).AddDays(5)),
        Status = DossierStatus.Resolved, ClosedAt = At(Received.AddMinutes(i).AddDays(1)), ProcessedElectronically = true,
    };

    private static ReceiveFeedbackRequest Feedback(string id) =>
        new() { FeedbackId = id, ProcedureCode = Procedure, Subject = "Thời gian giải quyết chậm", ReceivedAt = At(Received) };

    private static CallInvoker Invoker(HostileContext c) => c.Invoker;

    private static ProcedureCatalogService.ProcedureCatalogServiceClient Catalog(HostileContext c) => new(Invoker(c));

    private static DossierService.DossierServiceClient Dossiers(HostileContext c) => new(Invoker(c));

    private static FeedbackService.FeedbackServiceClient FeedbackClient(HostileContext c) => new(Invoker(c));

    /// <summary>The procedure every dossier and feedback of the matrix names (creating it again changes nothing).</summary>
    private static async Task TheProcedureAsync(HostileContext c) => await Catalog(c).CreateProcedureAsync(Create(Procedure));

    private static readonly IReadOnlySet<string> OptionalPublication = new HashSet<string>
    {
        "publication", "publication.decision_number", "publication.decision_date", "attributes.online_level",
    };

    private static IReadOnlyList<WriteRpc> Matrix { get; } = Build();

    private static List<WriteRpc> Build()
    {
        var catalog = ProcedureCatalogService.Descriptor;
        var dossiers = DossierService.Descriptor;
        var feedback = FeedbackService.Descriptor;
        Google.Protobuf.Reflection.MethodDescriptor Method(Google.Protobuf.Reflection.ServiceDescriptor s, string name) => s.FindMethodByName(name);

        var create = new WriteRpc(Method(catalog, "CreateProcedure"), (run, n) => Create($"H.{run}.{n}")) { Optional = OptionalPublication };
        create.Domain.Add(new DomainCase("duplicate id with other content",
            run => Create($"H.{run}.D").Also(r => r.Attributes.Name = "Một tên khác"), StatusCode.AlreadyExists, "attributes.name",
            async c => await Catalog(c).CreateProcedureAsync(Create($"H.{c.Run}.D"))));

        async Task Existing(HostileContext c) => await Catalog(c).CreateProcedureAsync(Create($"H.{c.Run}.A"));
        var amend = new WriteRpc(Method(catalog, "AmendProcedure"), (run, _) => new AmendProcedureRequest
        {
            Code = $"H.{run}.A", Attributes = Attributes("Đăng ký khai sinh (sửa đổi)"), Publication = Publication(), EffectiveFrom = "2019-01-02",
        }) { Optional = OptionalPublication, Arrange = Existing };
        amend.Domain.Add(new DomainCase("dates out of order", run => new AmendProcedureRequest
        {
            Code = $"H.{run}.A", Attributes = Attributes("Đăng ký khai sinh (sửa đổi)"), EffectiveFrom = "2017-06-01",
        }, StatusCode.FailedPrecondition, "effective_from"));
        amend.Domain.Add(new DomainCase("unknown procedure", run => new AmendProcedureRequest
        {
            Code = $"H.{run}.UNKNOWN", Attributes = Attributes(), EffectiveFrom = "2019-01-02",
        }, StatusCode.NotFound, "code"));

        var abolish = new WriteRpc(Method(catalog, "AbolishProcedure"), (run, _) => new AbolishProcedureRequest
        {
            Code = $"H.{run}.A", Publication = Publication(), AbolishedOn = "2019-06-01",
        }) { Optional = new HashSet<string> { "publication", "publication.decision_number", "publication.decision_date" }, Arrange = Existing };
        abolish.Domain.Add(new DomainCase("dates out of order",
            run => new AbolishProcedureRequest { Code = $"H.{run}.A", AbolishedOn = "2017-01-01" }, StatusCode.FailedPrecondition, "abolished_on"));
        abolish.Domain.Add(new DomainCase("unknown procedure",
            run => new AbolishProcedureRequest { Code = $"H.{run}.UNKNOWN", AbolishedOn = "2019-06-01" }, StatusCode.NotFound, "code"));

        var receive = new WriteRpc(Method(dossiers, "ReceiveDossier"), (run, n) => Receive($"HS-{run}-{n}"))
        {
            Optional = new HashSet<string> { "processed_electronically" }, Arrange = TheProcedureAsync,
        };
        receive.Domain.Add(new DomainCase("dates out of order",
            run => Receive($"HS-{run}").Also(r => r.DueAt = At(Received.AddDays(-1))), StatusCode.InvalidArgument, "due_at"));
        receive.Domain.Add(new DomainCase("unknown procedure",
            run => Receive($"HS-{run}").Also(r => r.ProcedureCode = "KHONG.CO.THU.TUC"), StatusCode.FailedPrecondition, "procedure_code"));
        receive.Domain.Add(new DomainCase("unknown unit",
            run => Receive($"HS-{run}").Also(r => r.ReceivingUnit = $"UBND xã Không Có {run}"), StatusCode.FailedPrecondition, "receiving_unit"));
        receive.Domain.Add(new DomainCase("unit not existing on the day",
            run => Receive($"HS-{run}").Also(r => r.ReceivingUnit = $"UBND xã Đã Giải Thể {run}"), StatusCode.FailedPrecondition, "receiving_unit",
            c => ReferenceUnits.ApplyAsync(c.ConnectionString, [ReferenceUnits.History(ReferenceUnits.CodeOf($"UBND xã Đã Giải Thể {c.Run}"), 1,
                ReferenceUnits.Period(new DateOnly(2010, 1, 1), new DateOnly(2015, 12, 31), $"UBND xã Đã Giải Thể {c.Run}"))])));
        receive.Domain.Add(new DomainCase("duplicate id with other content",
            run => Receive($"HS-{run}-dup").Also(r => r.ReceivingUnit = "UBND xã Bản Bo"), StatusCode.AlreadyExists, "receiving_unit",
            async c => await Dossiers(c).ReceiveDossierAsync(Receive($"HS-{c.Run}-dup"))));

        async Task OpenDossier(HostileContext c)
        {
            await TheProcedureAsync(c);
            await Dossiers(c).ReceiveDossierAsync(Receive($"HS-{c.Run}"));
        }
        WriteRpc Close(string name)
        {
            var close = new WriteRpc(Method(dossiers, name), (run, _) => new CloseDossierRequest { DossierId = $"HS-{run}", ClosedAt = At(Received.AddDays(1)) })
            {
                Arrange = OpenDossier,
            };
            close.Domain.Add(new DomainCase("dates out of order",
                run => new CloseDossierRequest { DossierId = $"HS-{run}", ClosedAt = At(Received.AddDays(-1)) }, StatusCode.InvalidArgument, "closed_at"));
            close.Domain.Add(new DomainCase("unknown dossier",
                run => new CloseDossierRequest { DossierId = $"HS-{run}-none", ClosedAt = At(Received.AddDays(1)) }, StatusCode.NotFound, "dossier_id"));
            return close;
        }

        WriteRpc Import(string name)
        {
            var import = new WriteRpc(Method(dossiers, name), (run, i) => Record(run, i))
            {
                Optional = new HashSet<string> { "processed_electronically" }, Arrange = TheProcedureAsync,
            };
            import.Domain.Add(new DomainCase("dates out of order",
                run => Record(run, 999).Also(r => r.ClosedAt = At(Received.AddDays(-1))), StatusCode.InvalidArgument, "closed_at"));
            import.Domain.Add(new DomainCase("unknown procedure",
                run => Record(run, 999).Also(r => r.ProcedureCode = "KHONG.CO.THU.TUC"), StatusCode.FailedPrecondition, "procedure_code"));
            import.Domain.Add(new DomainCase("unit not existing on the day",
                run => Record(run, 999).Also(r => r.ReceivingUnit = $"UBND xã Đã Giải Thể {run}"), StatusCode.FailedPrecondition, "receiving_unit",
                c => ReferenceUnits.ApplyAsync(c.ConnectionString, [ReferenceUnits.History(ReferenceUnits.CodeOf($"UBND xã Đã Giải Thể {c.Run}"), 1,
                    ReferenceUnits.Period(new DateOnly(2010, 1, 1), new DateOnly(2015, 12, 31), $"UBND xã Đã Giải Thể {c.Run}"))])));
            import.Domain.Add(new DomainCase("duplicate id with other content",
                run => Record(run, 0).Also(r => r.ReceivingUnit = "UBND xã Bản Bo"), StatusCode.AlreadyExists, "receiving_unit"));
            return import;
        }

        var receiveFeedback = new WriteRpc(Method(feedback, "ReceiveFeedback"), (run, n) => Feedback($"PA-{run}-{n}"))
        {
            Optional = new HashSet<string> { "procedure_code" }, Arrange = TheProcedureAsync,
        };
        receiveFeedback.Domain.Add(new DomainCase("unknown procedure",
            run => Feedback($"PA-{run}").Also(r => r.ProcedureCode = "KHONG.CO.THU.TUC"), StatusCode.FailedPrecondition, "procedure_code"));
        receiveFeedback.Domain.Add(new DomainCase("duplicate id with other content",
            run => Feedback($"PA-{run}-dup").Also(r => r.Subject = "Một nội dung khác"), StatusCode.AlreadyExists, "subject",
            async c => await FeedbackClient(c).ReceiveFeedbackAsync(Feedback($"PA-{c.Run}-dup"))));

        WriteRpc Step(string name, bool resolveFirst)
        {
            var step = new WriteRpc(Method(feedback, name), (run, _) => new FeedbackStepRequest { FeedbackId = $"PA-{run}", At = At(Received.AddDays(2)) })
            {
                Arrange = async c =>
                {
                    await TheProcedureAsync(c);
                    await FeedbackClient(c).ReceiveFeedbackAsync(Feedback($"PA-{c.Run}"));
                    if (resolveFirst)
                    {
                        await FeedbackClient(c).ResolveFeedbackAsync(new FeedbackStepRequest { FeedbackId = $"PA-{c.Run}", At = At(Received.AddDays(1)) });
                    }
                },
            };
            step.Domain.Add(new DomainCase("dates out of order",
                run => new FeedbackStepRequest { FeedbackId = $"PA-{run}", At = At(Received.AddDays(-1)) }, StatusCode.InvalidArgument, "at"));
            step.Domain.Add(new DomainCase("unknown feedback",
                run => new FeedbackStepRequest { FeedbackId = $"PA-{run}-none", At = At(Received.AddDays(2)) }, StatusCode.NotFound, "feedback_id"));
            return step;
        }

        return
        [
            create, amend, abolish, receive, Close("ResolveDossier"), Close("ReturnDossier"), Close("WithdrawDossier"),
            Import("ImportDossiers"), Import("ImportDossierBatches"),
            receiveFeedback, Step("ResolveFeedback", resolveFirst: false), Step("PublishFeedbackAnswer", resolveFirst: true),
        ];
    }
}
