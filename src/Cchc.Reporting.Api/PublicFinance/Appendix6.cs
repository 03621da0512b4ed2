using Cchc.Reporting.Api.Reports;
using F = Cchc.Reporting.Api.PublicFinance.PublicFinanceIndicators;

namespace Cchc.Reporting.Api.PublicFinance;

/// <summary>
/// Phụ lục 6: public finance reform (financial autonomy), row for row as in the source report, every row computed from
/// the units' autonomy statuses on the period's last day. Rows 2, 3 and 4 are the sums of their breakdown by autonomy
/// level. The source lists all four levels under row 2 but only three under rows 3 and 4 (it omits "do Nhà nước bảo đảm
/// chi thường xuyên"); the platform adds that level as a fourth sub-row AFTER the three listed, so every total is
/// explained by the rows printed under it (docs/adr/0010-public-finance.md).
/// </summary>
public sealed class Appendix6 : IAppendix
{
    private const string RecurrentAndInvestment = "Số lượng đơn vị sự nghiệp công tự bảo đảm chi thường xuyên và chi đầu tư";
    private const string Recurrent = "Số lượng đơn vị sự nghiệp công tự bảo đảm chi thường xuyên";
    private const string PartlyRecurrent = "Số lượng đơn vị sự nghiệp công tự bảo đảm một phần chi thường xuyên";
    private const string StateFunded = "Số lượng đơn vị sự nghiệp công do Nhà nước bảo đảm chi thường xuyên";

    public int Number => 6;

    public string Title => "Thống kê các chỉ tiêu tại lĩnh vực cải cách tài chính công của tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Số cơ quan hành chính thực hiện cơ chế tự chủ", ValueTypes.Integer, F.AdministrativeAgencies),
        RowDefinition.Value("2", "Số đơn vị sự nghiệp công lập thuộc UBND cấp tỉnh thực hiện cơ chế tự chủ", ValueTypes.Integer, F.ServiceUnits(1)),
        .. Breakdown(1),
        RowDefinition.Value("3", "Số đơn vị sự nghiệp công lập thuộc cơ quan chuyên môn của UBND cấp tỉnh thực hiện cơ chế tự chủ", ValueTypes.Integer, F.ServiceUnits(2)),
        .. Breakdown(2),
        RowDefinition.Value("4", "Số đơn vị sự nghiệp công lập thuộc UBND cấp huyện thực hiện cơ chế tự chủ", ValueTypes.Integer, F.ServiceUnits(3)),
        .. Breakdown(3),
        RowDefinition.Value("5", "Số tổ chức khoa học và công nghệ công lập thực hiện cơ chế tự chủ, tự chịu trách nhiệm theo Nghị định số 54/2016/NĐ-CP",
            ValueTypes.Integer, F.ScienceTechnology),
    ];

    /// <summary>The four levels in the source's order (the state-funded level last, where the source omits it).</summary>
    private static IEnumerable<RowDefinition> Breakdown(int parent) =>
    [
        RowDefinition.Value("-", RecurrentAndInvestment, ValueTypes.Integer, F.ServiceUnits(parent, 1)),
        RowDefinition.Value("-", Recurrent, ValueTypes.Integer, F.ServiceUnits(parent, 2)),
        RowDefinition.Value("-", PartlyRecurrent, ValueTypes.Integer, F.ServiceUnits(parent, 3)),
        RowDefinition.Value("-", StateFunded, ValueTypes.Integer, F.ServiceUnits(parent, 4)),
    ];
}
