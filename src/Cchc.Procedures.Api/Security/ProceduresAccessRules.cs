using Cchc.Procedures.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Procedures.Api.Security;

/// <summary>
/// Every RPC of the procedures service and what it needs (docs/security.md). Reads: procedures.read. Writes:
/// procedures.write and a unit — a dossier's receiving unit (checked from the request, or by the service from the stored
/// dossier and from each imported record); the catalogue and citizen feedback are province-wide (unit *): the v1
/// feedback contract names no unit, so feedback is the province's PAKN desk's to record.
/// </summary>
public static class ProceduresAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.ProceduresRead;
        const string write = SecurityScopes.ProceduresWrite;

        rules.Service(ProcedureCatalogService.Descriptor, s => s
            .WriteForProvince<CreateProcedureRequest>(nameof(ProcedureCatalogService.ProcedureCatalogServiceBase.CreateProcedure), write, r => r.Code)
            .WriteForProvince<AmendProcedureRequest>(nameof(ProcedureCatalogService.ProcedureCatalogServiceBase.AmendProcedure), write, r => r.Code)
            .WriteForProvince<AbolishProcedureRequest>(nameof(ProcedureCatalogService.ProcedureCatalogServiceBase.AbolishProcedure), write, r => r.Code)
            .Read(nameof(ProcedureCatalogService.ProcedureCatalogServiceBase.GetProcedure), read)
            .Read(nameof(ProcedureCatalogService.ProcedureCatalogServiceBase.GetProcedureHistory), read)
            .Read(nameof(ProcedureCatalogService.ProcedureCatalogServiceBase.ListProcedures), read));

        rules.Service(DossierService.Descriptor, s => s
            .WriteForUnit<ReceiveDossierRequest>(nameof(DossierService.DossierServiceBase.ReceiveDossier), write, r => r.ReceivingUnit, "receiving_unit", r => r.DossierId)
            .WriteCheckedByService<CloseDossierRequest>(nameof(DossierService.DossierServiceBase.ResolveDossier), write, r => r.DossierId)
            .WriteCheckedByService<CloseDossierRequest>(nameof(DossierService.DossierServiceBase.ReturnDossier), write, r => r.DossierId)
            .WriteCheckedByService<CloseDossierRequest>(nameof(DossierService.DossierServiceBase.WithdrawDossier), write, r => r.DossierId)
            .Read(nameof(DossierService.DossierServiceBase.GetDossier), read)
            .Read(nameof(DossierService.DossierServiceBase.ListDossiers), read)
            .StreamingWriteCheckedByService(nameof(DossierService.DossierServiceBase.ImportDossiers), write)
            .StreamingWriteCheckedByService(nameof(DossierService.DossierServiceBase.ImportDossierBatches), write));

        rules.Service(FeedbackService.Descriptor, s => s
            .WriteForProvince<ReceiveFeedbackRequest>(nameof(FeedbackService.FeedbackServiceBase.ReceiveFeedback), write, r => r.FeedbackId)
            .WriteForProvince<FeedbackStepRequest>(nameof(FeedbackService.FeedbackServiceBase.ResolveFeedback), write, r => r.FeedbackId)
            .WriteForProvince<FeedbackStepRequest>(nameof(FeedbackService.FeedbackServiceBase.PublishFeedbackAnswer), write, r => r.FeedbackId)
            .Read(nameof(FeedbackService.FeedbackServiceBase.GetFeedback), read)
            .Read(nameof(FeedbackService.FeedbackServiceBase.ListFeedback), read));
    }
}
