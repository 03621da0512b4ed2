using Cchc.Contracts.Security.V1;
using Cchc.Procedures.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Authorization;
using Cchc.Testing;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.Procedures.Tests.Unit;

/// <summary>
/// The access check itself (tests/Cchc.Testing/AccessDeclarations.cs), on the procedures contract: the real rule table
/// agrees with procedures.proto's declarations, and a table or a contract that is wrong in one place is caught there.
/// </summary>
public sealed class AccessDeclarationTests
{
    private static readonly ServiceDescriptor[] Contract =
        [ProcedureCatalogService.Descriptor, DossierService.Descriptor, FeedbackService.Descriptor, Cchc.ReferenceData.Grpc.UnitReference.Descriptor];

    /// <summary>The rule table the template registers for the service (its own rules and the unit reference status's).</summary>
    private static IReadOnlyCollection<GrpcRule> RealRules => GrpcRuleTable.Build(Program.Definition.RuleTable).Rules;

    /// <summary>The real rules with the rule of <paramref name="method"/> (of the dossier service) replaced by <paramref name="wrong"/>'s.</summary>
    private static List<GrpcRule> RulesWith(string method, Action<ServiceRules>? wrong)
    {
        var path = $"/cchc.procedures.v1.DossierService/{method}";
        var replacement = wrong is null ? [] : GrpcRuleTable.Build(b => b.Service(DossierService.Descriptor, wrong)).Rules;
        return RealRules.Where(r => r.Method != path).Concat(replacement).ToList();
    }

    [Fact]
    public void TheProceduresRuleTable_AgreesWithEveryDeclarationOfItsContract()
    {
        Assert.Empty(AccessDeclarations.Disagreements(RealRules, Contract));
        Assert.Equal(20, Contract.Sum(c => c.Methods.Count));
        Assert.All(Contract.SelectMany(c => c.Methods), m => Assert.NotNull(AccessDeclarations.Of(m)));
    }

    [Fact]
    public void TheDeclarations_AreReadFromTheContract()
    {
        var receive = AccessDeclarations.Of(DossierService.Descriptor.FindMethodByName("ReceiveDossier"))!;
        var list = AccessDeclarations.Of(DossierService.Descriptor.FindMethodByName("ListDossiers"))!;

        Assert.Equal(("procedures.write", UnitRule.RequestField, "receiving_unit"), (receive.Write, receive.Unit, receive.UnitField));
        Assert.Equal((Access.KindOneofCase.Read, "procedures.read", UnitRule.None), (list.KindCase, list.Read, list.Unit));
    }

    public static TheoryData<string, string, Action<ServiceRules>?> WrongRules => new()
    {
        // A write declared with a read scope (as .Read would make it): neither a write nor the right scope nor a unit check.
        { "ReceiveDossier", "treats it as a read", s => s.Read("ReceiveDossier", SecurityScopes.ProceduresRead) },
        // A write that asks only for the read scope.
        { "ReceiveDossier", "asks for scope procedures.read",
            s => s.WriteForUnit<ReceiveDossierRequest>("ReceiveDossier", SecurityScopes.ProceduresRead, r => r.ReceivingUnit, "receiving_unit") },
        // The right scope, but the unit taken from another field than the one declared.
        { "ReceiveDossier", "does not read the unit from receiving_unit",
            s => s.WriteForUnit<ReceiveDossierRequest>("ReceiveDossier", SecurityScopes.ProceduresWrite, r => r.ProcedureCode, "receiving_unit") },
        // A district's write turned into a province-only one.
        { "ReceiveDossier", "checks the unit as Province", s => s.WriteForProvince<ReceiveDossierRequest>("ReceiveDossier", SecurityScopes.ProceduresWrite) },
        // An import without the service's check of every record.
        { "ImportDossierBatches", "checks the unit as Province", s => s.WriteForProvince<DossierRecordBatch>("ImportDossierBatches", SecurityScopes.ProceduresWrite) },
        // A read that needs the write scope (a read-only client could not read).
        { "ListDossiers", "asks for scope procedures.write", s => s.Read("ListDossiers", SecurityScopes.ProceduresWrite) },
        // A read made a write (audited, idempotent) with a unit check.
        { "GetDossier", "treats it as a write", s => s.WriteCheckedByService<GetDossierRequest>("GetDossier", SecurityScopes.ProceduresRead) },
        // No rule at all: deny by default would refuse every caller.
        { "ResolveDossier", "the rule table has no rule", null },
    };

    [Theory]
    [MemberData(nameof(WrongRules))]
    public void ARuleTableWrongInOnePlace_IsOneDisagreement_NamingTheMethod(string method, string why, Action<ServiceRules>? wrong)
    {
        var disagreements = AccessDeclarations.Disagreements(RulesWith(method, wrong), Contract);

        var line = Assert.Single(disagreements);
        Assert.StartsWith($"/cchc.procedures.v1.DossierService/{method}:", line, StringComparison.Ordinal);
        Assert.Contains(why, line, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleForAMethodNoContractDeclares_IsADisagreement()
    {
        var rules = RealRules.Append(new GrpcRule("/cchc.procedures.v1.DossierService/PurgeDossiers", SecurityScopes.ProceduresWrite, true, UnitCheck.Province)).ToList();

        var line = Assert.Single(AccessDeclarations.Disagreements(rules, Contract));
        Assert.StartsWith("/cchc.procedures.v1.DossierService/PurgeDossiers: has a rule, but none of the contracts", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AServedMethodNoContractDeclares_IsADisagreement_ButHealthAndReflectionAreOpen()
    {
        var served = Contract.SelectMany(c => c.Methods).Select(GrpcRuleTable.PathOf)
            .Concat(["/grpc.health.v1.Health/Check", "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", "/cchc.internal.v1.AdminService/DropEverything"]);

        var line = Assert.Single(AccessDeclarations.Disagreements(RealRules, Contract, served));
        Assert.StartsWith("/cchc.internal.v1.AdminService/DropEverything: served, but none of the contracts", line, StringComparison.Ordinal);
    }

    public static TheoryData<string, Access?, string> WrongDeclarations => new()
    {
        { "Undeclared", null, "no access declaration" },
        { "WriteWithAReadScope", new Access { Write = "procedures.read", Unit = UnitRule.Province }, "is a write asking for a scope that is not a write scope" },
        { "ReadWithAWriteScope", new Access { Read = "procedures.write" }, "is a read asking for a write scope" },
        { "WriteWithoutAUnit", new Access { Write = "procedures.write" }, "is a write without a unit rule" },
        { "NoScope", new Access { Unit = UnitRule.Province }, "names no scope" },
        { "StrayUnitField", new Access { Write = "procedures.write", Unit = UnitRule.Province, UnitField = "unit" }, "names a unit_field without UNIT_RULE_REQUEST_FIELD" },
        { "MissingUnitField", new Access { Write = "procedures.write", Unit = UnitRule.RequestField, UnitField = "receiving_unit" }, "which is not a string field of google.protobuf.Empty" },
    };

    /// <summary>A contract (built here, as protoc would) whose one RPC is declared as given: the declaration itself is wrong.</summary>
    [Theory]
    [MemberData(nameof(WrongDeclarations))]
    public void AContractWhoseDeclarationIsMissingOrContradictsItself_IsADisagreement(string method, Access? declared, string why)
    {
        var service = ContractWith(method, declared);
        var rules = new[] { new GrpcRule($"/test.v1.Admin/{method}", declared?.Write ?? declared?.Read ?? "procedures.write", declared?.KindCase != Access.KindOneofCase.Read, UnitCheck.Province) };

        var disagreements = AccessDeclarations.Disagreements(rules, [service]);

        Assert.Contains(disagreements, d => d.StartsWith($"/test.v1.Admin/{method}:", StringComparison.Ordinal) && d.Contains(why, StringComparison.Ordinal));
    }

    private static ServiceDescriptor ContractWith(string method, Access? declared)
    {
        var rpc = new MethodDescriptorProto { Name = method, InputType = ".google.protobuf.Empty", OutputType = ".google.protobuf.Empty" };
        if (declared is not null)
        {
            rpc.Options = new MethodOptions();
            rpc.Options.SetExtension(AccessExtensions.Access, declared);
        }
        var file = new FileDescriptorProto
        {
            Name = $"test/v1/{method.ToLowerInvariant()}.proto",
            Package = "test.v1",
            Syntax = "proto3",
            Dependency = { EmptyReflection.Descriptor.Name, AccessReflection.Descriptor.Name },
            Service = { new ServiceDescriptorProto { Name = "Admin", Method = { rpc } } },
        };
        var files = FileDescriptor.BuildFromByteStrings(
            [EmptyReflection.Descriptor.SerializedData, DescriptorReflection.Descriptor.SerializedData, AccessReflection.Descriptor.SerializedData, file.ToByteString()],
            new ExtensionRegistry { AccessExtensions.Access });
        return files[^1].Services.Single();
    }
}
