using Cchc.Programme.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Programme.Api.Security;

/// <summary>
/// Every RPC of the programme service and what it needs (docs/security.md). Reads: programme.read. Writes:
/// programme.write and the unit that records or submits; imports check every record's unit in the service, obligations
/// need the whole province (the Department of Home Affairs sets what each unit owes).
/// </summary>
public static class ProgrammeAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.ProgrammeRead;
        const string write = SecurityScopes.ProgrammeWrite;

        rules.Service(ProgrammeRecordService.Descriptor, s => s
            .WriteForUnit<RecordProgrammeRecordRequest>(nameof(ProgrammeRecordService.ProgrammeRecordServiceBase.RecordProgrammeRecord), write,
                r => r.Record?.ReportingUnit, "record.reporting_unit", r => r.Record?.Key)
            .StreamingWriteCheckedByService(nameof(ProgrammeRecordService.ProgrammeRecordServiceBase.ImportProgrammeRecords), write)
            .Read(nameof(ProgrammeRecordService.ProgrammeRecordServiceBase.ListProgrammeRecords), read));

        rules.Service(SubmittedValueService.Descriptor, s => s
            .WriteForUnit<SubmitValueRequest>(nameof(SubmittedValueService.SubmittedValueServiceBase.SubmitValue), write,
                r => r.Value?.Unit, "value.unit", r => r.Value is { } v ? $"{v.Indicator}/{v.PeriodFrom}..{v.PeriodTo}" : null)
            .StreamingWriteCheckedByService(nameof(SubmittedValueService.SubmittedValueServiceBase.ImportSubmittedValues), write)
            .Read(nameof(SubmittedValueService.SubmittedValueServiceBase.GetSubmittedValue), read));

        rules.Service(ObligationService.Descriptor, s => s
            .StreamingWriteCheckedByService(nameof(ObligationService.ObligationServiceBase.ImportObligations), write)
            .Read(nameof(ObligationService.ObligationServiceBase.ListObligations), read));
    }
}
