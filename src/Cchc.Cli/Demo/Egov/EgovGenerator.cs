using Cchc.Contracts.Events.Egov;
using Cchc.Cli.Demo.Organisation;
using Cchc.Contracts.Events.Procedures;
using Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Demo.Egov;

/// <summary>
/// Builds the GENERATED e-government data of Lai Châu (2015 – 31/3/2020) so that Appendix 7's rows 1–9, 12 and 14
/// computed from it equal <see cref="EgovTargets"/>: one submission per source system, metric and report period
/// (province-wide figures, about "UBND tỉnh Lai Châu"), and dated capability states of the provincial agencies,
/// other provincial units, districts and communes — every one a unit of the demo registry (<see cref="OrganisationDemo"/>)
/// that exists from the state's day to 31/3/2020, so that each count on a period's last day counts live units.
/// Deterministic; every record is labelled as generated.
/// </summary>
public static class EgovGenerator
{
    public const string Province = "UBND tỉnh Lai Châu";
    public const string AxisSource = "truc-lien-thong-vbqg";
    public const string SignatureSource = "ca-ban-co-yeu";
    public const string MailSource = "thu-cong-vu";
    public const string ReportSource = "bao-cao-stttt";

    /// <summary>The window in which every unit named by a capability state exists: from the first state (2014) to 31/3/2020.</summary>
    private static readonly DateOnly FirstState = new(2014, 10, 15);

    /// <summary>
    /// The registry's 22 provincial agencies (specialised agencies, cơ quan chuyên môn) that exist from the first state to
    /// 31/3/2020, in registry order.
    /// </summary>
    public static IReadOnlyList<string> Agencies(DemoOrganisation registry) =>
        [.. registry.LiveThroughout(UnitKind.SpecialisedAgency, FirstState, LastDay).Select(u => u.Name)];

    /// <summary>
    /// 29 other provincial units that took up document-management software in 2019, all of the registry: the other
    /// agency, the sub-departments, the science and technology organisation and provincial public service units that
    /// exist from 2019 to 31/3/2020.
    /// </summary>
    public static IReadOnlyList<string> OtherProvincialUnits(DemoOrganisation registry)
    {
        var from = new DateOnly(2019, 1, 1);
        bool Provincial(DemoUnit unit) => unit.ParentCode is { } p && registry.Unit(p) is var parent
            && (parent.Code == OrganisationDemo.Body(OrganisationDemo.ProvinceCode, false) || parent.Kind == UnitKind.SpecialisedAgency);
        return
        [
            .. registry.LiveThroughout(UnitKind.OtherProvincialAgency, from, LastDay)
                .Concat(registry.LiveThroughout(UnitKind.SubDepartment, from, LastDay))
                .Concat(registry.LiveThroughout(UnitKind.PublicScienceTechnologyOrganisation, from, LastDay))
                .Concat(registry.LiveThroughout(UnitKind.PublicServiceUnit, from, LastDay).Where(Provincial))
                .Take(OtherProvincialUnitCount).Select(u => u.Name),
        ];
    }

    /// <summary>Row 7's 59 in 2019: 8 districts, the 22 agencies and these.</summary>
    public const int OtherProvincialUnitCount = 29;

    private static DateOnly LastDay => DemoPeriod.All[^1].To;

    /// <summary>States recorded before the report's first period hold from this day.</summary>
    private static readonly DateOnly Before2015 = new(2014, 12, 1);

    public static DemoEgovData Generate(DemoOrganisation registry) => new(Metrics(), Capabilities(registry));

    private static List<DemoMetric> Metrics()
    {
        var metrics = new List<DemoMetric>();
        // Figures the source does not print but the rates need (the denominators) are invented, plausible sizes.
        long[] adminDocuments = [96_000, 99_000, 103_000, 110_000, 124_000, 31_000];
        long[] civilServants = [3_240, 3_200, 3_160, 3_120, 3_080, 3_080];
        long[] mailboxes = [650, 680, 700, 760, 4_100, 4_228];
        for (var i = 0; i < DemoPeriod.All.Count; i++)
        {
            var period = DemoPeriod.All[i];
            void Add(string source, EgovMetric metric, long value) =>
                metrics.Add(new DemoMetric(source, Province, GovernmentLevel.Province, metric, period.From, period.To, value));

            Add(ReportSource, EgovMetric.AdminDocuments, adminDocuments[i]);
            Add(ReportSource, EgovMetric.AdminDocumentsElectronic, Part(adminDocuments[i], EgovTargets.ElectronicDocumentPercent[i]));
            Add(AxisSource, EgovMetric.AxisConnectedUnits, EgovTargets.AxisConnectedUnits[i]);
            Add(AxisSource, EgovMetric.AxisDocumentsReceived, EgovTargets.AxisReceived[i]);
            Add(AxisSource, EgovMetric.AxisDocumentsSent, EgovTargets.AxisSent[i]);
            var signatures = EgovTargets.Signatures[i];
            var mobile = period.Year >= 2019 ? signatures * 6 / 100 : 0;
            var organisation = (signatures - mobile) * 29 / 100;
            Add(SignatureSource, EgovMetric.SignaturesPersonal, signatures - mobile - organisation);
            Add(SignatureSource, EgovMetric.SignaturesOrganisation, organisation);
            Add(SignatureSource, EgovMetric.SignaturesMobile, mobile);
            Add(MailSource, EgovMetric.CivilServants, civilServants[i]);
            Add(MailSource, EgovMetric.CivilServantsWithMailbox, Part(civilServants[i], EgovTargets.MailboxPercent[i]));
            Add(MailSource, EgovMetric.OfficialMailboxes, mailboxes[i]);
        }
        return metrics;
    }

    /// <summary>The part of <paramref name="whole"/> that is exactly <paramref name="percent"/>% of it (the wholes are chosen so it is).</summary>
    private static long Part(long whole, decimal percent)
    {
        var part = whole * percent / 100m;
        if (part != decimal.Truncate(part)) throw new InvalidOperationException($"{percent}% of {whole} is not a whole number.");
        return (long)part;
    }

    private static List<DemoCapability> Capabilities(DemoOrganisation registry)
    {
        var states = new List<DemoCapability>();
        var districts = LaiChauUnits.DistrictUnits;
        // The communes that exist to 31/3/2020: the two merged on 2020-02-01 took up neither software nor ISO 9001 in 2019.
        var communes = LaiChauUnits.CommuneUnitsAfterMerger;
        var agencies = Agencies(registry);
        var others = OtherProvincialUnits(registry);
        if (agencies.Count != 22 || others.Count != OtherProvincialUnitCount)
        {
            throw new InvalidOperationException($"The registry has {agencies.Count} agencies and {others.Count} other provincial units for 22 and {OtherProvincialUnitCount}.");
        }
        void Add(IEnumerable<string> units, GovernmentLevel level, EgovCapability capability, DateOnly from,
            IsoVersion iso = IsoVersion.Unspecified) =>
            states.AddRange(units.Select(u => new DemoCapability(u, level, capability, from, InUse: true, iso,
                iso == IsoVersion.Unspecified ? null : from)));

        // Row 7: 12 units (4 agencies and the 8 districts) before 2015; every provincial unit and district from 2019.
        var early = EgovTargets.DocumentManagement[0] - districts.Length;
        Add(agencies.Take(early), GovernmentLevel.Province, EgovCapability.DocumentManagement, Before2015);
        Add(districts, GovernmentLevel.District, EgovCapability.DocumentManagement, Before2015);
        var upper2019 = EgovTargets.DocumentManagement[4] - districts.Length;
        Add(agencies.Concat(others).Take(upper2019).Skip(early), GovernmentLevel.Province, EgovCapability.DocumentManagement,
            new DateOnly(2019, 3, 1));

        // Rows 8–9: the agencies and districts.
        foreach (var capability in new[] { EgovCapability.Lan, EgovCapability.WebPortal })
        {
            Add(agencies.Take(EgovTargets.LanAndPortal - districts.Length), GovernmentLevel.Province, capability, Before2015);
            Add(districts, GovernmentLevel.District, capability, Before2015);
        }

        // Row 12: the districts before 2015; in 2019 the agencies with a receiving desk and every commune.
        Add(districts, GovernmentLevel.District, EgovCapability.OneStopShopSoftware, Before2015);
        var withDesk = EgovTargets.OneStopShopSoftware[4] - districts.Length - communes.Length;
        Add(agencies.Skip(1).Take(withDesk), GovernmentLevel.Province, EgovCapability.OneStopShopSoftware, new DateOnly(2019, 5, 2));
        Add(communes, GovernmentLevel.Commune, EgovCapability.OneStopShopSoftware, new DateOnly(2019, 5, 2));

        // Row 14: agencies and districts announced ISO 9001:2008 before 2015 and moved to ISO 9001:2015 in 2019; communes adopt it in 2019.
        var isoAgencies = agencies.Take(EgovTargets.IsoUnits - districts.Length).ToList();
        Add(isoAgencies, GovernmentLevel.Province, EgovCapability.Iso9001, new DateOnly(2014, 10, 15), IsoVersion.Iso2008);
        Add(districts, GovernmentLevel.District, EgovCapability.Iso9001, new DateOnly(2014, 10, 15), IsoVersion.Iso2008);
        Add(isoAgencies, GovernmentLevel.Province, EgovCapability.Iso9001, new DateOnly(2019, 6, 14), IsoVersion.Iso2015);
        Add(districts, GovernmentLevel.District, EgovCapability.Iso9001, new DateOnly(2019, 6, 14), IsoVersion.Iso2015);
        Add(communes, GovernmentLevel.Commune, EgovCapability.Iso9001, new DateOnly(2019, 9, 16), IsoVersion.Iso2015);
        return states;
    }
}
