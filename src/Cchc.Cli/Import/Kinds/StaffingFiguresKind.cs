using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>
/// Staffing figures (biên chế, số lượng cán bộ, công chức, viên chức…) per unit and period: StaffingService.ImportStaffing.
/// Keyed by (unit, metric, from, to): a new value for the same key replaces the old one.
/// </summary>
[KindOrder(50)]
internal sealed class StaffingFiguresKind : ImportKind<StaffingItem>
{
    public override string Name => "staffing";

    public override string Title => "Số liệu biên chế";

    public override string Description => "số liệu biên chế, cán bộ, công chức, viên chức của đơn vị trong một kỳ (một dòng một chỉ tiêu)";

    public override string Rpc => "cchc.organisation.v1.StaffingService/ImportStaffing (figure)";

    public override string WriteScope => "organisation.write (đơn vị *)";

    public override string Collection => "items";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("unit_code", "Mã đơn vị", ValueKind.Code, "Mã đơn vị trong danh mục đơn vị.", "LC-SNV", required: true, aliases: ["Đơn vị"], fields: ["figure.unit_code"], width: 16),
        Column.Of("metric", "Chỉ tiêu", ValueKind.Choice, "Chỉ tiêu được đếm.", "Biên chế công chức được giao", required: true, fields: ["figure.metric"], choices:
            [
                new((int)StaffingMetric.CivilServantQuota, "Biên chế công chức được giao"),
                new((int)StaffingMetric.CivilServantsEmployed, "Công chức hiện có"),
                new((int)StaffingMetric.PublicEmployeeQuota, "Số lượng người làm việc được giao"),
                new((int)StaffingMetric.PublicEmployeesEmployed, "Viên chức hiện có"),
                new((int)StaffingMetric.CommuneCivilServantsEmployed, "Cán bộ, công chức cấp xã hiện có"),
                new((int)StaffingMetric.CommuneCivilServantsMeetingStandard, "Cán bộ, công chức cấp xã đạt chuẩn"),
                new((int)StaffingMetric.CommuneCivilServantsWithPoliticalTheory, "Cán bộ, công chức cấp xã có trình độ lý luận chính trị"),
                new((int)StaffingMetric.CommuneCivilServantQuota, "Biên chế cán bộ, công chức cấp xã được giao"),
                new((int)StaffingMetric.CompetitiveRecruitment, "Tuyển dụng qua thi tuyển, xét tuyển"),
                new((int)StaffingMetric.Elected, "Bầu cử"),
                new((int)StaffingMetric.NewlyAppointed, "Bổ nhiệm mới"),
                new((int)StaffingMetric.Reappointed, "Bổ nhiệm lại"),
                new((int)StaffingMetric.TransferredAndAppointed, "Điều động, bổ nhiệm"),
                new((int)StaffingMetric.RotatedAndAppointed, "Luân chuyển, bổ nhiệm"),
                new((int)StaffingMetric.AppointedThroughCompetition, "Bổ nhiệm qua thi tuyển"),
                new((int)StaffingMetric.Streamlined, "Tinh giản biên chế"),
                new((int)StaffingMetric.CivilServantsTrained, "Công chức được đào tạo, bồi dưỡng"),
                new((int)StaffingMetric.PublicEmployeesTrained, "Viên chức được đào tạo, bồi dưỡng"),
                new((int)StaffingMetric.TrainingClasses, "Lớp đào tạo, bồi dưỡng"),
            ], width: 40),
        Column.Of("from", "Từ ngày", ValueKind.Day, "Ngày đầu kỳ.", new DateTime(2019, 1, 1), required: true, fields: ["figure.from"], width: 12),
        Column.Of("to", "Đến ngày", ValueKind.Day, "Ngày cuối kỳ (số tồn như biên chế tính tại ngày này).", new DateTime(2019, 12, 31), required: true, fields: ["figure.to"], width: 12),
        Column.Of("value", "Số lượng", ValueKind.Integer, "Giá trị (số nguyên, không âm). Ghi 0 khi bằng 0; ô trống là chưa có số liệu và bị từ chối.", 48,
            required: true, aliases: ["Giá trị", "Số liệu"], fields: ["figure.value"], width: 12),
    ];

    protected override StaffingItem Build(RowReader row) => new()
    {
        Figure = new StaffingFigure
        {
            UnitCode = row.Code("unit_code"),
            Metric = row.Choice<StaffingMetric>("metric"),
            From = row.IsoDay("from"),
            To = row.IsoDay("to"),
            Value = row.Integer("value") ?? 0,
        },
    };

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<StaffingItem> records, CancellationToken cancellation)
    {
        var client = new StaffingService.StaffingServiceClient(calls);
        var response = await StreamAsync(client.ImportStaffing(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted + response.Updated, response.Unchanged);
    }
}
