using E = Cchc.Reporting.Api.Modernisation.ModernisationIndicators;
using F = Cchc.Reporting.Api.PublicFinance.PublicFinanceIndicators;
using O = Cchc.Reporting.Api.Organisation.OrganisationIndicators;
using Q = Cchc.Reporting.Api.Procedures.FeedbackIndicators;
using S = Cchc.Reporting.Api.CivilService.CivilServiceIndicators;
using W = Cchc.Reporting.Api.Modernisation.OnlineServiceIndicators;

namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>
/// The figures of a published report's body (its "facts", as the reference dataset writes them: a fact's name and its
/// fields) checked against their own parts and against the appendices they summarise, over the appendix columns the
/// body's statement covers. They apply only where a published report with a body is loaded (Reconciliation); the
/// computed report has no body table, so they are skipped there. Each rule quotes the statement it checks.
/// </summary>
public static class PublishedBodyRules
{
    /// <summary>The published report's columns from 2015 to 31/3/2020 (the reference dataset's period keys).</summary>
    private static readonly string[] AllYears = ["2015", "2016", "2017", "2018", "2019", "2020Q1"];

    private static readonly string[] From2016 = ["2016", "2017", "2018", "2019", "2020Q1"];

    private static readonly string[] From2019 = ["2019", "2020Q1"];

    private const string Dossiers = "Hồ sơ TTHC tiếp nhận 2011-2020 (đến 3/2020)";
    private const string Feedback = "PAKN về quy định, TTHC tiếp nhận và xử lý trong giai đoạn";
    private const string OnlineServices = "Dịch vụ công trực tuyến";
    private const string ProvinceDocuments = "VBQPPL HĐND, UBND tỉnh ban hành 2011-30/3/2020";
    private const string FirstSystematisation = "Hệ thống hóa kỳ đầu 01/01/2004-31/12/2013";
    private const string Systematisation2014 = "Hệ thống hóa 2014-2018";
    private const string AdministrativeUnits = "Đơn vị hành chính hiện nay";
    private const string Villages = "Sáp nhập thôn, bản, tổ dân phố 2018-2020";
    private const string QuotaReduced = "Giao biên chế giảm 2015-3/2020";
    private const string Streamlined = "Tinh giản biên chế theo NĐ 108/2014 và NĐ 113/2018";
    private const string CommuneCivilServants = "Công chức cấp xã tại 31/12/2019";
    private const string Appointments = "Bầu, bổ nhiệm lãnh đạo, quản lý 2011-2019";
    private const string Autonomy = "Đơn vị thực hiện cơ chế tự chủ theo NĐ 130/2005, 117/2013";
    private const string ServiceUnits = "ĐVSN công lập tự chủ theo NĐ 16/2015";
    private const string ElectronicDocuments = "Văn bản điện tử đến 01/4/2020";
    private const string Signatures = "Chữ ký số đã cấp";
    private const string Iso = "ISO 9001 giai đoạn 2016-2020";
    private const string Inspections = "Kiểm tra CCHC 2016-2020";

    private static CellRef B(string fact, string field) => CellRef.Body(fact, field);

    private static IEnumerable<CellRef> Over(int appendix, string indicator, IEnumerable<string> periods, int? part = null) =>
        periods.Select(p => CellRef.Appendix(appendix, indicator, part, p));

    private static ValidationRule Rule(string id, string kind, string description, Side left, RuleOperator op, Side right) =>
        new($"body.{id}", kind, description, left, op, right);

    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        Rule("dossiers.resolved-le-received", RuleKinds.Ordering,
            "Phần nội dung: hồ sơ giải quyết đúng hạn và quá hạn (1.558.541 + 2.591) không vượt tổng số hồ sơ tiếp nhận (1.561.231)",
            Side.Of(B(Dossiers, "resolvedOnTime"), B(Dossiers, "resolvedLate")), RuleOperator.LessOrEqual, Side.Of(B(Dossiers, "received"))),
        Rule("feedback.equals-pl3", RuleKinds.BodyFigure,
            "Phần nội dung: số PAKN tiếp nhận trong giai đoạn bằng tổng dòng \"Số lượng PAKN đã tiếp nhận\" của Phụ lục 3 (2015 – 31/3/2020)",
            Side.Of(B(Feedback, "count")), RuleOperator.Equal, Side.Of(Over(3, Q.Received, AllYears))),
        Rule("online-services.levels", RuleKinds.SumOfParts,
            "Phần nội dung: tổng dịch vụ công trực tuyến (2.034) bằng tổng mức độ 2, 3 và 4",
            Side.Of(B(OnlineServices, "total")), RuleOperator.Equal,
            Side.Of(B(OnlineServices, "level2"), B(OnlineServices, "level3"), B(OnlineServices, "level4"))),
        Rule("online-services.equals-pl7", RuleKinds.BodyFigure,
            "Phần nội dung: dịch vụ công trực tuyến mức độ 3 và 4 bằng Phụ lục 7, dòng 10 (năm 2020, tính đến 31/3)",
            Side.Of(B(OnlineServices, "level3"), B(OnlineServices, "level4")), RuleOperator.Equal, Side.Of(Over(7, W.OnlineServices, ["2020Q1"]))),
        Rule("province-documents.kinds", RuleKinds.SumOfParts,
            "Phần nội dung: 669 VBQPPL do HĐND, UBND tỉnh ban hành bằng tổng nghị quyết, quyết định và chỉ thị",
            Side.Of(B(ProvinceDocuments, "total")), RuleOperator.Equal,
            Side.Of(B(ProvinceDocuments, "hdndResolutions"), B(ProvinceDocuments, "ubndDecisions"), B(ProvinceDocuments, "directives"))),
        Rule("first-systematisation.parts", RuleKinds.SumOfParts,
            "Phần nội dung (hệ thống hóa kỳ đầu 2004–2013): văn bản thuộc đối tượng hệ thống hóa bằng số hết hiệu lực (toàn bộ hoặc một phần) cộng số còn hiệu lực",
            Side.Of(B(FirstSystematisation, "inScope")), RuleOperator.Equal,
            Side.Of(B(FirstSystematisation, "expiredWhollyOrPartly"), B(FirstSystematisation, "inForce"))),
        Rule("systematisation-2014.parts", RuleKinds.SumOfParts,
            "Phần nội dung (hệ thống hóa 2014–2018): văn bản thuộc đối tượng hệ thống hóa bằng số còn hiệu lực cộng số hết hiệu lực toàn bộ",
            Side.Of(B(Systematisation2014, "inScope")), RuleOperator.Equal, Side.Of(B(Systematisation2014, "inForce"), B(Systematisation2014, "expiredWholly"))),
        Rule("districts.equals-pl4", RuleKinds.CrossAppendix,
            "Phần nội dung: số đơn vị hành chính cấp huyện hiện nay bằng số UBND cấp huyện của Phụ lục 4 (tính đến 31/12/2019)",
            Side.Of(B(AdministrativeUnits, "districts")), RuleOperator.Equal, Side.Of(Over(4, O.DistrictCommittees, ["2019"]))),
        Rule("villages.reduction", RuleKinds.SumOfParts,
            "Phần nội dung: sáp nhập 354 thôn, bản, tổ dân phố thành 177 giảm đúng bằng chênh lệch trước và sau sáp nhập (1.169 → 994)",
            Side.Difference(B(Villages, "before"), B(Villages, "after")), RuleOperator.Equal, Side.Difference(B(Villages, "merged"), B(Villages, "formed"))),
        Rule("quota-reduced.parts", RuleKinds.SumOfParts,
            "Phần nội dung: biên chế giảm (1.731) bằng tổng hành chính, sự nghiệp, hợp đồng theo NĐ 68/2000 và các tổ chức hội",
            Side.Of(B(QuotaReduced, "total")), RuleOperator.Equal,
            Side.Of(B(QuotaReduced, "administrative"), B(QuotaReduced, "publicService"), B(QuotaReduced, "decree68Contracts"), B(QuotaReduced, "associations"))),
        Rule("streamlined.equals-pl5", RuleKinds.BodyFigure,
            "Phần nội dung: 491 người được tinh giản biên chế bằng tổng dòng 5 của Phụ lục 5 (2015 – 31/3/2020)",
            Side.Of(B(Streamlined, "count")), RuleOperator.Equal, Side.Of(Over(5, S.Streamlined, AllYears))),
        Rule("commune-civil-servants.qualified", RuleKinds.Ordering,
            "Phần nội dung: công chức cấp xã đạt chuẩn không vượt tổng số công chức cấp xã",
            Side.Of(B(CommuneCivilServants, "qualified")), RuleOperator.LessOrEqual, Side.Of(B(CommuneCivilServants, "total"))),
        Rule("appointments.kinds", RuleKinds.SumOfParts,
            "Phần nội dung: 4.724 lượt bầu, bổ nhiệm 2011–2019 bằng tổng các hình thức (bầu, bổ nhiệm mới, bổ nhiệm lại, điều động bổ nhiệm, luân chuyển bổ nhiệm)",
            Side.Of(B(Appointments, "total")), RuleOperator.Equal,
            Side.Of(B(Appointments, "elected"), B(Appointments, "newlyAppointed"), B(Appointments, "reappointed"),
                B(Appointments, "transferredAndAppointed"), B(Appointments, "rotatedAndAppointed"))),
        Rule("autonomy.parts", RuleKinds.SumOfParts,
            "Phần nội dung: 290 đơn vị tự chủ theo NĐ 130/2005, 117/2013 bằng tổng đơn vị dự toán khối tỉnh, khối huyện và xã, phường",
            Side.Of(B(Autonomy, "total")), RuleOperator.Equal,
            Side.Of(B(Autonomy, "provincialBudgetUnits"), B(Autonomy, "districtBudgetUnits"), B(Autonomy, "communes"))),
        Rule("autonomy.equals-pl6", RuleKinds.BodyFigure,
            "Phần nội dung: số đơn vị thực hiện tự chủ theo NĐ 130/2005, 117/2013 \"đến nay\" bằng Phụ lục 6, dòng 1 (năm 2020, tính đến 31/3)",
            Side.Of(B(Autonomy, "total")), RuleOperator.Equal, Side.Of(Over(6, F.AdministrativeAgencies, ["2020Q1"]))),
        Rule("service-units.equals-pl6", RuleKinds.BodyFigure,
            "Phần nội dung: 476 đơn vị sự nghiệp công lập tự chủ theo NĐ 16/2015 bằng Phụ lục 6, dòng 2 + 3 + 4 (năm 2020, tính đến 31/3)",
            Side.Of(B(ServiceUnits, "total")), RuleOperator.Equal,
            Side.Of(Enumerable.Range(1, 3).SelectMany(p => Over(6, F.ServiceUnits(p), ["2020Q1"])))),
        Rule("service-units.recurrent-equals-pl6", RuleKinds.BodyFigure,
            "Phần nội dung: 15 đơn vị tự bảo đảm chi thường xuyên bằng tổng mức này dưới các dòng 2, 3, 4 của Phụ lục 6 (năm 2020, tính đến 31/3)",
            Side.Of(B(ServiceUnits, "fullyRecurrent")), RuleOperator.Equal,
            Side.Of(Enumerable.Range(1, 3).SelectMany(p => Over(6, F.ServiceUnits(p, 2), ["2020Q1"])))),
        Rule("service-units.partly-recurrent-equals-pl6", RuleKinds.BodyFigure,
            "Phần nội dung: 50 đơn vị tự bảo đảm một phần chi thường xuyên bằng tổng mức này dưới các dòng 2, 3, 4 của Phụ lục 6 (năm 2020, tính đến 31/3)",
            Side.Of(B(ServiceUnits, "partlyRecurrent")), RuleOperator.Equal,
            Side.Of(Enumerable.Range(1, 3).SelectMany(p => Over(6, F.ServiceUnits(p, 3), ["2020Q1"])))),
        Rule("electronic-documents.parts", RuleKinds.SumOfParts,
            "Phần nội dung: tổng số văn bản điện tử đến 01/4/2020 bằng văn bản đến cộng văn bản đi",
            Side.Of(B(ElectronicDocuments, "total")), RuleOperator.Equal, Side.Of(B(ElectronicDocuments, "incoming"), B(ElectronicDocuments, "outgoing"))),
        Rule("electronic-documents.incoming-equals-pl7", RuleKinds.BodyFigure,
            "Phần nội dung: văn bản điện tử đến bằng số văn bản nhận trên Trục liên thông của Phụ lục 7, dòng 3 (2019 – 31/3/2020, khi trục bắt đầu vận hành)",
            Side.Of(B(ElectronicDocuments, "incoming")), RuleOperator.Equal, Side.Of(Over(7, E.AxisReceived, From2019))),
        Rule("electronic-documents.outgoing-equals-pl7", RuleKinds.BodyFigure,
            "Phần nội dung: văn bản điện tử đi bằng số văn bản gửi trên Trục liên thông của Phụ lục 7, dòng 4 (2019 – 31/3/2020)",
            Side.Of(B(ElectronicDocuments, "outgoing")), RuleOperator.Equal, Side.Of(Over(7, E.AxisSent, From2019))),
        Rule("signatures.parts", RuleKinds.SumOfParts,
            "Phần nội dung: 1.983 chữ ký số bằng chữ ký số cá nhân cộng chữ ký số của tổ chức",
            Side.Of(B(Signatures, "total")), RuleOperator.Equal, Side.Of(B(Signatures, "personal"), B(Signatures, "organisation"))),
        Rule("signatures.equals-pl7", RuleKinds.BodyFigure,
            "Phần nội dung: số chữ ký số đã cấp bằng Phụ lục 7, dòng 5 (2019 – 31/3/2020)",
            Side.Of(B(Signatures, "total")), RuleOperator.Equal, Side.Of(Over(7, E.Signatures, From2019))),
        Rule("iso.levels", RuleKinds.SumOfParts,
            "Phần nội dung: 180 đơn vị áp dụng ISO 9001 bằng tổng đơn vị cấp tỉnh, cấp huyện và cấp xã",
            Side.Of(B(Iso, "units")), RuleOperator.Equal, Side.Of(B(Iso, "provincial"), B(Iso, "district"), B(Iso, "commune"))),
        Rule("iso.versions", RuleKinds.SumOfParts,
            "Phần nội dung: 180 đơn vị áp dụng ISO 9001 bằng số theo phiên bản 2008 cộng số đã chuyển đổi sang phiên bản 2015",
            Side.Of(B(Iso, "units")), RuleOperator.Equal, Side.Of(B(Iso, "iso2008"), B(Iso, "iso2015"))),
        Rule("inspections.equals-pl1", RuleKinds.BodyFigure,
            "Phần nội dung: số cơ quan, đơn vị được kiểm tra CCHC 2016–2020 (sở, ngành + huyện + xã) bằng tổng Phụ lục 1, dòng 1 (2016 – 31/3/2020)",
            Side.Of(B(Inspections, "departments"), B(Inspections, "districts"), B(Inspections, "communes")), RuleOperator.Equal,
            Side.Of(From2016.Select(p => new CellRef("1", "row:1", Period: p)))),
    ];
}
