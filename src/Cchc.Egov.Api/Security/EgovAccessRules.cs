using Cchc.Egov.Api.Grpc;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Egov.Api.Security;

/// <summary>
/// Every RPC of the e-government metrics service and what it needs (docs/security.md). Reads: egov.read. Writes:
/// egov.write and the unit the figure or state is about; an import checks every record's unit in the service.
/// </summary>
public static class EgovAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.EgovRead;
        const string write = SecurityScopes.EgovWrite;

        rules.Service(MetricService.Descriptor, s => s
            .WriteForUnit<SubmitMetricRequest>(nameof(MetricService.MetricServiceBase.SubmitMetric), write,
                r => r.Submission?.Unit, "submission.unit", r => r.Submission is { } v ? $"{v.SourceSystem}/{v.Metric}/{v.PeriodFrom}..{v.PeriodTo}" : null)
            .Read(nameof(MetricService.MetricServiceBase.GetSubmission), read)
            .Read(nameof(MetricService.MetricServiceBase.ListSubmissions), read)
            .StreamingWriteCheckedByService(nameof(MetricService.MetricServiceBase.ImportSubmissions), write));

        rules.Service(CapabilityService.Descriptor, s => s
            .WriteForUnit<RecordCapabilityStateRequest>(nameof(CapabilityService.CapabilityServiceBase.RecordCapabilityState), write,
                r => r.State?.Unit, "state.unit", r => r.State is { } st ? $"{st.Capability}/{st.EffectiveFrom}" : null)
            .Read(nameof(CapabilityService.CapabilityServiceBase.ListCapabilityStates), read)
            .StreamingWriteCheckedByService(nameof(CapabilityService.CapabilityServiceBase.ImportCapabilityStates), write));

        // The local copy of the unit reference data: its status, for organisation.read (docs/adr/0009-unit-reference-data.md).
        rules.UnitReferenceRules();
    }
}
