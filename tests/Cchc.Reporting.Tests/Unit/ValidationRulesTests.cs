using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Institutions;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.PublicFinance;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Reconciliation;
using Cchc.Reporting.Api.Reports.Validation;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The validation rules: each kind on tables built by hand, and the published source report's own contradictions.</summary>
public sealed class ValidationRulesTests
{
    internal static readonly IAppendix[] Appendices = [new Appendix2(), new Appendix3(), new Appendix4(), new Appendix5(), new Appendix6(), new Appendix7()];

    internal static readonly IKeyFigures[] KeyFigures =
        [new InstitutionsKeyFigures(), new CivilServiceKeyFigures(), new OrganisationKeyFigures(), new PublicFinanceKeyFigures(), new ModernisationKeyFigures()];

    private static readonly ReportPeriod Y2019 = ReportPeriod.Year(2019);

    internal static PublishedTables Reference() =>
        PublishedTables.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "lai-chau-cchc-2015-2020.json")), Appendices);

    /// <summary>A computed report for 2019 with the given cells (appendix → indicator → value) and blanks elsewhere.</summary>
    private static ComputedTables Tables(Dictionary<int, Dictionary<string, ReportValue?>> cells, Dictionary<string, Dictionary<string, ReportValue?>>? figures = null)
    {
        AppendixReport Report(IAppendix a, IReadOnlyDictionary<string, ReportValue?> values) => new(a.Number, a.Title, [Y2019],
            a.Rows.Select(r => new ReportRow(r, r.Heading ? null : new Dictionary<string, ReportValue?> { [Y2019.Key] = values.GetValueOrDefault(r.Indicator) })).ToList());
        return new ComputedTables([Y2019],
            Appendices.Select(a => Report(a, cells.GetValueOrDefault(a.Number) ?? [])),
            KeyFigures.Select(k => (k.Area, Report(k, figures?.GetValueOrDefault(k.Area) ?? []))));
    }

    private static IReadOnlyList<Violation> Check(ComputedTables tables) =>
        RuleEvaluator.Evaluate(new ValidationRules(Appendices, KeyFigures).All, tables);

    private static ReportValue N(decimal v) => ReportValue.Of(v);

    [Fact]
    public void SumOfParts_TotalNotTheSumOfItsLevels_IsAViolationNamingBothSidesAndTheCells()
    {
        var violations = Check(Tables(new()
        {
            [3] = new() { [ProcedureCatalogIndicators.Total] = N(10), [ProcedureCatalogIndicators.Province] = N(5), [ProcedureCatalogIndicators.District] = N(3), [ProcedureCatalogIndicators.Commune] = N(1) },
        }));

        var v = Assert.Single(violations, v => v.Rule.Id == "pl3.procedures-total");
        Assert.Equal((RuleKinds.SumOfParts, 10m, 9m, "2019"), (v.Rule.Kind, v.Left.Value, v.Right.Value, v.Period!.Key));
        Assert.Equal([ProcedureCatalogIndicators.Total, ProcedureCatalogIndicators.Province, ProcedureCatalogIndicators.District, ProcedureCatalogIndicators.Commune],
            v.Cells.Select(c => c.Cell.Indicator));
    }

    [Fact]
    public void SumOfParts_Holding_IsNoViolation_AndABlankPartCountsAsZero()
    {
        var violations = Check(Tables(new()
        {
            [3] = new() { [ProcedureCatalogIndicators.Total] = N(9), [ProcedureCatalogIndicators.Province] = N(5), [ProcedureCatalogIndicators.District] = N(4) },
        }));

        Assert.DoesNotContain(violations, v => v.Rule.Id == "pl3.procedures-total");
    }

    [Fact]
    public void Ordering_ResolvedAboveReceived_AndPublishedAboveResolved_AreViolations()
    {
        var violations = Check(Tables(new()
        {
            [3] = new() { [FeedbackIndicators.Received] = N(2), [FeedbackIndicators.Resolved] = N(3), [FeedbackIndicators.Published] = N(3) },
            [5] = new() { [CivilServiceIndicators.CivilServantQuota] = N(100), [CivilServiceIndicators.CivilServantsEmployed] = N(100) },
        }));

        Assert.Contains(violations, v => v.Rule.Id == "pl3.feedback-resolved-le-received" && v.Rule.Kind == RuleKinds.Ordering);
        Assert.DoesNotContain(violations, v => v.Rule.Id == "pl3.feedback-published-le-resolved");
        Assert.DoesNotContain(violations, v => v.Rule.Id == "pl5.civil-servants-employed-le-quota");
    }

    [Theory]
    [InlineData(100.5, true)]
    [InlineData(-0.1, true)]
    [InlineData(100, false)]
    [InlineData(0, false)]
    public void PercentRange_OutsideZeroToHundred_IsAViolation(double rate, bool violated)
    {
        var violations = Check(Tables(new() { [7] = new() { [ModernisationIndicators.MailboxRate] = N((decimal)rate) } }));

        Assert.Equal(violated, violations.Any(v => v.Rule.Kind == RuleKinds.PercentRange && v.Cells.Single().Cell.Indicator == ModernisationIndicators.MailboxRate));
    }

    [Theory]
    [InlineData("29/28", true)]
    [InlineData("28/28", false)]
    public void Fraction_NumeratorAboveDenominator_IsAViolation(string fraction, bool violated)
    {
        var violations = Check(Tables(new() { [7] = new() { [ModernisationIndicators.Iso] = ReportValue.Of(fraction) } }));

        Assert.Equal(violated, violations.Any(v => v.Rule.Kind == RuleKinds.Fraction));
    }

    [Fact]
    public void CrossAppendix_MoreAutonomousUnitsThanUnitsExistingThatDay_IsAViolation()
    {
        var violations = Check(Tables(new()
        {
            [6] = new() { [PublicFinanceIndicators.ServiceUnits(3)] = N(393) },
            [4] = new() { [OrganisationIndicators.DistrictServiceUnits] = N(370) },
        }));

        var v = Assert.Single(violations, v => v.Rule.Kind == RuleKinds.CrossAppendix);
        Assert.Equal(("pl6-pl4.district-service-units", 393m, 370m), (v.Rule.Id, v.Left.Value, v.Right.Value));
    }

    [Fact]
    public void BodyFigure_KeyFigureDifferentFromItsAppendixRow_IsAViolation()
    {
        var violations = Check(Tables(
            new() { [5] = new() { [CivilServiceIndicators.CompetitiveRecruitment] = N(12) } },
            new() { ["civil-service"] = new() { [CivilServiceIndicators.CompetitiveRecruitment] = N(11) } }));

        var v = Assert.Single(violations, v => v.Rule.Kind == RuleKinds.BodyFigure);
        Assert.Equal((11m, 12m), (v.Left.Value, v.Right.Value));
    }

    [Fact]
    public void ARuleWithEveryCellBlank_IsNotEvaluated()
    {
        Assert.Empty(Check(Tables([])));
    }

    [Fact]
    public void PublishedReference_EveryValueRowOfAppendices2To7_IsMatchedToAnIndicator()
    {
        var published = Reference();

        Assert.DoesNotContain(published.Rows, r => r.Table is "2" or "3" or "4" or "5" or "6" or "7" && !r.Heading && !r.Mapped);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], published.Appendices.Keys.Order());
    }

    /// <summary>
    /// The source report's internal contradictions (docs/adr/0031-published-report-reconciliation.md lists them with the figures): totals that are
    /// not the sum of their parts, cross-appendix counts that cannot hold on the same day, and body figures that disagree
    /// with the appendices or with their own parts. Every other rule holds on the published tables.
    /// </summary>
    [Fact]
    public void PublishedReference_BreaksExactlyTheRulesOfItsKnownContradictions()
    {
        var violations = RuleEvaluator.Evaluate(new ValidationRules(Appendices, KeyFigures).All, Reference());

        var found = violations.Select(v => $"{v.Rule.Id}@{v.Period?.Key ?? "*"}={v.Left.Value}|{v.Right.Value}").Order().ToList();
        string[] expected =
        [
            "body.appointments.kinds@*=4724|4767",
            "body.autonomy.equals-pl6@*=290|289",
            "body.electronic-documents.incoming-equals-pl7@*=1528698|1715399",
            "body.first-systematisation.parts@*=661|657",
            "body.inspections.equals-pl1@*=73|82",
            "body.service-units.partly-recurrent-equals-pl6@*=50|52",
            "body.villages.reduction@*=175|177",
            "pl2.issued-total@2015=717|489",
            "pl2.issued-total@2016=791|614",
            "pl2.issued-total@2017=611|426",
            "pl2.issued-total@2018=366|226",
            "pl2.issued-total@2019=191|85",
            "pl3.procedures-total@2020Q1=2078|2077",
            "pl6-pl4.district-service-units@2019=393|370",
            "pl6-pl4.province-service-units@2019=83|80",
            "pl6.row2-levels@2017=2|1",
            "pl7-pl4.row7-le-agencies-and-districts@2019=59|30",
        ];
        Assert.Equal(expected.Order(), found);
    }

    [Fact]
    public void PublishedDocument_NotInTheFormat_IsRefusedNamingWhatIsWrong()
    {
        var ex = Assert.Throws<PublishedFormatException>(() => PublishedTables.Parse("""{"source":"x","periods":[{"key":"2019","from":"2019-13-01","to":"2019-12-31"}],"appendices":[]}""", Appendices));
        Assert.Contains("periods[0].from", ex.Message, StringComparison.Ordinal);
        Assert.Throws<PublishedFormatException>(() => PublishedTables.Parse("[1,2]", Appendices));
        Assert.Throws<PublishedFormatException>(() => PublishedTables.Parse("{not json", Appendices));
    }

    [Fact]
    public void Reconciler_ComparesCellByCell_WithTheDifference()
    {
        var published = Reference();
        var computed = new ComputedTables([ReportPeriod.Year(2019)], [
            new AppendixReport(3, "t", [ReportPeriod.Year(2019)], new Appendix3().Rows.Select(r => new ReportRow(r, r.Heading ? null
                : new Dictionary<string, ReportValue?> { ["2019"] = r.Indicator == ProcedureCatalogIndicators.Total ? N(2060) : r.Indicator == ProcedureCatalogIndicators.Province ? N(1575) : null })).ToList()),
        ], []);

        var cells = Reconciler.Reconcile(published, computed);

        var total = Assert.Single(cells, c => c.Row.Indicator == ProcedureCatalogIndicators.Total);
        Assert.Equal((ReconciledStatus.Different, -1m), (total.Status, total.Difference));
        Assert.Equal(ReconciledStatus.Equal, Assert.Single(cells, c => c.Row.Indicator == ProcedureCatalogIndicators.Province).Status);
        Assert.Equal(ReconciledStatus.NotComputed, cells.First(c => c.Row.Table == "2").Status); // Appendix 2 was not computed here
    }
}
