using Cchc.Reporting.Api.Reports;
using F = Cchc.Reporting.Api.PublicFinance.PublicFinanceIndicators;

namespace Cchc.Reporting.Api.PublicFinance;

/// <summary>
/// The body's public finance figures: state budget revenue collected in the province (the source: 494,5 tỷ đồng in
/// 2011, 2.206,3 tỷ đồng in 2019; ask for periods 2011 and 2019), units under the autonomy regimes on the period's last
/// day, and the reform programme's funding, in total and from foreign grants (the Danish grant of 10.200 triệu đồng for
/// 2011–2015; ask for 2011-01-01..2015-12-31).
/// </summary>
public sealed class PublicFinanceKeyFigures : IKeyFigures
{
    public string Area => "public-finance";

    public int Number => 0;

    public string Title => "Số liệu chính về cải cách tài chính công";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Thu ngân sách nhà nước trên địa bàn (tỷ đồng)", ValueTypes.Integer, F.RevenueBillion),
        RowDefinition.Value("2", "Số cơ quan hành chính thực hiện cơ chế tự chủ theo Nghị định 130/2005/NĐ-CP, 117/2013/NĐ-CP", ValueTypes.Integer, F.AdministrativeAgencies),
        RowDefinition.Value("3", "Số đơn vị sự nghiệp công lập thực hiện cơ chế tự chủ theo Nghị định 16/2015/NĐ-CP", ValueTypes.Integer, F.ServiceUnitsTotal),
        RowDefinition.Value("-", "Tự bảo đảm chi thường xuyên", ValueTypes.Integer, F.ServiceUnitsRecurrent),
        RowDefinition.Value("-", "Tự bảo đảm một phần chi thường xuyên", ValueTypes.Integer, F.ServiceUnitsPartlyRecurrent),
        RowDefinition.Value("4", "Kinh phí thực hiện chương trình cải cách hành chính (triệu đồng)", ValueTypes.Integer, F.ReformFunding),
        RowDefinition.Value("-", "Từ nguồn viện trợ, tài trợ nước ngoài (triệu đồng)", ValueTypes.Integer, F.ReformFundingForeignGrant),
    ];
}
