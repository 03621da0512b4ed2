using Cchc.Reporting.Api.Reports;
using L = Cchc.Reporting.Api.Institutions.InstitutionsIndicators;

namespace Cchc.Reporting.Api.Institutions;

/// <summary>
/// The body's institutional figures: legal normative documents the provincial People's Council and Committee issued
/// (the source: "669 văn bản QPPL … 177 nghị quyết của HĐND tỉnh và 487 quyết định, 05 Chỉ thị của UBND tỉnh", for
/// 2011 – 30/3/2020; ask for that period).
/// </summary>
public sealed class InstitutionsKeyFigures : IKeyFigures
{
    public string Area => "institutions";

    public int Number => 0;

    public string Title => "Số liệu chính về cải cách thể chế: văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Tổng số văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành", ValueTypes.Integer, L.ProvinceTotal),
        RowDefinition.Value("-", "Nghị quyết của HĐND tỉnh", ValueTypes.Integer, L.ProvinceCouncilResolutions),
        RowDefinition.Value("-", "Quyết định của UBND tỉnh", ValueTypes.Integer, L.ProvinceCommitteeDecisions),
        RowDefinition.Value("-", "Chỉ thị của UBND tỉnh", ValueTypes.Integer, L.ProvinceCommitteeDirectives),
    ];
}
