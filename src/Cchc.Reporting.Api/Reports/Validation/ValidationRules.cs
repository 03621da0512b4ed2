using System.Globalization;
using E = Cchc.Reporting.Api.Modernisation.ModernisationIndicators;
using F = Cchc.Reporting.Api.PublicFinance.PublicFinanceIndicators;
using L = Cchc.Reporting.Api.Institutions.InstitutionsIndicators;
using O = Cchc.Reporting.Api.Organisation.OrganisationIndicators;
using P = Cchc.Reporting.Api.Procedures.ProcedureCatalogIndicators;
using Q = Cchc.Reporting.Api.Procedures.FeedbackIndicators;
using S = Cchc.Reporting.Api.CivilService.CivilServiceIndicators;
using W = Cchc.Reporting.Api.Modernisation.OnlineServiceIndicators;

namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>
/// The rules every report is checked against (docs/adr/0030): declared rules over the appendices' indicators, rules
/// derived from the catalogue (every percentage in 0–100, every fraction's numerator at most its denominator, every
/// key figure equal to the appendix row with the same indicator) and the published body's figures against the
/// appendices (<see cref="PublishedBodyRules"/>; they apply only where a published report's body is loaded).
/// </summary>
public sealed class ValidationRules
{
    public ValidationRules(IEnumerable<IAppendix> appendices, IEnumerable<IKeyFigures> keyFigures)
    {
        var tables = appendices.Concat(keyFigures).ToList();
        All = [.. Declared, .. Derived(tables), .. PublishedBodyRules.All];
    }

    public IReadOnlyList<ValidationRule> All { get; }

    private static CellRef A(int no, string indicator, int? part = null) => CellRef.Appendix(no, indicator, part);

    private static ValidationRule Sum(string id, string description, CellRef total, params CellRef[] parts) =>
        new(id, RuleKinds.SumOfParts, description, Side.Of(total), RuleOperator.Equal, Side.Of(parts));

    private static ValidationRule AtMost(string id, string kind, string description, Side part, Side whole) =>
        new(id, kind, description, part, RuleOperator.LessOrEqual, whole);

    private static readonly string[] Sectors = [O.EducationUnits, O.HealthUnits, O.CultureUnits, O.OtherUnits];

    /// <summary>The rules written by hand: totals, orderings and the places two appendices count the same things.</summary>
    public static IReadOnlyList<ValidationRule> Declared { get; } =
    [
        Sum("pl2.issued-total", "Phụ lục 2: tổng số VBQPPL đã ban hành bằng tổng các loại văn bản",
            A(2, L.IssuedTotal), A(2, L.ProvinceCouncilResolutions), A(2, L.ProvinceCommitteeDecisions), A(2, L.DistrictCouncilResolutions),
            A(2, L.DistrictCommitteeDecisions), A(2, L.CommuneCouncilResolutions), A(2, L.CommuneCommitteeDecisions)),
        AtMost("pl2.unlawful-le-checked", RuleKinds.Ordering, "Phụ lục 2: số VBQPPL trái pháp luật không vượt số VBQPPL đã kiểm tra",
            Side.Of(A(2, L.Unlawful)), Side.Of(A(2, L.Checked))),
        AtMost("pl2.unlawful-handled-le-unlawful", RuleKinds.Ordering, "Phụ lục 2: số VBQPPL trái pháp luật đã xử lý không vượt số VBQPPL trái pháp luật",
            Side.Of(A(2, L.UnlawfulHandled)), Side.Of(A(2, L.Unlawful))),
        Sum("pl3.procedures-total", "Phụ lục 3: tổng số TTHC bằng tổng số TTHC cấp tỉnh, cấp huyện và cấp xã",
            A(3, P.Total), A(3, P.Province), A(3, P.District), A(3, P.Commune)),
        AtMost("pl3.four-on-the-spot-le-centre", RuleKinds.Ordering,
            "Phụ lục 3: số TTHC thực hiện 4 tại chỗ (cấp tỉnh) không vượt số TTHC giải quyết tại Trung tâm phục vụ hành chính công cấp tỉnh",
            Side.Of(A(3, P.FourOnTheSpotProvince)), Side.Of(A(3, P.ProvincialCentre))),
        AtMost("pl3.feedback-resolved-le-received", RuleKinds.Ordering, "Phụ lục 3: số PAKN đã giải quyết không vượt số PAKN đã tiếp nhận",
            Side.Of(A(3, Q.Resolved)), Side.Of(A(3, Q.Received))),
        AtMost("pl3.feedback-published-le-resolved", RuleKinds.Ordering, "Phụ lục 3: số PAKN đã công khai kết quả không vượt số PAKN đã giải quyết",
            Side.Of(A(3, Q.Published)), Side.Of(A(3, Q.Resolved))),
        new("pl4.province-service-units", RuleKinds.SumOfParts,
            "Phụ lục 4: số đơn vị sự nghiệp thuộc UBND cấp tỉnh (I.4) bằng tổng mục III thuộc UBND cấp tỉnh và thuộc cơ quan chuyên môn cấp tỉnh",
            Side.Of(A(4, O.ProvincialServiceUnits)), RuleOperator.Equal,
            Side.Of(Sectors.SelectMany(s => new[] { A(4, s, 0), A(4, s, 1) }))),
        new("pl4.district-service-units", RuleKinds.SumOfParts,
            "Phụ lục 4: số đơn vị sự nghiệp thuộc UBND cấp huyện (II.4) bằng tổng mục III thuộc UBND cấp huyện",
            Side.Of(A(4, O.DistrictServiceUnits)), RuleOperator.Equal, Side.Of(Sectors.Select(s => A(4, s, 2)))),
        AtMost("pl5.civil-servants-employed-le-quota", RuleKinds.Ordering, "Phụ lục 5: số công chức có mặt không vượt số biên chế được giao",
            Side.Of(A(5, S.CivilServantsEmployed)), Side.Of(A(5, S.CivilServantQuota))),
        AtMost("pl5.public-employees-employed-le-quota", RuleKinds.Ordering, "Phụ lục 5: số viên chức có mặt không vượt số biên chế được giao",
            Side.Of(A(5, S.PublicEmployeesEmployed)), Side.Of(A(5, S.PublicEmployeeQuota))),
        .. Enumerable.Range(1, 3).Select(parent => Sum(
            string.Create(CultureInfo.InvariantCulture, $"pl6.row{parent + 1}-levels"),
            string.Create(CultureInfo.InvariantCulture, $"Phụ lục 6: dòng {parent + 1} bằng tổng bốn mức tự chủ bên dưới"),
            A(6, F.ServiceUnits(parent)), [.. Enumerable.Range(1, 4).Select(level => A(6, F.ServiceUnits(parent, level)))])),
        .. Enumerable.Range(1, 3).Select(parent => AtMost(
            string.Create(CultureInfo.InvariantCulture, $"pl6.row{parent + 1}-listed-levels"), RuleKinds.Ordering,
            string.Create(CultureInfo.InvariantCulture, $"Phụ lục 6: các mức tự chủ được liệt kê dưới dòng {parent + 1} không vượt dòng {parent + 1}"),
            Side.Of(Enumerable.Range(1, 3).Select(level => A(6, F.ServiceUnits(parent, level)))), Side.Of(A(6, F.ServiceUnits(parent))))),
        AtMost("pl6-pl4.province-service-units", RuleKinds.CrossAppendix,
            "Số đơn vị sự nghiệp thuộc UBND cấp tỉnh và thuộc cơ quan chuyên môn cấp tỉnh thực hiện tự chủ (Phụ lục 6, dòng 2 + 3) không vượt số đơn vị sự nghiệp thuộc UBND cấp tỉnh hiện có cùng ngày (Phụ lục 4, I.4)",
            Side.Of(A(6, F.ServiceUnits(1)), A(6, F.ServiceUnits(2))), Side.Of(A(4, O.ProvincialServiceUnits))),
        AtMost("pl6-pl4.district-service-units", RuleKinds.CrossAppendix,
            "Số đơn vị sự nghiệp thuộc UBND cấp huyện thực hiện tự chủ (Phụ lục 6, dòng 4) không vượt số đơn vị sự nghiệp thuộc UBND cấp huyện hiện có cùng ngày (Phụ lục 4, II.4)",
            Side.Of(A(6, F.ServiceUnits(3))), Side.Of(A(4, O.DistrictServiceUnits))),
        .. new[] { (E.DocumentManagement, 7), (E.Lan, 8), (E.WebPortal, 9) }.Select(r => AtMost(
            string.Create(CultureInfo.InvariantCulture, $"pl7-pl4.row{r.Item2}-le-agencies-and-districts"), RuleKinds.CrossAppendix,
            string.Create(CultureInfo.InvariantCulture,
                $"Phụ lục 7, dòng {r.Item2}: số cơ quan chuyên môn cấp tỉnh, đơn vị hành chính cấp huyện không vượt số cơ quan chuyên môn thuộc UBND cấp tỉnh và số UBND cấp huyện cùng ngày (Phụ lục 4, I.1 + II.1)"),
            Side.Of(A(7, r.Item1)), Side.Of(A(4, O.SpecialisedAgencies), A(4, O.DistrictCommittees)))),
        AtMost("pl7-pl3.online-services-le-procedures", RuleKinds.CrossAppendix,
            "Số dịch vụ công trực tuyến mức độ 3, 4 (Phụ lục 7, dòng 10) không vượt tổng số TTHC của tỉnh (Phụ lục 3, dòng 1)",
            Side.Of(A(7, W.OnlineServices)), Side.Of(A(3, P.Total))),
        Sum("kf.institutions.province-total", "Số liệu chính: tổng số VBQPPL do HĐND, UBND tỉnh ban hành bằng tổng nghị quyết, quyết định và chỉ thị",
            KeyFigure("institutions", L.ProvinceTotal), KeyFigure("institutions", L.ProvinceCouncilResolutions),
            KeyFigure("institutions", L.ProvinceCommitteeDecisions), KeyFigure("institutions", L.ProvinceCommitteeDirectives)),
        Sum("kf.civil-service.appointments-total", "Số liệu chính: tổng số lượt bầu, bổ nhiệm bằng tổng các hình thức",
            KeyFigure("civil-service", S.AppointmentsTotal), KeyFigure("civil-service", S.Elected), KeyFigure("civil-service", S.NewlyAppointed),
            KeyFigure("civil-service", S.Reappointed), KeyFigure("civil-service", S.TransferredAndAppointed), KeyFigure("civil-service", S.RotatedAndAppointed)),
        AtMost("kf.civil-service.qualified-le-total", RuleKinds.Ordering, "Số liệu chính: số công chức cấp xã đạt chuẩn không vượt tổng số công chức cấp xã",
            Side.Of(KeyFigure("civil-service", S.CommuneCivilServantsQualified)), Side.Of(KeyFigure("civil-service", S.CommuneCivilServants))),
        AtMost("kf.civil-service.political-theory-le-total", RuleKinds.Ordering,
            "Số liệu chính: số công chức cấp xã có trình độ lý luận chính trị không vượt tổng số công chức cấp xã",
            Side.Of(KeyFigure("civil-service", S.CommuneCivilServantsPoliticalTheory)), Side.Of(KeyFigure("civil-service", S.CommuneCivilServants))),
    ];

    private static CellRef KeyFigure(string area, string indicator) => new(CellRef.KeyFiguresTable(area), indicator);

    /// <summary>Rules that follow from the catalogue's value types and from key figures sharing an appendix row's indicator.</summary>
    public static IEnumerable<ValidationRule> Derived(IReadOnlyList<IAppendix> catalogue)
    {
        var appendixRows = catalogue.Where(t => t is not IKeyFigures)
            .SelectMany(a => a.Rows.Where(r => !r.Heading).Select(r => (Appendix: a.Number, Row: r)))
            .ToList();
        foreach (var table in catalogue)
        {
            var name = table is IKeyFigures k ? CellRef.KeyFiguresTable(k.Area) : table.Number.ToString(CultureInfo.InvariantCulture);
            var where = ComputedTables.TableLabel(name);
            foreach (var row in table.Rows.Where(r => !r.Heading))
            {
                var cell = new CellRef(name, row.Indicator);
                if (row.ValueType == ValueTypes.Percent)
                {
                    yield return new ValidationRule($"{name}.{row.Indicator}.percent", RuleKinds.PercentRange,
                        $"{where}: tỷ lệ \"{row.Label}\" nằm trong khoảng 0–100%", Side.Of(cell), RuleOperator.Between, Side.Number(0), 100);
                }
                else if (row.ValueType == ValueTypes.Fraction)
                {
                    yield return AtMost($"{name}.{row.Indicator}.fraction", RuleKinds.Fraction,
                        $"{where}: tử số của \"{row.Label}\" không vượt mẫu số", Side.Of(cell with { Part = 0 }), Side.Of(cell with { Part = 1 }));
                }
                if (table is IKeyFigures && appendixRows.FirstOrDefault(a => a.Row.Indicator == row.Indicator) is { Row: not null } same)
                {
                    yield return new ValidationRule($"{name}.{row.Indicator}.equals-appendix", RuleKinds.BodyFigure,
                        $"{where}: \"{row.Label}\" bằng dòng tương ứng của Phụ lục {same.Appendix}",
                        Side.Of(cell), RuleOperator.Equal, Side.Of(A(same.Appendix, row.Indicator)));
                }
            }
        }
    }
}
