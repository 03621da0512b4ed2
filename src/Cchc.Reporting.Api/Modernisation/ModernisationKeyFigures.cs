using Cchc.Reporting.Api.Reports;
using E = Cchc.Reporting.Api.Modernisation.ModernisationIndicators;
using O = Cchc.Reporting.Api.Modernisation.OnlineServiceIndicators;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>
/// The body's modernisation figures (the source: "1.715.399 văn bản điện tử … đến 01/4/2020", "1.983 chữ ký số",
/// "4.228 hộp thư công vụ", ISO 9001 by version): documents over the national axis and signatures issued in the period,
/// mailboxes, ISO 9001 and online public services at the period's end. Ask for 2019-01-01..2020-03-31 for the body's figures.
/// </summary>
public sealed class ModernisationKeyFigures : IKeyFigures
{
    public string Area => "modernisation";

    public int Number => 0;

    public string Title => "Số liệu chính về hiện đại hóa hành chính: văn bản điện tử, chữ ký số, thư công vụ, ISO 9001, dịch vụ công trực tuyến";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Văn bản điện tử nhận trên Trục liên thông VBQG", ValueTypes.Integer, E.AxisReceived),
        RowDefinition.Value("2", "Văn bản điện tử gửi trên Trục liên thông VBQG", ValueTypes.Integer, E.AxisSent),
        RowDefinition.Value("3", "Chữ ký số đã cấp", ValueTypes.Integer, E.Signatures),
        RowDefinition.Value("-", "Chữ ký số cá nhân", ValueTypes.Integer, E.SignaturesPersonal),
        RowDefinition.Value("-", "Chữ ký số tổ chức", ValueTypes.Integer, E.SignaturesOrganisation),
        RowDefinition.Value("-", "Chữ ký số trên thiết bị di động", ValueTypes.Integer, E.SignaturesMobile),
        RowDefinition.Value("4", "Hộp thư công vụ", ValueTypes.Integer, E.Mailboxes),
        RowDefinition.Value("5", "Cơ quan, đơn vị công bố áp dụng ISO 9001", ValueTypes.Integer, E.IsoUnits),
        RowDefinition.Value("-", "Theo TCVN ISO 9001:2008", ValueTypes.Integer, E.Iso2008),
        RowDefinition.Value("-", "Theo TCVN ISO 9001:2015", ValueTypes.Integer, E.Iso2015),
        RowDefinition.Value("6", "Dịch vụ công trực tuyến mức độ 3", ValueTypes.Integer, O.Level3),
        RowDefinition.Value("7", "Dịch vụ công trực tuyến mức độ 4", ValueTypes.Integer, O.Level4),
        RowDefinition.Value("8", "Dịch vụ công trực tuyến toàn trình (từ năm 2022)", ValueTypes.Integer, O.Full),
        RowDefinition.Value("9", "Dịch vụ công trực tuyến một phần (từ năm 2022)", ValueTypes.Integer, O.Partial),
    ];
}
