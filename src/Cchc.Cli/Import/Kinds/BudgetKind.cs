using System.Globalization;
using Cchc.Finance.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import.Kinds;

/// <summary>Budget figures in million VND (state budget revenue, the reform programme's funding): BudgetService.ImportBudgetFigures.</summary>
[KindOrder(61)]
internal sealed class BudgetKind : ImportKind<BudgetFigure>
{
    public override string Name => "budget";

    public override string Title => "Số liệu ngân sách";

    public override string Description => "thu ngân sách nhà nước, kinh phí thực hiện CCHC theo nguồn (triệu đồng; một dòng một số liệu)";

    public override string Rpc => "cchc.finance.v1.BudgetService/ImportBudgetFigures";

    public override string WriteScope => "finance.write (đơn vị *)";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        Column.Of("figure_id", "Mã số liệu", ValueKind.Code, "Mã ổn định do người nhập đặt, ví dụ thu-nsnn-2019.", "thu-nsnn-2019", required: true, width: 22),
        Column.Of("kind", "Loại số liệu", ValueKind.Choice, "Loại số liệu.", "Thu ngân sách nhà nước", required: true, choices:
            [
                new((int)BudgetFigureKind.StateBudgetRevenue, "Thu ngân sách nhà nước", "Thu NSNN"),
                new((int)BudgetFigureKind.ReformFunding, "Kinh phí CCHC", "Kinh phí thực hiện CCHC", "Kinh phí cải cách hành chính"),
            ], width: 26),
        Column.Of("year_from", "Từ năm", ValueKind.Integer, "Năm (hoặc năm đầu của giai đoạn).", 2019, required: true, aliases: ["Năm"], width: 10),
        Column.Of("year_to", "Đến năm", ValueKind.Integer, "Năm cuối của giai đoạn (để trống: bằng Từ năm).", null, width: 10),
        Column.Of("funding_source", "Nguồn kinh phí", ValueKind.Choice, "Chỉ với kinh phí CCHC.", null, choices:
            [
                new((int)FundingSource.StateBudget, "Ngân sách nhà nước", "NSNN"),
                new((int)FundingSource.ForeignGrant, "Viện trợ, tài trợ nước ngoài", "Viện trợ", "Tài trợ nước ngoài"),
                new((int)FundingSource.Other, "Nguồn khác", "Khác"),
            ], width: 22),
        Column.Of("funder", "Nhà tài trợ", ValueKind.Text, "Nhà tài trợ (không bắt buộc).", null, width: 20),
        Column.Of("amount", "Số tiền (triệu đồng)", ValueKind.Decimal, "Số tiền, triệu đồng, không âm, tối đa 3 chữ số thập phân. Ô trống khác 0.", 2206300.5m,
            required: true, aliases: ["Số tiền", "Giá trị", "Triệu đồng"], width: 18),
        Column.Of("source_document", "Nguồn số liệu", ValueKind.Text, "Văn bản là nguồn của số liệu.", "Quyết toán NSNN năm 2019", required: true, width: 28),
    ];

    protected override BudgetFigure Build(RowReader row)
    {
        var from = row.Int32("year_from") ?? 0;
        var figure = new BudgetFigure
        {
            FigureId = row.Code("figure_id"),
            Kind = row.Choice<BudgetFigureKind>("kind"),
            YearFrom = from,
            YearTo = row.Int32("year_to") ?? from,
            FundingSource = row.Choice<FundingSource>("funding_source"),
            Funder = row.Text("funder"),
            Amount = row.Decimal("amount") is { } amount ? amount.ToString(CultureInfo.InvariantCulture) : string.Empty,
            MeasureUnit = MeasureUnit.MillionVnd,
            SourceDocument = row.Text("source_document"),
        };
        return figure;
    }

    protected override async Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<BudgetFigure> records, CancellationToken cancellation)
    {
        var client = new BudgetService.BudgetServiceClient(calls);
        var response = await StreamAsync(client.ImportBudgetFigures(cancellationToken: cancellation), records, cancellation);
        return new BatchResult(response.Inserted, response.Unchanged);
    }
}
