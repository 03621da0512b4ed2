using Cchc.Organisation.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Organisation.Api.Security;

/// <summary>
/// Every RPC of the organisation service and what it needs (docs/security.md). Reads: organisation.read. Writes:
/// organisation.write and unit "*": the registry and the staffing facts are the Department of Home Affairs' province-wide
/// records; the imports check "*" in the service (client-streaming calls have no request message to read before).
/// </summary>
public static class OrganisationAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.OrganisationRead;
        const string write = SecurityScopes.OrganisationWrite;

        rules.Service(UnitRegistryService.Descriptor, s => s
            .WriteForProvince<FoundUnitRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.FoundUnit), write, r => r.ChangeId)
            .WriteForProvince<RenameUnitRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.RenameUnit), write, r => r.ChangeId)
            .WriteForProvince<MoveUnitRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.MoveUnit), write, r => r.ChangeId)
            .WriteForProvince<DissolveUnitRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.DissolveUnit), write, r => r.ChangeId)
            .WriteForProvince<MergeUnitsRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.MergeUnits), write, r => r.ChangeId)
            .WriteForProvince<SplitUnitRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.SplitUnit), write, r => r.ChangeId)
            .WriteForProvince<AbolishLevelRequest>(nameof(UnitRegistryService.UnitRegistryServiceBase.AbolishLevel), write, r => r.ChangeId)
            .StreamingWriteCheckedByService(nameof(UnitRegistryService.UnitRegistryServiceBase.ImportChanges), write)
            .Read(nameof(UnitRegistryService.UnitRegistryServiceBase.GetUnit), read)
            .Read(nameof(UnitRegistryService.UnitRegistryServiceBase.ListUnits), read)
            .Read(nameof(UnitRegistryService.UnitRegistryServiceBase.GetTree), read)
            .Read(nameof(UnitRegistryService.UnitRegistryServiceBase.CountUnits), read)
            .Read(nameof(UnitRegistryService.UnitRegistryServiceBase.GetRegistryStatus), read));

        rules.Service(StaffingService.Descriptor, s => s
            .WriteForProvince<StaffingFigure>(nameof(StaffingService.StaffingServiceBase.RecordFigure), write, r => r.UnitCode)
            .WriteForProvince<StaffRecord>(nameof(StaffingService.StaffingServiceBase.RecordStaffRecord), write, r => r.RecordId)
            .StreamingWriteCheckedByService(nameof(StaffingService.StaffingServiceBase.ImportStaffing), write)
            .Read(nameof(StaffingService.StaffingServiceBase.ListFigures), read));
    }
}
