using System.Globalization;
using Cchc.Programme.Api.Grpc;

namespace Cchc.Cli.Demo.Programme;

/// <summary>
/// The demo's programme data (docs/adr/0026, 0027): Appendix 1's records recorded by Sở Nội vụ so that the appendix
/// reproduces <see cref="ProgrammeTargets"/> (inspections of distinct agencies, districts and communes; one propaganda
/// report per column; training classes; the three initiatives; the criteria sets for departments, district and commune
/// committees adopted before 2015, none for vertical agencies; the 2019 survey; the index ranks), Appendix 3's submitted
/// rows by the units responsible (Văn phòng UBND tỉnh for rows 2 and "do tỉnh ban hành", Sở Thông tin và Truyền thông
/// for row 3), and the obligations: those values, and for every department and district its 2019 training classes on
/// reform. The 2019 classes (14, as in the source) are recorded by the first 14 of those units themselves — after the
/// deadline, since the demo is loaded long after 2019 — and the others leave theirs owed and missing, so the
/// completeness page shows late and missing reports.
/// </summary>
public sealed class ProgrammeDemo
{
    public const string Recorder = LaiChauUnits.HomeAffairs;
    public const string ProceduresUnit = LaiChauUnits.CommitteeOffice;
    public const string PortalUnit = LaiChauUnits.Information;

    /// <summary>The 2019 training classes units owe: due on 15/1/2020.</summary>
    public static readonly DateOnly ReportsDue = new(2020, 1, 15);
    public const int ReportYear = 2019;

    /// <summary>Every department (but the recorder) and district: each owes its 2019 training classes.</summary>
    public static readonly string[] Owing = LaiChauUnits.RealAgencies.Where(u => u != Recorder).Concat(LaiChauUnits.DistrictUnits).ToArray();

    public List<ProgrammeRecord> Records { get; } = [];
    public List<SubmittedValue> Values { get; } = [];
    public List<Obligation> Obligations { get; } = [];

    public static ProgrammeDemo Create()
    {
        var demo = new ProgrammeDemo();
        var inspected = LaiChauUnits.RealAgencies.Concat(LaiChauUnits.DistrictUnits).Concat(LaiChauUnits.CommuneUnits).ToArray();
        for (var p = 0; p < DemoPeriod.All.Count; p++)
        {
            var period = DemoPeriod.All[p];
            var y = period.Year.ToString(CultureInfo.InvariantCulture);
            var days = period.To.DayNumber - period.From.DayNumber;
            var n = ProgrammeTargets.UnitsInspected[p] ?? 0;
            for (var i = 0; i < n; i++)
            {
                var unit = inspected[(p * 7 + i) % inspected.Length];
                demo.Records.Add(Record($"kiem-tra-{y}-{i + 1:D2}", new ProgrammeRecord
                {
                    Inspection = new Inspection
                    {
                        UnitInspected = unit,
                        Day = Day(period.From.AddDays(days * (i + 1) / (n + 1))),
                        Findings = "Kiểm tra công tác cải cách hành chính theo kế hoạch của UBND tỉnh (dữ liệu minh họa).",
                    },
                }));
            }
            var propaganda = new Propaganda { PeriodFrom = Day(period.From), PeriodTo = Day(period.To) };
            if (ProgrammeTargets.Bulletins[p] is { } bulletins)
            {
                propaganda.Bulletins = bulletins;
            }
            if (ProgrammeTargets.ContestHeld[p] is { } contests)
            {
                propaganda.Contests = contests;
            }
            if (ProgrammeTargets.PortalSection[p] is { } portal)
            {
                propaganda.PortalSection = portal == 1;
            }
            demo.Records.Add(Record($"tuyen-truyen-{y}", new ProgrammeRecord { Propaganda = propaganda }));
            var classes = ProgrammeTargets.TrainingClasses[p] ?? 0;
            for (var i = 0; i < classes; i++)
            {
                var record = Record($"tap-huan-{y}-{i + 1:D2}", new ProgrammeRecord
                {
                    TrainingClass = new TrainingClass
                    {
                        Day = Day(period.From.AddDays(days * (i + 1) / (classes + 1))),
                        Title = "Tập huấn chuyên đề cải cách hành chính (dữ liệu minh họa)",
                        Participants = 60 + 5 * i,
                    },
                });
                if (period.Year == ReportYear)
                {
                    record.ReportingUnit = Owing[i % Owing.Length];
                }
                demo.Records.Add(record);
            }
            demo.Values.Add(Value("procedures.simplified_after_review", ProceduresUnit, period, ValueKind.Text, ProgrammeTargets.SimplifiedAfterReview[p]));
            demo.Values.Add(Value("procedures.published_in_full", PortalUnit, period, ValueKind.Number,
                ProgrammeTargets.PublishedInFull[p].ToString(CultureInfo.InvariantCulture)));
            demo.Values.Add(ProgrammeTargets.IssuedByProvince[p] is { } issued
                ? Value("procedures.issued_by_province", ProceduresUnit, period, ValueKind.Number, issued.ToString(CultureInfo.InvariantCulture))
                : Value("procedures.issued_by_province", ProceduresUnit, period, ValueKind.NotApplicable, string.Empty));
            foreach (var (indicator, unit) in new[] { ("procedures.simplified_after_review", ProceduresUnit), ("procedures.published_in_full", PortalUnit), ("procedures.issued_by_province", ProceduresUnit) })
            {
                demo.Obligations.Add(new Obligation { Unit = unit, Indicator = indicator, PeriodFrom = Day(period.From), PeriodTo = Day(period.To), DueOn = Day(period.To.AddDays(15)) });
            }
        }
        foreach (var (name, from) in ProgrammeTargets.Initiatives)
        {
            demo.Records.Add(Record($"sang-kien-{from:yyyy-MM}", new ProgrammeRecord { Initiative = new Initiative { Name = name, AppliedFrom = Day(from) } }));
        }
        foreach (var (target, key) in new[] { (CriteriaTarget.Departments, "so-nganh"), (CriteriaTarget.DistrictCommittees, "ubnd-huyen"), (CriteriaTarget.CommuneCommittees, "ubnd-xa") })
        {
            var set = new CriteriaSet { Target = target, AdoptedOn = "2014-03-20", Decision = "Quyết định của UBND tỉnh ban hành Bộ tiêu chí xác định Chỉ số CCHC (dữ liệu minh họa)" };
            set.Criteria.AddRange(["Công tác chỉ đạo, điều hành CCHC", "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
                "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Cải cách tài chính công", "Hiện đại hóa hành chính"]);
            demo.Records.Add(Record($"bo-tieu-chi-{key}", new ProgrammeRecord { CriteriaSet = set }));
        }
        demo.Records.Add(Record($"khao-sat-{ProgrammeTargets.SurveyYear}", new ProgrammeRecord
        {
            SatisfactionSurvey = new SatisfactionSurvey
            {
                PeriodFrom = $"{ProgrammeTargets.SurveyYear}-01-01", PeriodTo = $"{ProgrammeTargets.SurveyYear}-12-31",
                ServicesSurveyed = ProgrammeTargets.ServicesSurveyed, SampleSize = ProgrammeTargets.SampleSize,
                OverallSatisfaction = ProgrammeTargets.OverallSatisfaction.ToString(CultureInfo.InvariantCulture),
            },
        }));
        foreach (var (index, year, rank) in ProgrammeTargets.IndexRanks)
        {
            demo.Records.Add(Record($"chi-so-{index}-{year}", new ProgrammeRecord
            {
                IndexResult = new IndexResult { Index = (NationalIndex)index, Year = year, Rank = rank, PublishedOn = $"{year + 1}-06-30" },
            }));
        }

        // What every department and district owes for 2019: its training classes on reform.
        foreach (var unit in Owing)
        {
            demo.Obligations.Add(new Obligation { Unit = unit, RecordKind = RecordKind.TrainingClass, PeriodFrom = $"{ReportYear}-01-01", PeriodTo = $"{ReportYear}-12-31", DueOn = Day(ReportsDue) });
        }
        return demo;
    }

    private static ProgrammeRecord Record(string key, ProgrammeRecord record)
    {
        record.ReportingUnit = Recorder;
        record.Key = key;
        return record;
    }

    private static SubmittedValue Value(string indicator, string unit, DemoPeriod period, ValueKind kind, string value) => new()
    {
        Indicator = indicator, Unit = unit, PeriodFrom = Day(period.From), PeriodTo = Day(period.To), Kind = kind, Value = value,
        Note = "Số liệu theo Phụ lục 3 của báo cáo nguồn",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
