using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Organisation;

/// <summary>
/// Counts of units by kind on the last day of each period, from the unit registry's read model (Appendix 4 and the
/// organisation key figures). Units live on day D are those with a period covering D; the counts are 0 when the registry
/// holds no such unit (a count computed from facts).
/// </summary>
public sealed class OrganisationIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string SpecialisedAgencies = "organisation.specialised_agencies";
    public const string SubDepartments = "organisation.sub_departments";
    public const string AgencyDivisions = "organisation.agency_divisions";
    public const string ProvincialServiceUnits = "organisation.service_units.province";
    public const string DistrictCommittees = "organisation.district_committees";
    public const string DistrictDivisions = "organisation.district_divisions";
    public const string DistrictOffices = "organisation.district_offices";
    public const string DistrictServiceUnits = "organisation.service_units.district";
    public const string EducationUnits = "organisation.service_units.education";
    public const string HealthUnits = "organisation.service_units.health";
    public const string CultureUnits = "organisation.service_units.culture";
    public const string OtherUnits = "organisation.service_units.other";
    public const string DistrictLevelUnits = "organisation.admin.district_level";
    public const string CommuneLevelUnits = "organisation.admin.commune_level";
    public const string CommuneLevelReduced = "organisation.admin.commune_level_reduced";
    public const string DistrictLevelReduced = "organisation.admin.district_level_reduced";
    public const string OrganisationsReduced = "organisation.organisations_reduced";

    private static readonly (string Indicator, PublicServiceSector Sector)[] Sectors =
    [
        (EducationUnits, PublicServiceSector.EducationTraining), (HealthUnits, PublicServiceSector.Health),
        (CultureUnits, PublicServiceSector.CultureSports), (OtherUnits, PublicServiceSector.Other),
    ];

    public IReadOnlyCollection<string> FactKinds { get; } = ["UnitsChanged"];

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        SpecialisedAgencies, SubDepartments, AgencyDivisions, ProvincialServiceUnits, DistrictCommittees, DistrictDivisions, DistrictOffices,
        DistrictServiceUnits, EducationUnits, HealthUnits, CultureUnits, OtherUnits, DistrictLevelUnits, CommuneLevelUnits, CommuneLevelReduced,
        DistrictLevelReduced, OrganisationsReduced,
    ];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var structure = await UnitStructure.LoadAsync(db, cancellationToken);
        foreach (var period in periods)
        {
            var day = period.To;
            var live = structure.LiveOn(day).ToList();
            long Count(UnitKind kind) => live.Count(u => (UnitKind)u.Kind == kind);
            values.Set(SpecialisedAgencies, period.Key, Count(UnitKind.SpecialisedAgency));
            values.Set(SubDepartments, period.Key, Count(UnitKind.SubDepartment));
            values.Set(AgencyDivisions, period.Key, Count(UnitKind.AgencyDivision));
            values.Set(DistrictCommittees, period.Key, live.Count(u => structure.IsCommitteeOf(u, UnitKind.DistrictLevel, day)));
            values.Set(DistrictDivisions, period.Key, Count(UnitKind.DistrictDivision));
            values.Set(DistrictOffices, period.Key, Count(UnitKind.DistrictOfficeOrInspectorate));
            values.Set(DistrictLevelUnits, period.Key, Count(UnitKind.DistrictLevel));
            values.Set(CommuneLevelUnits, period.Key, Count(UnitKind.CommuneLevel));

            var cells = new long[Sectors.Length, 3];
            foreach (var unit in live.Where(u => (UnitKind)u.Kind == UnitKind.PublicServiceUnit))
            {
                var sector = Array.FindIndex(Sectors, s => (int)s.Sector == unit.Sector);
                if (sector >= 0 && structure.ParentColumn(unit, day) is { } column)
                {
                    cells[sector, column]++;
                }
            }
            long provincial = 0, district = 0;
            for (var s = 0; s < Sectors.Length; s++)
            {
                values.Set(Sectors[s].Indicator, period.Key, ReportValue.Of([ReportValue.Of(cells[s, 0]), ReportValue.Of(cells[s, 1]), ReportValue.Of(cells[s, 2])]));
                provincial += cells[s, 0] + cells[s, 1];
                district += cells[s, 2];
            }
            values.Set(ProvincialServiceUnits, period.Key, provincial);
            values.Set(DistrictServiceUnits, period.Key, district);

            // Reductions over the period: units live on its first day minus units live on its last day.
            var before = structure.LiveOn(period.From).ToList();
            values.Set(CommuneLevelReduced, period.Key,
                before.Count(u => (UnitKind)u.Kind == UnitKind.CommuneLevel) - Count(UnitKind.CommuneLevel));
            values.Set(DistrictLevelReduced, period.Key,
                before.Count(u => (UnitKind)u.Kind == UnitKind.DistrictLevel) - Count(UnitKind.DistrictLevel));
            values.Set(OrganisationsReduced, period.Key, before.Count(u => IsOrganisation(u.Kind)) - live.Count(u => IsOrganisation(u.Kind)));
        }
    }

    /// <summary>Agencies, sub-departments, divisions, offices and service units: the organisations the reform streamlines (not councils and committees).</summary>
    private static bool IsOrganisation(int kind) => kind is >= (int)UnitKind.SpecialisedAgency and <= (int)UnitKind.OtherProvincialAgency;
}
