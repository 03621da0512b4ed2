using Cchc.Reporting.Api.Reports;
using E = Cchc.Reporting.Api.Modernisation.ModernisationIndicators;
using O = Cchc.Reporting.Api.Modernisation.OnlineServiceIndicators;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>
/// Phụ lục 7: administrative modernisation, row for row as in the source report. Rows 1–9, 12 and 14 come from the
/// e-government service's submissions and capability states; rows 10, 11 and 13 are derived from the procedures
/// service's catalogue and dossiers (docs/adr/0011). Percentages are computed from their numerator and denominator;
/// row 14 is printed as a fraction ("28/28").
/// </summary>
public sealed class Appendix7 : IAppendix
{
    public int Number => 7;

    public string Title => "Thống kê các chỉ tiêu tại lĩnh vực hiện đại hóa hành chính của tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử", ValueTypes.Percent, E.ElectronicDocumentRate),
        RowDefinition.Value("2", "Số đơn vị kết nối Trục liên thông VBQG", ValueTypes.Integer, E.AxisConnectedUnits),
        RowDefinition.Value("3", "Số lượng văn bản nhận trên Trục liên thông VBQG", ValueTypes.Integer, E.AxisReceived),
        RowDefinition.Value("4", "Số lượng văn bản gửi trên Trục liên thông VBQG", ValueTypes.Integer, E.AxisSent),
        RowDefinition.Value("5", "Số lượng chữ ký số", ValueTypes.Integer, E.Signatures),
        RowDefinition.Value("6", "Tỷ lệ công chức có hộp thư điện tử", ValueTypes.Percent, E.MailboxRate),
        RowDefinition.Value("7", "Số cơ quan chuyên môn cấp tỉnh, đơn vị hành chính cấp huyện triển khai ứng dụng phần mềm quản lý văn bản", ValueTypes.Integer, E.DocumentManagement),
        RowDefinition.Value("8", "Số cơ quan chuyên môn cấp tỉnh, đơn vị hành chính cấp huyện sử dụng mạng nội bộ (mạng LAN) để trao đổi công việc", ValueTypes.Integer, E.Lan),
        RowDefinition.Value("9", "Số cơ quan chuyên môn cấp tỉnh, đơn vị hành chính cấp huyện có Cổng/Trang Thông tin điện tử", ValueTypes.Integer, E.WebPortal),
        RowDefinition.Value("10", "Số dịch vụ công trực tuyến mức độ 3, mức độ 4", ValueTypes.Integer, O.OnlineServices),
        RowDefinition.Value("11", "Tỷ lệ dịch vụ công trực tuyến mức độ 3, mức độ 4 có phát sinh hồ sơ", ValueTypes.Percent, O.OnlineServicesWithDossiers),
        RowDefinition.Value("12", "Số đơn vị xây dựng, sử dụng phần mềm một cửa điện tử", ValueTypes.Integer, E.OneStopShopSoftware),
        RowDefinition.Value("13", "Tỷ lệ hồ sơ giải quyết qua hệ thống một cửa điện tử", ValueTypes.Percent, O.ElectronicOneStopRate),
        RowDefinition.Value("14", "Số cơ quan chuyên môn cấp tỉnh, đơn vị hành chính cấp huyện có bản Công bố ISO", ValueTypes.Fraction, E.Iso),
    ];
}
