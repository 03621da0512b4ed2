using Cchc.Integration.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Integration.Api.Security;

/// <summary>
/// Every RPC of the integration adapter and what it needs (docs/security.md): reading the message log and the dead
/// letters needs integration.read; replaying, syncing and submitting need integration.write for the whole province. The
/// inbound HTTP endpoint (POST /api/lgsp/dvcqg) is outside the rule table and needs lgsp.sync (Inbound/DvcqgEndpoint.cs).
/// </summary>
public static class IntegrationAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.IntegrationRead;
        const string write = SecurityScopes.IntegrationWrite;

        rules.Service(MessageLogService.Descriptor, s => s
            .Read(nameof(MessageLogService.MessageLogServiceBase.VerifyMessageLog), read)
            .Read(nameof(MessageLogService.MessageLogServiceBase.ListMessages), read));

        rules.Service(DeadLetterService.Descriptor, s => s
            .Read(nameof(DeadLetterService.DeadLetterServiceBase.ListDeadLetters), read)
            .WriteForProvince<ReplayDeadLetterRequest>(nameof(DeadLetterService.DeadLetterServiceBase.ReplayDeadLetter), write, r => r.Id));

        rules.Service(ReportSubmissionService.Descriptor, s => s
            .WriteForProvince<SubmitReportRequest>(nameof(ReportSubmissionService.ReportSubmissionServiceBase.SubmitReport), write, r => r.Period)
            .Read(nameof(ReportSubmissionService.ReportSubmissionServiceBase.GetReportSubmission), read));

        rules.Service(CatalogueSyncService.Descriptor, s => s
            .WriteForProvince<SyncCatalogueRequest>(nameof(CatalogueSyncService.CatalogueSyncServiceBase.SyncCatalogue), write, r => r.ChangedSince));
    }
}
