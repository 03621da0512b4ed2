using Cchc.Organisation.Api.Grpc;
using Cchc.Testing.Hostile;
using Grpc.Core;
using Grpc.Net.Client;
using Descriptors = Google.Protobuf.Reflection;

namespace Cchc.Organisation.Tests.Integration;

/// <summary>The hostile-input matrix runs on its own instance of the service: its checks compare the whole database.</summary>
[CollectionDefinition(Name)]
public sealed class OrganisationHostileCollection : ICollectionFixture<OrganisationService>
{
    public const string Name = "organisation-hostile";
}

/// <summary>
/// Issue 12's hostile-input matrix for every write RPC of the organisation service: each malformed input is refused with
/// the status its case expects naming its field (the 1,000th record of an import), nothing is written and the refusal
/// is audited (see <see cref="HostileRunner"/>). Every case is refused, so the cases share one small registry (a
/// province, two districts, two communes and a committee founded in 2004), written once.
/// </summary>
[Collection(OrganisationHostileCollection.Name)]
public sealed class HostileInputTests(OrganisationService service) : HostileInputTestBase
{
    private const string P = "HOSTILE-P";
    private const string D = "HOSTILE-D";
    private const string D2 = "HOSTILE-D2";
    private const string C1 = "HOSTILE-C1";
    private const string C2 = "HOSTILE-C2";
    private const string Committee = "HOSTILE-C1-UBND";

    public static IEnumerable<object[]> Cases => HostileMatrix.Names(Matrix);

    protected override IReadOnlyList<WriteRpc> Rpcs => Matrix;

    protected override object Fixture => service;

    protected override string ConnectionString => service.ConnectionString;

    protected override CallInvoker CreateInvoker() => service.ChannelFor(service.Issuer.CreateToken("test-province", ["organisation.read", "organisation.write"], ["*"])).CreateCallInvoker();

    private static FoundUnitRequest Found(string changeId, string code, string name, UnitKind kind, string parent, string on = "2004-01-01") => new()
    {
        ChangeId = changeId, EffectiveOn = on, Unit = new UnitSpec { UnitCode = code, Name = name, Kind = kind, ParentCode = parent },
    };

    /// <summary>The registry the cases name (founding it again changes nothing: the same change ids are already recorded).</summary>
    private static async Task RegistryAsync(HostileContext c)
    {
        var registry = new UnitRegistryService.UnitRegistryServiceClient(c.Invoker);
        foreach (var (code, name, kind, parent) in new[]
        {
            (P, "tỉnh Thử Nghiệm", UnitKind.Province, ""), (D, "huyện Thử Nghiệm", UnitKind.DistrictLevel, P),
            (D2, "huyện Thử Nghiệm Hai", UnitKind.DistrictLevel, P), (C1, "xã Thử Nghiệm", UnitKind.CommuneLevel, D),
            (C2, "xã Thử Nghiệm Hai", UnitKind.CommuneLevel, D), (Committee, "UBND xã Thử Nghiệm", UnitKind.PeoplesCommittee, C1),
        })
        {
            await registry.FoundUnitAsync(Found($"found-{code}", code, name, kind, parent));
        }
    }

    private static FoundUnitRequest NewCommune(string run, int n) =>
        Found($"F-{run}-{n}", $"U-{run}-{n}", $"xã Mới {run} {n}", UnitKind.CommuneLevel, D, "2010-01-01").Also(f => f.Unit.OfficialCode = $"OC-{run}-{n}");

    private static StaffingFigure Figure(int n = 0) => new()
    {
        UnitCode = Committee, Metric = StaffingMetric.CivilServantQuota, From = Day(n), To = Day(n), Value = 12,
    };

    private static string Day(int n) => new DateOnly(2019, 1, 1).AddDays(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static StaffRecord Record(string id) => new()
    {
        RecordId = id, UnitCode = Committee, Kind = StaffRecordKind.Appointment, On = "2019-05-01", AppointmentKind = AppointmentKind.NewlyAppointed, PersonRef = "NS-001",
    };

    private static IReadOnlyList<WriteRpc> Matrix { get; } = Build();

    private static List<WriteRpc> Build()
    {
        static Descriptors.MethodDescriptor Method(Descriptors.ServiceDescriptor s, string name) => s.FindMethodByName(name);
        var registry = UnitRegistryService.Descriptor;
        var spec = new HashSet<string> { "unit.sector", "unit.official_code" };

        var found = new WriteRpc(Method(registry, "FoundUnit"), NewCommune) { Optional = spec, Arrange = RegistryAsync };
        found.Domain.Add(new DomainCase("dates out of order",
            run => NewCommune(run, 0).Also(f => f.EffectiveOn = "2003-01-01"), StatusCode.FailedPrecondition, "unit.parent_code"));
        found.Domain.Add(new DomainCase("unknown unit",
            run => NewCommune(run, 0).Also(f => f.Unit.ParentCode = $"KHONG-CO-{run}"), StatusCode.NotFound, "unit.parent_code"));
        found.Domain.Add(new DomainCase("duplicate id with other content",
            run => NewCommune(run, 0).Also(f => f.Unit.Name = $"xã Khác {run}"), StatusCode.AlreadyExists, "change_id",
            async c =>
            {
                await RegistryAsync(c);
                await new UnitRegistryService.UnitRegistryServiceClient(c.Invoker).FoundUnitAsync(NewCommune(c.Run, 0));
            }));

        var rename = new WriteRpc(Method(registry, "RenameUnit"),
            (run, n) => new RenameUnitRequest { ChangeId = $"R-{run}-{n}", EffectiveOn = "2012-01-01", UnitCode = C1, NewName = $"xã Tên Mới {run}" })
        {
            Arrange = RegistryAsync,
        };
        rename.Domain.Add(new DomainCase("dates out of order",
            run => new RenameUnitRequest { ChangeId = $"R-{run}", EffectiveOn = "2003-01-01", UnitCode = C1, NewName = $"xã Tên Mới {run}" },
            StatusCode.FailedPrecondition, "effective_on"));
        rename.Domain.Add(new DomainCase("unknown unit",
            run => new RenameUnitRequest { ChangeId = $"R-{run}", EffectiveOn = "2012-01-01", UnitCode = $"KHONG-CO-{run}", NewName = $"xã {run}" },
            StatusCode.NotFound, "unit_code"));

        var move = new WriteRpc(Method(registry, "MoveUnit"),
            (run, n) => new MoveUnitRequest { ChangeId = $"M-{run}-{n}", EffectiveOn = "2012-01-01", UnitCode = C2, NewParentCode = D2 })
        {
            Arrange = RegistryAsync,
        };
        move.Domain.Add(new DomainCase("unknown unit",
            run => new MoveUnitRequest { ChangeId = $"M-{run}", EffectiveOn = "2012-01-01", UnitCode = C2, NewParentCode = $"KHONG-CO-{run}" },
            StatusCode.NotFound, "new_parent_code"));

        var dissolve = new WriteRpc(Method(registry, "DissolveUnit"),
            (run, n) => new DissolveUnitRequest { ChangeId = $"G-{run}-{n}", EffectiveOn = "2012-01-01", UnitCode = C2 })
        {
            Arrange = RegistryAsync,
        };
        dissolve.Domain.Add(new DomainCase("unit with units under it",
            run => new DissolveUnitRequest { ChangeId = $"G-{run}", EffectiveOn = "2012-01-01", UnitCode = D }, StatusCode.FailedPrecondition, "unit_code"));

        var merge = new WriteRpc(Method(registry, "MergeUnits"),
            (run, n) => new MergeUnitsRequest { ChangeId = $"S-{run}-{n}", EffectiveOn = "2012-01-01", SourceCodes = { C2 }, ExistingTargetCode = C1 })
        {
            Arrange = RegistryAsync,
        };
        merge.Domain.Add(new DomainCase("unknown unit",
            run => new MergeUnitsRequest { ChangeId = $"S-{run}", EffectiveOn = "2012-01-01", SourceCodes = { $"KHONG-CO-{run}" }, ExistingTargetCode = C1 },
            StatusCode.NotFound, "source_codes[0]"));

        var split = new WriteRpc(Method(registry, "SplitUnit"), (run, n) => new SplitUnitRequest
        {
            ChangeId = $"T-{run}-{n}", EffectiveOn = "2012-01-01", SourceCode = C2,
            NewUnits =
            {
                new UnitSpec { UnitCode = $"U-{run}-a", Name = $"xã Tách {run} A", Kind = UnitKind.CommuneLevel, ParentCode = D },
                new UnitSpec { UnitCode = $"U-{run}-b", Name = $"xã Tách {run} B", Kind = UnitKind.CommuneLevel, ParentCode = D },
            },
        })
        {
            Optional = new HashSet<string> { "new_units[0].sector", "new_units[0].official_code", "new_units[1].sector", "new_units[1].official_code" },
            Arrange = RegistryAsync,
        };
        split.Domain.Add(new DomainCase("unknown unit",
            run => new SplitUnitRequest
            {
                ChangeId = $"T-{run}", EffectiveOn = "2012-01-01", SourceCode = $"KHONG-CO-{run}",
                NewUnits =
                {
                    new UnitSpec { UnitCode = $"U-{run}-a", Name = $"xã Tách {run} A", Kind = UnitKind.CommuneLevel, ParentCode = D },
                    new UnitSpec { UnitCode = $"U-{run}-b", Name = $"xã Tách {run} B", Kind = UnitKind.CommuneLevel, ParentCode = D },
                },
            }, StatusCode.NotFound, "source_code"));

        var abolish = new WriteRpc(Method(registry, "AbolishLevel"),
            (run, n) => new AbolishLevelRequest { ChangeId = $"L-{run}-{n}", EffectiveOn = "2025-07-01", Level = UnitKind.DistrictLevel, NewParentCode = P })
        {
            Arrange = RegistryAsync,
        };
        abolish.Domain.Add(new DomainCase("not an administrative level",
            run => new AbolishLevelRequest { ChangeId = $"L-{run}", EffectiveOn = "2025-07-01", Level = UnitKind.PeoplesCommittee, NewParentCode = P },
            StatusCode.InvalidArgument, "level"));

        var import = new WriteRpc(Method(registry, "ImportChanges"), (run, i) => new UnitChange { Found = NewCommune(run, i) })
        {
            Optional = new HashSet<string> { "found.unit.sector", "found.unit.official_code" }, Arrange = RegistryAsync,
        };
        import.Domain.Add(new DomainCase("dates out of order",
            run => new UnitChange { Found = NewCommune(run, 999).Also(f => f.EffectiveOn = "2003-01-01") }, StatusCode.FailedPrecondition, "found.unit.parent_code"));
        import.Domain.Add(new DomainCase("duplicate id with other content",
            run => new UnitChange { Found = NewCommune(run, 999).Also(f => f.ChangeId = $"F-{run}-0") }, StatusCode.InvalidArgument, "found.change_id"));
        import.Domain.Add(new DomainCase("unknown unit",
            run => new UnitChange { Found = NewCommune(run, 999).Also(f => f.Unit.ParentCode = $"KHONG-CO-{run}") }, StatusCode.NotFound, "found.unit.parent_code"));

        var staffing = StaffingService.Descriptor;
        var figure = new WriteRpc(Method(staffing, "RecordFigure"), (_, _) => Figure()) { Arrange = RegistryAsync };
        figure.Domain.Add(new DomainCase("dates out of order", _ => Figure().Also(f => f.From = "2019-12-31").Also(f => f.To = "2019-01-01"),
            StatusCode.InvalidArgument, "to"));
        figure.Domain.Add(new DomainCase("unit not existing on the day", _ => Figure().Also(f => (f.From, f.To) = ("2003-01-01", "2003-12-31")),
            StatusCode.FailedPrecondition, "unit_code"));
        figure.Domain.Add(new DomainCase("unknown unit", run => Figure().Also(f => f.UnitCode = $"KHONG-CO-{run}"), StatusCode.FailedPrecondition, "unit_code"));

        var record = new WriteRpc(Method(staffing, "RecordStaffRecord"), (run, n) => Record($"NS-{run}-{n}"))
        {
            Optional = new HashSet<string> { "person_ref" }, Arrange = RegistryAsync,
        };
        record.Domain.Add(new DomainCase("unit not existing on the day", run => Record($"NS-{run}").Also(r => r.On = "2003-05-01"),
            StatusCode.FailedPrecondition, "unit_code"));
        record.Domain.Add(new DomainCase("duplicate id with other content", run => Record($"NS-{run}-dup").Also(r => r.On = "2019-06-01"),
            StatusCode.AlreadyExists, "record_id",
            async c =>
            {
                await RegistryAsync(c);
                await new StaffingService.StaffingServiceClient(c.Invoker).RecordStaffRecordAsync(Record($"NS-{c.Run}-dup"));
            }));

        var importStaffing = new WriteRpc(Method(staffing, "ImportStaffing"), (_, i) => new StaffingItem { Figure = Figure(i) }) { Arrange = RegistryAsync };
        importStaffing.Domain.Add(new DomainCase("unit not existing on the day",
            _ => new StaffingItem { Figure = Figure(999).Also(f => (f.From, f.To) = ("2003-01-01", "2003-12-31")) }, StatusCode.FailedPrecondition, "figure.unit_code"));

        return [found, rename, move, dissolve, merge, split, abolish, import, figure, record, importStaffing];
    }
}
