using Cchc.Cli.Demo.Finance;
using Cchc.Cli.Demo.Legal;

namespace Cchc.Cli.Demo;

/// <summary>
/// The GENERATED Lai Châu demo data set (2015 – 31/3/2020): a synthetic procedure catalogue history, ≈ 885,000
/// one-stop-shop dossiers, 8 feedback items and a legal register, whose computed Appendices 2 and 3 equal the source report's
/// fact-derived cells. Real-looking names, but no real dossier or decision: it is demo data. Deterministic:
/// the same data set (ids, contents) on every run. Dossiers are generated lazily, period by period.
/// </summary>
public sealed class DemoDataSet
{
    private readonly DossierGenerator _dossiers;

    private DemoDataSet(DemoCatalogue catalogue, IReadOnlyList<PeriodPlan> plans)
    {
        Catalogue = catalogue;
        Plans = plans;
        var snapshots = new CatalogueSnapshots(catalogue);
        _dossiers = new DossierGenerator(snapshots);
        Feedback = FeedbackGenerator.Generate(snapshots);
        // Finance and e-government facts name units of the registry, on days they existed.
        _finance = new(() => FinanceGenerator.Generate(Organisation));
        _egov = new(() => Demo.Egov.EgovGenerator.Generate(Organisation));
    }

    public static DemoDataSet Create() => new(CatalogueGenerator.Generate(), PeriodPlan.Build());

    public DemoCatalogue Catalogue { get; }
    public IReadOnlyList<PeriodPlan> Plans { get; }
    public IReadOnlyList<DemoFeedback> Feedback { get; }

    /// <summary>The legal register (documents with their lifecycle, reviews, checks, systematisation periods), generated on first use.</summary>
    public DemoLegalRegister Legal => _legal.Value;

    private readonly Lazy<DemoLegalRegister> _legal = new(LegalGenerator.Generate);

    /// <summary>
    /// The public finance data (autonomy statuses of the registry's units, unreported breakdown cells, budget figures),
    /// generated on first use.
    /// </summary>
    public DemoFinance Finance => _finance.Value;

    private readonly Lazy<DemoFinance> _finance;

    /// <summary>The e-government submissions and capability states (of the registry's units), generated on first use.</summary>
    public Egov.DemoEgovData Egov => _egov.Value;

    private readonly Lazy<Egov.DemoEgovData> _egov;

    /// <summary>The unit registry's history (2004 – the 2025 reform) and the staffing facts, generated on first use.</summary>
    public Organisation.DemoOrganisation Organisation => _organisation.Value;

    private readonly Lazy<Organisation.DemoOrganisation> _organisation = new(Demo.Organisation.OrganisationDemo.Generate);

    public long DossierCount => Plans.Sum(p => (long)p.Received);
    public int LateCount => Plans.Sum(p => p.Late);

    /// <summary>The dossiers received (and closed) in one period, in order of receipt.</summary>
    public IEnumerable<DemoDossier> Dossiers(PeriodPlan plan) => _dossiers.Generate(plan);

    public IEnumerable<DemoDossier> AllDossiers() => Plans.SelectMany(Dossiers);
}
