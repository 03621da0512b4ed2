using Cchc.Security.Audit.Grpc;
using Cchc.Security.Authentication;
using Cchc.Security.Authorization;
using Cchc.Testing;

namespace Cchc.Security.Tests;

public sealed class RuleTableTests
{
    [Theory]
    [InlineData("/grpc.health.v1.Health/Check", true)]
    [InlineData("/grpc.health.v1.Health/Watch", true)]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/grpc.health.v1.HealthX/Check", false)]
    [InlineData("/cchc.procedures.v1.DossierService/ReceiveDossier", false)]
    [InlineData("/cchc.audit.v1.AuditService/VerifyChain", false)]
    [InlineData("", false)]
    public void OnlyHealthAndReflection_AreOpen(string method, bool open) => Assert.Equal(open, GrpcRuleTable.IsOpen(method));

    [Fact]
    public void ARuleForAMethodTheContractDoesNotHave_FailsAtStart()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => GrpcRuleTable.Build(t => t.Service(AuditService.Descriptor, s => s.Read("Erase", "audit.read"))));
        Assert.Contains("Erase", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRulesForOneMethod_FailAtStart() =>
        Assert.Throws<InvalidOperationException>(() => GrpcRuleTable.Build(t => t.Service(AuditService.Descriptor, s => s
            .Read("VerifyChain", "audit.read").Read("VerifyChain", "audit.read"))));

    [Fact]
    public void AMethodWithoutARule_IsNotFound_SoTheInterceptorRefusesIt()
    {
        var table = GrpcRuleTable.Build(t => t.Service(AuditService.Descriptor, s => s.Read("VerifyChain", "audit.read")));
        Assert.NotNull(table.Find("/cchc.audit.v1.AuditService/VerifyChain"));
        Assert.Null(table.Find("/cchc.audit.v1.AuditService/ListEntries"));
    }

    [Fact]
    public void UnitRules_ReadTheUnitFromTheRequest()
    {
        var table = GrpcRuleTable.Build(t => t.Service(AuditService.Descriptor, s => s
            .ReadForUnit<ListEntriesRequest>("ListEntries", "audit.read", r => r.Unit, "unit")));
        var rule = table.Find("/cchc.audit.v1.AuditService/ListEntries")!;
        Assert.Equal((UnitCheck.FromRequest, "unit", false), (rule.Unit, rule.UnitField, rule.IsWrite));
        Assert.Equal("UBND xã Bản Bo", rule.UnitOf!(new ListEntriesRequest { Unit = "UBND xã Bản Bo" }));
    }

    [Fact]
    public void IssuerSelection_FollowsTheTokensIss_AndFallsBackToTheFirst()
    {
        var schemes = new List<(string, IssuerOptions)>
        {
            ("cchc-issuer-0", new IssuerOptions { Issuer = "http://127.0.0.1:7401/" }),
            ("cchc-issuer-1", new IssuerOptions { Issuer = "https://sso.laichau.gov.vn/" }),
        };
        var province = "Bearer " + new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
            """{"iss":"https://sso.laichau.gov.vn/","sub":"x"}""");
        var stranger = "Bearer " + new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken("""{"iss":"https://evil/","sub":"x"}""");

        Assert.Equal("cchc-issuer-1", SecurityAuthenticationExtensions.SelectScheme(province, schemes));
        Assert.Equal("cchc-issuer-0", SecurityAuthenticationExtensions.SelectScheme(stranger, schemes));
        Assert.Equal("cchc-issuer-0", SecurityAuthenticationExtensions.SelectScheme("Bearer not-a-jwt", schemes));
        Assert.Equal("cchc-issuer-0", SecurityAuthenticationExtensions.SelectScheme(string.Empty, schemes));
    }

    [Fact]
    public void SeveralIssuers_FromConfiguration_TopLevelFirst()
    {
        var options = new SecurityAuthenticationOptions
        {
            MetadataAddress = "http://identity/.well-known/openid-configuration",
            Issuer = "http://127.0.0.1:7401/",
            Issuers = [new IssuerOptions { Authority = "https://sso.laichau.gov.vn", Issuer = "https://sso.laichau.gov.vn/" }, new IssuerOptions()],
        };
        var all = options.AllIssuers();
        Assert.Equal(2, all.Count);
        Assert.Equal("https://sso.laichau.gov.vn/.well-known/openid-configuration", all[1].ResolvedMetadataAddress);
        Assert.Empty(new SecurityAuthenticationOptions().AllIssuers());
    }
}
