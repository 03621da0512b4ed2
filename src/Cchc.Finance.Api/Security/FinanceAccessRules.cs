using Cchc.Finance.Api.Grpc;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Finance.Api.Security;

/// <summary>
/// Every RPC of the public finance service and what it needs (docs/security.md). Reads: finance.read. Writes:
/// finance.write and the unit concerned — the unit whose autonomy status is recorded (an import checks every record's
/// unit in the service) — or unit <c>*</c> for province-wide facts (budget figures, unreported breakdown cells).
/// </summary>
public static class FinanceAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.FinanceRead;
        const string write = SecurityScopes.FinanceWrite;

        rules.Service(AutonomyService.Descriptor, s => s
            .WriteForUnit<RecordStatusRequest>(nameof(AutonomyService.AutonomyServiceBase.RecordStatus), write,
                r => r.Status?.Unit, "status.unit", r => r.Status?.Unit)
            .Read(nameof(AutonomyService.AutonomyServiceBase.GetUnitAutonomy), read)
            .Read(nameof(AutonomyService.AutonomyServiceBase.ListUnits), read)
            .StreamingWriteCheckedByService(nameof(AutonomyService.AutonomyServiceBase.ImportStatuses), write)
            .WriteForProvince<DeclareUnreportedBreakdownsRequest>(nameof(AutonomyService.AutonomyServiceBase.DeclareUnreportedBreakdowns), write));

        rules.Service(BudgetService.Descriptor, s => s
            .WriteForProvince<RecordBudgetFigureRequest>(nameof(BudgetService.BudgetServiceBase.RecordBudgetFigure), write, r => r.Figure?.FigureId)
            .Read(nameof(BudgetService.BudgetServiceBase.GetBudgetFigure), read)
            .Read(nameof(BudgetService.BudgetServiceBase.ListBudgetFigures), read)
            .StreamingWriteCheckedByService(nameof(BudgetService.BudgetServiceBase.ImportBudgetFigures), write));

        // The local copy of the unit reference data: its status, for organisation.read (docs/adr/0009-unit-reference-data.md).
        rules.UnitReferenceRules();
    }
}
