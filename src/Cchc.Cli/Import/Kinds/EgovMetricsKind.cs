using Cchc.Egov.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>E-government metric submissions per source system, unit and period: MetricService.ImportSubmissions.</summary>
[KindOrder(70)]
internal sealed class EgovMetricsKind : ImportKind<MetricValue>
{
    internal static readonly Choice[] Levels =
    [
        new((int)GovernmentLevel.Province, "Tỉnh", "Cấp tỉnh"),
        new((int)GovernmentLevel.District, "Huyện", "Cấp huyện"),
        new((int)GovernmentLevel.Commune, "Xã", "Cấp xã"),
    ];

    public override string Name => "egov-metrics";

    public override string Title => "Số liệu CQĐT";

    public override string Description => "số liệu chính quyền điện tử của đơn vị trong một kỳ: văn bản qua trục liên thông, chữ ký số, thư công vụ… (một dòng một chỉ tiêu)";

    public override string Rpc => "cchc.egov.v1.MetricService/ImportSubmissions";

    public override string WriteScope => "egov.write";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("source_system", "Hệ thống nguồn", ValueKind.Code, "Mã hệ thống báo cáo (không có khoảng trắng), ví dụ truc-lien-thong-vbqg.", "truc-lien-thong-vbqg", required: true, width: 22),
        Column.Of("unit", "Đơn vị", ValueKind.Text, "Tên (hoặc mã) đơn vị như trong danh mục đơn vị; phải tồn tại trong kỳ.", "UBND huyện Tam Đường", required: true, width: 28),
        Column.Of("unit_level", "Cấp", ValueKind.Choice, "Cấp của đơn vị.", "Huyện", required: true, choices: Levels, width: 10),
        Column.Of("metric", "Chỉ tiêu", ValueKind.Choice, "Chỉ tiêu được đếm.", "Văn bản nhận qua trục liên thông", required: true, choices:
            [
                new((int)Metric.AxisDocumentsReceived, "Văn bản nhận qua trục liên thông"),
                new((int)Metric.AxisDocumentsSent, "Văn bản gửi qua trục liên thông"),
                new((int)Metric.SignaturesPersonal, "Chữ ký số cá nhân"),
                new((int)Metric.SignaturesOrganisation, "Chữ ký số tổ chức"),
                new((int)Metric.SignaturesMobile, "Chữ ký số trên thiết bị di động"),
                new((int)Metric.OfficialMailboxes, "Hộp thư công vụ"),
                new((int)Metric.AxisConnectedUnits, "Đơn vị kết nối trục liên thông"),
                new((int)Metric.CivilServants, "Cán bộ, công chức"),
                new((int)Metric.CivilServantsWithMailbox, "Cán bộ, công chức có thư công vụ"),
                new((int)Metric.AdminDocuments, "Văn bản hành chính"),
                new((int)Metric.AdminDocumentsElectronic, "Văn bản hành chính dạng điện tử"),
            ], width: 34),
        Column.Of("period_from", "Từ ngày", ValueKind.Day, "Ngày đầu kỳ.", new DateTime(2019, 1, 1), required: true, width: 12),
        Column.Of("period_to", "Đến ngày", ValueKind.Day, "Ngày cuối kỳ (không được ở tương lai).", new DateTime(2019, 12, 31), required: true, width: 12),
        Column.Of("value", "Số lượng", ValueKind.Integer, "Số đếm, không âm. Ghi 0 khi bằng 0; ô trống bị từ chối.", 12345, required: true, aliases: ["Giá trị"], width: 12),
        Column.Of("note", "Ghi chú", ValueKind.Text, "Không bắt buộc.", null, width: 24),
    ];

    protected override MetricValue Build(RowReader row)
    {
        var from = row.Day("period_from");
        var value = new MetricValue
        {
            SourceSystem = row.Code("source_system"),
            Unit = row.Text("unit"),
            UnitLevel = row.Choice<GovernmentLevel>("unit_level"),
            Metric = row.Choice<Metric>("metric"),
            PeriodFrom = from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            PeriodTo = row.IsoDay("period_to"),
            Value = row.Integer("value") ?? 0,
            Note = row.Text("note"),
        };
        return value;
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<MetricValue> records, CancellationToken cancellation)
    {
        var client = new MetricService.MetricServiceClient(calls);
        var response = await StreamAsync(client.ImportSubmissions(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted + response.Replaced, response.Unchanged);
    }
}
