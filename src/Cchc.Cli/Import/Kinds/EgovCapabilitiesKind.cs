using Cchc.Egov.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>Dated capability states of units (software, LAN, portal, one-stop-shop software, ISO 9001): CapabilityService.ImportCapabilityStates.</summary>
[KindOrder(71)]
internal sealed class EgovCapabilitiesKind : ImportKind<CapabilityStateRecord>
{
    public override string Name => "egov-capabilities";

    public override string Title => "Ứng dụng CNTT";

    public override string Description => "tình trạng ứng dụng CNTT của đơn vị từ một ngày: phần mềm quản lý văn bản, mạng LAN, cổng thông tin, một cửa điện tử, ISO 9001";

    public override string Rpc => "cchc.egov.v1.CapabilityService/ImportCapabilityStates";

    public override string WriteScope => "egov.write";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("unit", "Đơn vị", ValueKind.Text, "Tên (hoặc mã) đơn vị như trong danh mục đơn vị.", "UBND huyện Tam Đường", required: true, width: 28),
        Column.Of("unit_level", "Cấp", ValueKind.Choice, "Cấp của đơn vị.", "Huyện", required: true, choices: EgovMetricsKind.Levels, width: 10),
        Column.Of("capability", "Ứng dụng", ValueKind.Choice, "Ứng dụng hoặc hệ thống.", "Phần mềm một cửa điện tử", required: true, choices:
            [
                new((int)Capability.DocumentManagement, "Phần mềm quản lý văn bản và điều hành", "Quản lý văn bản"),
                new((int)Capability.Lan, "Mạng nội bộ (LAN)", "Mạng LAN", "LAN"),
                new((int)Capability.WebPortal, "Cổng/Trang thông tin điện tử", "Cổng thông tin điện tử", "Trang thông tin điện tử"),
                new((int)Capability.OneStopShopSoftware, "Phần mềm một cửa điện tử", "Một cửa điện tử"),
                new((int)Capability.Iso9001, "ISO 9001", "Hệ thống quản lý chất lượng ISO 9001"),
            ], width: 34),
        Column.Of("effective_from", "Từ ngày", ValueKind.Day, "Ngày tình trạng bắt đầu.", new DateTime(2018, 1, 1), required: true, width: 12),
        Column.Of("in_use", "Đang sử dụng", ValueKind.Boolean, "Có / Không.", "Có", required: true, width: 12),
        Column.Of("iso_version", "Phiên bản ISO", ValueKind.Choice, "Chỉ với ISO 9001 đang áp dụng.", null, choices:
            [
                new((int)IsoVersion._2008, "ISO 9001:2008", "2008"),
                new((int)IsoVersion._2015, "ISO 9001:2015", "2015"),
            ], width: 14),
        Column.Of("certificate_date", "Ngày công bố ISO", ValueKind.Day, "Chỉ với ISO 9001 đang áp dụng.", null, width: 14),
        Column.Of("source_system", "Hệ thống nguồn", ValueKind.Code, "Mã hệ thống hoặc báo cáo nguồn (không bắt buộc).", "bao-cao-stttt", width: 18),
        Column.Of("note", "Ghi chú", ValueKind.Text, "Không bắt buộc.", null, width: 24),
    ];

    protected override CapabilityStateRecord Build(RowReader row) => new()
    {
        Unit = row.Text("unit"),
        UnitLevel = row.Choice<GovernmentLevel>("unit_level"),
        Capability = row.Choice<Capability>("capability"),
        EffectiveFrom = row.IsoDay("effective_from"),
        InUse = row.Boolean("in_use") ?? false,
        IsoVersion = row.Choice<IsoVersion>("iso_version"),
        CertificateDate = row.IsoDay("certificate_date"),
        SourceSystem = row.Code("source_system"),
        Note = row.Text("note"),
    };

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<CapabilityStateRecord> records, CancellationToken cancellation)
    {
        var client = new CapabilityService.CapabilityServiceClient(calls);
        var response = await StreamAsync(client.ImportCapabilityStates(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted + response.Replaced, response.Unchanged);
    }
}
