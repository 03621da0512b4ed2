using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>
/// Units of the organisation registry as founded (thành lập): one row per unit, UnitRegistryService.ImportChanges with
/// FoundUnit changes, applied in file order (a parent before its children). Their later changes are "unit-changes".
/// </summary>
[KindOrder(10)]
internal sealed class UnitsKind : ImportKind<UnitChange>
{
    public override string Name => "units";

    public override string Title => "Đơn vị";

    public override string Description => "đơn vị hành chính, cơ quan, tổ chức khi thành lập (một dòng một đơn vị; đơn vị cha ghi trước)";

    public override string Rpc => "cchc.organisation.v1.UnitRegistryService/ImportChanges (FoundUnit)";

    public override string WriteScope => "organisation.write (đơn vị *)";

    public override string Collection => "changes";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("unit.unit_code", "Mã đơn vị", ValueKind.Code, "Mã ổn định của đơn vị trong danh mục (không có khoảng trắng).", "LC-TD-UBND", required: true,
            aliases: ["Mã"], width: 18),
        Column.Of("unit.name", "Tên đơn vị", ValueKind.Text, "Tên đơn vị, ví dụ UBND huyện Tam Đường (tên dùng trong các dữ liệu khác).", "UBND huyện Tam Đường", required: true,
            aliases: ["Tên"], width: 30),
        Column.Of("unit.kind", "Loại đơn vị", ValueKind.Choice, "Loại đơn vị.", "UBND", required: true, aliases: ["Loại"], choices: UnitChoices.Kinds, width: 22),
        Column.Of("unit.parent_code", "Mã đơn vị cha", ValueKind.Code, "Mã của đơn vị cấp trên (để trống với tỉnh).", "LC-TD", aliases: ["Đơn vị cha", "Đơn vị chủ quản"], width: 18),
        Column.Of("unit.sector", "Lĩnh vực sự nghiệp", ValueKind.Choice, "Chỉ với đơn vị sự nghiệp công lập.", null, aliases: ["Lĩnh vực"], choices: UnitChoices.Sectors, width: 18),
        Column.Of("unit.official_code", "Mã ĐVHC", ValueKind.Code, "Mã đơn vị hành chính (chỉ với tỉnh, huyện, xã).", null, aliases: ["Mã đơn vị hành chính"], width: 12),
        Column.Of("effective_on", "Ngày thành lập", ValueKind.Day, "Ngày đơn vị bắt đầu tồn tại.", new DateTime(2004, 1, 1), required: true,
            aliases: ["Ngày hiệu lực"], width: 14),
        Column.Of("change_id", "Mã thay đổi", ValueKind.Code, "Mã của lần ghi (để trống: tự đặt là lap-<mã đơn vị>); ghi lại cùng mã không tạo thay đổi mới.", null, width: 18),
    ];

    protected override UnitChange Build(RowReader row)
    {
        var code = row.Code("unit.unit_code");
        var changeId = row.Code("change_id");
        return new UnitChange
        {
            Found = new FoundUnitRequest
            {
                ChangeId = changeId.Length > 0 ? changeId : $"lap-{code}",
                EffectiveOn = row.IsoDay("effective_on"),
                Unit = new UnitSpec
                {
                    UnitCode = code,
                    Name = row.Text("unit.name"),
                    Kind = row.Choice<UnitKind>("unit.kind"),
                    ParentCode = row.Code("unit.parent_code"),
                    Sector = row.Choice<PublicServiceSector>("unit.sector"),
                    OfficialCode = row.Code("unit.official_code"),
                },
            },
        };
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<UnitChange> records, CancellationToken cancellation)
    {
        var client = new UnitRegistryService.UnitRegistryServiceClient(calls);
        var response = await StreamAsync(client.ImportChanges(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Applied, response.AlreadyRecorded);
    }
}
