using Cchc.Integration.Api.Grpc;
using Cchc.Testing;

namespace Cchc.Integration.Tests.Integration;

/// <summary>
/// What the adapter enforces (its rule table, as the host registered it) is what the published contract declares for
/// each RPC (option (cchc.security.v1.access) in integration.proto, audit.proto), and the host serves no undeclared RPC
/// (docs/security.md, ADR 0024).
/// </summary>
[Collection(IntegrationServiceCollection.Name)]
public sealed class IntegrationSecurityTests(IntegrationService service)
{
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Services,
            MessageLogService.Descriptor, DeadLetterService.Descriptor, ReportSubmissionService.Descriptor, CatalogueSyncService.Descriptor);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.integration.v1.ReportSubmissionService/SubmitReport", AccessDeclarations.ServedMethods(service.Services));
    }
}
