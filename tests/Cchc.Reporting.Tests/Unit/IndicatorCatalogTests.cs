using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Institutions;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Programme;
using Cchc.Reporting.Api.PublicFinance;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The indicator catalogue is derived from the appendices' rows: one entry per row, codes unique and stable.</summary>
public sealed class IndicatorCatalogTests
{
    private static readonly IAppendix[] Appendices =
        [new Appendix1(), new Appendix2(), new Appendix3(), new Appendix4(), new Appendix5(), new Appendix6(), new Appendix7()];

    /// <summary>The sources as the service registers them (their queries are not run: no database is needed to list them).</summary>
    private static readonly IIndicatorSource[] Sources =
    [
        new InstitutionsIndicators(null!), new ProcedureCatalogIndicators(null!), new DossierTimelinessIndicators(null!), new FeedbackIndicators(null!),
        new OrganisationIndicators(null!), new CivilServiceIndicators(null!), new PublicFinanceIndicators(null!),
        new ModernisationIndicators(null!), new OnlineServiceIndicators(null!), new ProgrammeIndicators(null!), new SubmittedValueIndicators(null!),
    ];

    private static IndicatorCatalog Catalog => new(Appendices, Sources);

    [Fact]
    public void EveryRowOfEveryAppendix_HasExactlyOneEntry_InTheAppendixOrder()
    {
        var entries = Catalog.Entries;
        Assert.Equal(Appendices.Sum(a => a.Rows.Count), entries.Count);
        foreach (var appendix in Appendices)
        {
            var mine = entries.Where(e => e.Appendix == appendix.Number).ToList();
            Assert.Equal(appendix.Rows.Select(r => (r.Indicator, r.Stt, r.Label)), mine.Select(e => (e.Code, e.Stt, e.Label)));
            Assert.Equal(Enumerable.Range(1, appendix.Rows.Count), mine.Select(e => e.Position));
        }
    }

    [Fact]
    public void Codes_AreUniqueAcrossTheCatalogue()
    {
        var duplicates = Catalog.Entries.GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    /// <summary>Codes are published (JSON, gRPC, approval snapshots): these must never change.</summary>
    [Theory]
    [InlineData(2, "1", "legal.issued.total")]
    [InlineData(3, "1", "procedures.in_force.total")]
    [InlineData(3, "2", "procedures.simplified_after_review")]
    [InlineData(7, "14", "egov.capability.iso_9001")]
    public void KnownCodes_AreStable(int appendix, string stt, string code)
    {
        var entry = Catalog.Entries.First(e => e.Appendix == appendix && e.Stt == stt);
        Assert.Equal(code, entry.Code);
    }

    [Fact]
    public void ComputedRows_NameTheFactKindsTheyAreComputedFrom()
    {
        var byCode = Catalog.Entries.ToDictionary(e => e.Code);
        Assert.Equal(["FeedbackRecorded"], byCode[FeedbackIndicators.Received].FactKinds);
        Assert.Equal(IndicatorCatalog.Computed, byCode[FeedbackIndicators.Received].Provenance);
        Assert.Equal(["ProcedureVersionsRecorded", "DossiersRecorded"], byCode[OnlineServiceIndicators.OnlineServicesWithDossiers].FactKinds);
        Assert.Equal(["ProgrammeRecordsRecorded"], byCode[ProgrammeIndicators.TrainingClasses].FactKinds);
        Assert.All(Catalog.Entries.Where(e => e.Provenance == IndicatorCatalog.Computed), e => Assert.NotEmpty(e.FactKinds));
    }

    [Fact]
    public void RowsNoSourceComputes_AreSubmitted_AndHeadingsHaveNoType()
    {
        var byCode = Catalog.Entries.ToDictionary(e => e.Code);
        Assert.Equal(IndicatorCatalog.Submitted, byCode[Appendix3.SimplifiedAfterReview].Provenance);
        Assert.Equal(IndicatorCatalog.Submitted, byCode[Appendix3.PublishedInFull].Provenance);
        Assert.Empty(byCode[Appendix3.PublishedInFull].FactKinds);
        Assert.All(SubmittedValueIndicators.Submitted, code => Assert.Equal(IndicatorCatalog.Submitted, byCode[code].Provenance));
        var heading = byCode[Appendix3.OneStopSection];
        Assert.True(heading.Heading);
        Assert.Equal((null, null, null), (heading.ValueType, heading.Unit, heading.Provenance));
    }

    [Fact]
    public void ValueTypesAndUnits_FollowTheRows()
    {
        var byCode = Catalog.Entries.ToDictionary(e => e.Code);
        Assert.Equal(("percentage", "%"), (byCode[Appendix3.PublishedInFull].ValueType, byCode[Appendix3.PublishedInFull].Unit));
        Assert.Equal(("count", "thủ tục hành chính"), (byCode["procedures.in_force.total"].ValueType, byCode["procedures.in_force.total"].Unit));
        Assert.Equal(("count", "phản ánh, kiến nghị"), (byCode[FeedbackIndicators.Received].ValueType, byCode[FeedbackIndicators.Received].Unit));
        Assert.Equal(("count", "văn bản"), (byCode["legal.issued.total"].ValueType, byCode["legal.issued.total"].Unit));
        Assert.Equal(("count", "cơ quan, đơn vị"), (byCode[ModernisationIndicators.DocumentManagement].ValueType, byCode[ModernisationIndicators.DocumentManagement].Unit));
        Assert.Equal("fraction", byCode["egov.capability.iso_9001"].ValueType);
        Assert.All(Catalog.Entries.Where(e => !e.Heading && e.ValueType != "text"), e => Assert.False(string.IsNullOrEmpty(e.Unit)));
        var types = new HashSet<string?> { "count", "percentage", "boolean", "fraction", "rank", "text" };
        Assert.All(Catalog.Entries.Where(e => !e.Heading), e => Assert.Contains(e.ValueType, types));
    }

    /// <summary>Adding rows (Appendix 1's, or a row with its own unit) is a data entry: the catalogue follows without a second list.</summary>
    [Fact]
    public void ANewAppendix_AddsItsRows_WithTheirOwnUnit()
    {
        var catalog = new IndicatorCatalog([.. Appendices, new OneRowAppendix()], Sources);
        var entry = Assert.Single(catalog.Entries, e => e.Appendix == 8);
        Assert.Equal(("programme.par_index.rank_test", "rank", "hạng/63", IndicatorCatalog.Submitted), (entry.Code, entry.ValueType, entry.Unit, entry.Provenance));
        Assert.Same(entry, catalog.Entries[^1]); // appendices in number order
    }

    private sealed class OneRowAppendix : IAppendix
    {
        public int Number => 8;
        public string Title => "Thử";
        public IReadOnlyList<RowDefinition> Rows { get; } = [RowDefinition.Value("1", "Xếp hạng PAR INDEX", ValueTypes.Rank, "programme.par_index.rank_test")];
    }
}
