using System.Globalization;
using Cchc.Finance.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>Financial autonomy statuses of units from a day (Appendix 6): AutonomyService.ImportStatuses.</summary>
[KindOrder(60)]
internal sealed class AutonomyKind : ImportKind<AutonomyStatus>
{
    public override string Name => "autonomy";

    public override string Title => "Tự chủ tài chính";

    public override string Description => "cơ chế tự chủ tài chính của đơn vị từ một ngày (một dòng một quyết định giao tự chủ)";

    public override string Rpc => "cchc.finance.v1.AutonomyService/ImportStatuses";

    public override string WriteScope => "finance.write";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("unit", "Đơn vị", ValueKind.Text, "Tên (hoặc mã) đơn vị như trong danh mục đơn vị; phải tồn tại vào ngày bắt đầu.", "Bệnh viện Đa khoa tỉnh", required: true,
            aliases: ["Tên đơn vị"], width: 30),
        Column.Of("regime", "Cơ chế", ValueKind.Choice, "Cơ chế tự chủ.", "Đơn vị sự nghiệp công lập", required: true, aliases: ["Cơ chế tự chủ"], choices:
            [
                new((int)AutonomyRegime.AdministrativeAgency, "Cơ quan hành chính", "Cơ quan hành chính tự chủ"),
                new((int)AutonomyRegime.PublicServiceUnit, "Đơn vị sự nghiệp công lập", "Đơn vị sự nghiệp"),
                new((int)AutonomyRegime.ScienceTechnology, "Tổ chức KH&CN", "Tổ chức khoa học và công nghệ"),
                new((int)AutonomyRegime.None, "Không còn tự chủ", "Thôi tự chủ", "Không"),
            ], width: 24),
        Column.Of("level", "Mức tự chủ", ValueKind.Choice, "Chỉ với đơn vị sự nghiệp công lập.", "Tự bảo đảm một phần chi thường xuyên", choices:
            [
                new((int)AutonomyLevel.RecurrentAndInvestment, "Tự bảo đảm chi thường xuyên và chi đầu tư"),
                new((int)AutonomyLevel.Recurrent, "Tự bảo đảm chi thường xuyên"),
                new((int)AutonomyLevel.PartlyRecurrent, "Tự bảo đảm một phần chi thường xuyên"),
                new((int)AutonomyLevel.StateFunded, "Nhà nước bảo đảm chi thường xuyên", "Do Nhà nước bảo đảm chi thường xuyên"),
            ], width: 34),
        Column.Of("parent_kind", "Thuộc", ValueKind.Choice, "Chỉ với đơn vị sự nghiệp công lập: đơn vị thuộc đâu.", "Thuộc sở, ngành", choices:
            [
                new((int)ParentKind.ProvincialCommittee, "Thuộc UBND tỉnh"),
                new((int)ParentKind.ProvincialAgency, "Thuộc sở, ngành", "Thuộc cơ quan chuyên môn"),
                new((int)ParentKind.DistrictCommittee, "Thuộc UBND huyện"),
            ], width: 18),
        Column.Of("parent_unit", "Đơn vị chủ quản", ValueKind.Text, "Tên đơn vị chủ quản (không bắt buộc).", "Sở Y tế", width: 20),
        Column.Of("effective_from", "Từ ngày", ValueKind.Day, "Ngày bắt đầu áp dụng.", new DateTime(2017, 1, 1), required: true, aliases: ["Ngày hiệu lực"], width: 12),
        Column.Of("decision", "Quyết định", ValueKind.Text, "Số quyết định giao tự chủ (không bắt buộc).", "123/QĐ-UBND", width: 16),
        Column.Of("source_document", "Nguồn số liệu", ValueKind.Text, "Báo cáo hoặc văn bản là nguồn của số liệu.", "Báo cáo 45/BC-STC năm 2019", required: true, width: 28),
    ];

    protected override AutonomyStatus Build(RowReader row)
    {
        var from = row.Day("effective_from");
        var status = new AutonomyStatus
        {
            Unit = row.Text("unit"),
            Regime = row.Choice<AutonomyRegime>("regime"),
            Level = row.Choice<AutonomyLevel>("level"),
            ParentKind = row.Choice<ParentKind>("parent_kind"),
            ParentUnit = row.Text("parent_unit"),
            EffectiveFrom = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            Decision = row.Text("decision"),
            SourceDocument = row.Text("source_document"),
        };
        row.UnitOn("unit", status.Unit, from);
        return status;
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<AutonomyStatus> records, CancellationToken cancellation)
    {
        var client = new AutonomyService.AutonomyServiceClient(calls);
        var response = await StreamAsync(client.ImportStatuses(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted, response.Unchanged);
    }
}
