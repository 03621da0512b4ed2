using Cchc.Reporting.Api.Reports;
using I = Cchc.Reporting.Api.Programme.NationalIndexIndicators;
using P = Cchc.Reporting.Api.Programme.ProgrammeIndicators;

namespace Cchc.Reporting.Api.Programme;

/// <summary>
/// The body's figures of direction and administration (the source: "Kiểm tra CCHC … sở, ngành, huyện, xã" and "Xếp hạng
/// chỉ số năm 2019 (trên 63 tỉnh, thành phố): PAR INDEX 51, SIPAS 44, PAPI 51, PCI 63"): units inspected in the period
/// (Appendix 1 row 1) and the province's rank in each national index for the latest year in the period.
/// </summary>
public sealed class DirectionKeyFigures : IKeyFigures
{
    public string Area => "direction";

    public int Number => 0;

    public string Title => "Số liệu chính về chỉ đạo, điều hành cải cách hành chính: kiểm tra và xếp hạng các chỉ số";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Số lượng các cơ quan, đơn vị được kiểm tra CCHC", ValueTypes.Integer, P.UnitsInspected),
        RowDefinition.Value("2", "Xếp hạng Chỉ số cải cách hành chính (PAR INDEX), năm gần nhất trong kỳ", ValueTypes.Rank, I.ParIndexRank),
        RowDefinition.Value("3", "Xếp hạng Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), năm gần nhất trong kỳ", ValueTypes.Rank, I.SipasRank),
        RowDefinition.Value("4", "Xếp hạng Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), năm gần nhất trong kỳ", ValueTypes.Rank, I.PapiRank),
        RowDefinition.Value("5", "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), năm gần nhất trong kỳ", ValueTypes.Rank, I.PciRank),
    ];
}
