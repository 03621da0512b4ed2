using System.Globalization;
using Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Demo.Organisation;

/// <summary>
/// GENERATED staffing facts that reproduce Appendix 5 and the body's civil-service figures: quotas, employed and training
/// as aggregate figures split evenly over the 22 provincial agencies and 8 district committees (the source only has
/// province totals), recruitment and streamlining as individual records (one per person), leadership appointments
/// 2011–2019 as yearly figures of the provincial committee, commune civil servants at 31/12/2019 over the 108 commune
/// committees.
/// </summary>
public static class StaffingDemo
{
    /// <summary>The report's periods: 2015–2019 and 2020 up to 31 March.</summary>
    public static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new(2015, 1, 1), new(2015, 12, 31)), (new(2016, 1, 1), new(2016, 12, 31)), (new(2017, 1, 1), new(2017, 12, 31)),
        (new(2018, 1, 1), new(2018, 12, 31)), (new(2019, 1, 1), new(2019, 12, 31)), (new(2020, 1, 1), new(2020, 3, 31)),
    ];

    // Appendix 5 as the source prints it, one value per period.
    public static readonly int[] CivilServantQuota = [2067, 2062, 2026, 1980, 1900, 1868];
    public static readonly int[] CivilServantsEmployed = [1939, 1816, 1756, 1726, 1636, 1626];
    public static readonly int[] PublicEmployeeQuota = [17534, 17528, 17296, 16753, 16439, 16105];
    public static readonly int[] PublicEmployeesEmployed = [16920, 16545, 15628, 15720, 15500, 15364];
    public static readonly int[] CompetitiveRecruitment = [0, 12, 0, 0, 0, 0];
    public static readonly int[] Streamlined = [0, 95, 86, 117, 113, 80];
    public static readonly int[] CivilServantsTrained = [3396, 3418, 3727, 3981, 4137, 0];
    public static readonly int[] PublicEmployeesTrained = [4127, 5945, 5135, 6237, 6169, 0];
    public static readonly int[] TrainingClasses = [96, 91, 141, 115, 115, 0];

    // The body: commune civil servants at 31/12/2019; leadership appointments 2011–2019 by kind.
    public const int CommuneCivilServants2019 = 1047;
    public const int CommuneMeetingStandard2019 = 1029;
    public const int CommunePoliticalTheory2019 = 467;
    public static readonly (StaffingMetric Metric, int Total)[] Appointments2011To2019 =
    [
        (StaffingMetric.Elected, 1099), (StaffingMetric.NewlyAppointed, 1192), (StaffingMetric.Reappointed, 1295),
        (StaffingMetric.TransferredAndAppointed, 1138), (StaffingMetric.RotatedAndAppointed, 43),
    ];

    /// <summary>The 30 units that hold the quota figures: the agencies of 2015–2020 and the district committees.</summary>
    public static IReadOnlyList<string> QuotaUnits(IReadOnlyDictionary<string, string> agencyCodes) =>
        [.. LaiChauUnits.RealAgencies.Concat(OrganisationDemo.GeneratedAgencies.Take(3)).Select(a => agencyCodes[a]),
         .. OrganisationDemo.DistrictCodes.Select(d => OrganisationDemo.Body(d.Code, false))];

    public static IReadOnlyList<StaffingItem> Generate(IReadOnlyDictionary<string, string> agencyCodes)
    {
        var units = QuotaUnits(agencyCodes);
        var items = new List<StaffingItem>();
        for (var p = 0; p < Periods.Length; p++)
        {
            var (from, to) = Periods[p];
            Figures(items, units, StaffingMetric.CivilServantQuota, from, to, CivilServantQuota[p]);
            Figures(items, units, StaffingMetric.CivilServantsEmployed, from, to, CivilServantsEmployed[p]);
            Figures(items, units, StaffingMetric.PublicEmployeeQuota, from, to, PublicEmployeeQuota[p]);
            Figures(items, units, StaffingMetric.PublicEmployeesEmployed, from, to, PublicEmployeesEmployed[p]);
            Figures(items, units, StaffingMetric.CivilServantsTrained, from, to, CivilServantsTrained[p]);
            Figures(items, units, StaffingMetric.PublicEmployeesTrained, from, to, PublicEmployeesTrained[p]);
            Figures(items, units, StaffingMetric.TrainingClasses, from, to, TrainingClasses[p]);
            Records(items, units, StaffRecordKind.CompetitiveRecruitment, "TD", from, to, CompetitiveRecruitment[p]);
            Records(items, units, StaffRecordKind.Streamlining, "TG", from, to, Streamlined[p]);
        }
        var provinceCommittee = OrganisationDemo.Body(OrganisationDemo.ProvinceCode, false);
        foreach (var (metric, total) in Appointments2011To2019)
        {
            var perYear = Split(total, 9);
            for (var y = 0; y < 9; y++)
            {
                items.Add(Figure(provinceCommittee, metric, new DateOnly(2011 + y, 1, 1), new DateOnly(2011 + y, 12, 31), perYear[y]));
            }
        }
        var communes = LaiChauUnits.Districts.SelectMany(d =>
        {
            var code = OrganisationDemo.DistrictCodes.Single(x => x.Committee == d.District).Code;
            return d.Communes.Select((_, i) => OrganisationDemo.Body(OrganisationDemo.CommuneCode(code, i), false));
        }).ToList();
        var year2019 = (new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));
        Figures(items, communes, StaffingMetric.CommuneCivilServantsEmployed, year2019.Item1, year2019.Item2, CommuneCivilServants2019);
        Figures(items, communes, StaffingMetric.CommuneCivilServantsMeetingStandard, year2019.Item1, year2019.Item2, CommuneMeetingStandard2019);
        Figures(items, communes, StaffingMetric.CommuneCivilServantsWithPoliticalTheory, year2019.Item1, year2019.Item2, CommunePoliticalTheory2019);
        return items;
    }

    /// <summary><paramref name="total"/> split over <paramref name="parts"/>: equal shares, the remainder one each to the first.</summary>
    public static int[] Split(int total, int parts) => Enumerable.Range(0, parts).Select(i => total / parts + (i < total % parts ? 1 : 0)).ToArray();

    private static void Figures(List<StaffingItem> items, IReadOnlyList<string> units, StaffingMetric metric, DateOnly from, DateOnly to, int total)
    {
        if (total == 0)
        {
            return; // nothing happened: a count computed from facts is 0 without a figure
        }
        var shares = Split(total, units.Count);
        for (var u = 0; u < units.Count; u++)
        {
            items.Add(Figure(units[u], metric, from, to, shares[u]));
        }
    }

    private static StaffingItem Figure(string unit, StaffingMetric metric, DateOnly from, DateOnly to, int value) => new()
    {
        Figure = new StaffingFigure { UnitCode = unit, Metric = metric, From = OrganisationDemo.Iso(from), To = OrganisationDemo.Iso(to), Value = value },
    };

    /// <summary>One record per person, spread over the period's days and the units.</summary>
    private static void Records(List<StaffingItem> items, IReadOnlyList<string> units, StaffRecordKind kind, string prefix, DateOnly from, DateOnly to, int count)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        for (var i = 0; i < count; i++)
        {
            items.Add(new StaffingItem
            {
                Record = new StaffRecord
                {
                    RecordId = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{from.Year}-{i + 1:0000}"),
                    UnitCode = units[i % units.Count],
                    Kind = kind,
                    On = OrganisationDemo.Iso(from.AddDays((int)((long)i * days / count))),
                },
            });
        }
    }
}
