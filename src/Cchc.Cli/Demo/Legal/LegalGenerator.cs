using System.Globalization;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo.Legal;

/// <summary>
/// Generates the GENERATED Lai Châu legal register (deterministic). Provincial documents from 2004 (the first
/// systematisation period) so the body's figures follow from the lifecycle: 661 documents of 2004–2013, of which 377
/// end by 31/12/2013; 85 more in 2014 and the Appendix 2 counts from 2015, so that 616 are in the 2014–2018 scope, of
/// which 173 end and 35 partly expire in it. District and commune documents for 2015 – 3/2020 as Appendix 2 prints
/// them. Review findings and checks land in the years Appendix 2 counts them, each handled in its year.
/// </summary>
public static class LegalGenerator
{
    private const string Justice = LaiChauUnits.Justice;

    private static readonly string[] Topics =
    [
        "phát triển sản xuất nông nghiệp hàng hóa", "bảo vệ và phát triển rừng", "giáo dục mầm non", "đào tạo, bồi dưỡng cán bộ, công chức",
        "xây dựng nông thôn mới", "phòng, chống ma túy", "phát triển du lịch cộng đồng", "hỗ trợ doanh nghiệp nhỏ và vừa",
        "quản lý chất thải rắn sinh hoạt", "trợ giúp pháp lý", "công tác hòa giải ở cơ sở", "quản lý, sử dụng đất đai",
        "giao thông nông thôn", "cấp nước sạch nông thôn", "y tế cơ sở", "bảo tồn văn hóa các dân tộc", "phòng, chống thiên tai",
        "quản lý tài sản công", "thu phí, lệ phí", "quản lý cụm công nghiệp",
    ];

    private static readonly string[] ProvincialAgencies =
    [
        LaiChauUnits.Justice, LaiChauUnits.Finance, LaiChauUnits.HomeAffairs, LaiChauUnits.Planning, LaiChauUnits.Agriculture, LaiChauUnits.Environment,
        LaiChauUnits.Education, LaiChauUnits.Health, LaiChauUnits.Construction, LaiChauUnits.Transport, LaiChauUnits.Trade, LaiChauUnits.Culture,
        LaiChauUnits.Labour, LaiChauUnits.Information, LaiChauUnits.Science, LaiChauUnits.CommitteeOffice,
    ];

    public static DemoLegalRegister Generate() => new Builder(new DemoRandom(0x1E6A1_2020)).Build();

    private sealed class Builder(DemoRandom random)
    {
        private readonly List<DemoLegalDocument> _documents = [];
        private readonly Dictionary<string, int> _numbers = [];
        private readonly Dictionary<int, int> _ids = [];
        private readonly Dictionary<string, string> _districtOfCommune = LaiChauUnits.Districts
            .SelectMany(d => d.Communes.Select(c => (Commune: "UBND " + c, d.District))).ToDictionary(x => x.Commune, x => x.District);
        private readonly List<DemoReviewRound> _rounds = [];
        private readonly List<DemoFinding> _findings = [];
        private readonly List<DemoCheck> _checks = [];

        public DemoLegalRegister Build()
        {
            // Provincial documents before the report's years: 2004–2010 (404), 2011–2013 (257 with 3 directives), 2014 (85 with 2).
            AddProvincial(2004, 2010, resolutions: 120, decisions: 284, directives: 0);
            AddProvincial(2011, 2013, resolutions: 72, decisions: 182, directives: 3);
            AddProvincial(2014, 2014, resolutions: 23, decisions: 60, directives: 2);
            AddNonNormative();
            // The report's years, kind by kind as Appendix 2 prints them.
            foreach (var (kind, body, level, perPeriod) in LegalTargets.Issued)
            {
                for (var p = 0; p < DemoPeriod.All.Count; p++)
                {
                    for (var i = 0; i < perPeriod[p]; i++)
                    {
                        var period = DemoPeriod.All[p];
                        Add(kind, body, level, Issuer(body, level), SignedIn(period));
                    }
                }
            }
            AddLifecycle();
            AddReviews();
            AddChecks();
            DemoSystematisation Period(SystematisationTarget t) =>
                new(t.Id, LegalTargets.ProvinceCommittee, t.From, t.To, [LegalTargets.ProvinceCouncil, LegalTargets.ProvinceCommittee]);
            return new DemoLegalRegister(_documents, _rounds, _findings, _checks, [Period(LegalTargets.First), Period(LegalTargets.Second)]);
        }

        /// <summary>A signing day whose effective day (+10) stays in the same period, so the scope of a period is what it signed.</summary>
        private DateOnly SignedIn(DemoPeriod period)
        {
            var last = period.To.AddDays(period.To.Month == 12 ? -25 : -1);
            return period.From.AddDays(1 + random.Next(last.DayNumber - period.From.DayNumber - 1));
        }

        private DateOnly SignedInYear(int year) => SignedIn(new DemoPeriod("", year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

        private void AddProvincial(int fromYear, int toYear, int resolutions, int decisions, int directives)
        {
            var years = toYear - fromYear + 1;
            for (var y = 0; y < years; y++)
            {
                int Share(int total) => total / years + (y < total % years ? 1 : 0);
                var year = fromYear + y;
                for (var i = 0; i < Share(resolutions); i++)
                {
                    Add(DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.Province, LegalTargets.ProvinceCouncil, SignedInYear(year));
                }
                for (var i = 0; i < Share(decisions); i++)
                {
                    Add(DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.Province, LegalTargets.ProvinceCommittee, SignedInYear(year));
                }
                for (var i = 0; i < Share(directives); i++)
                {
                    Add(DocumentKind.Directive, IssuingBody.PeoplesCommittee, GovernmentLevel.Province, LegalTargets.ProvinceCommittee, SignedInYear(year));
                }
            }
        }

        private void AddNonNormative()
        {
            for (var i = 0; i < LegalTargets.NonNormativeBefore2015; i++)
            {
                Add(DocumentKind.NonNormativeWithNorms, IssuingBody.PeoplesCommittee, GovernmentLevel.Province, LegalTargets.ProvinceCommittee,
                    SignedInYear(2013 + i % 2));
            }
        }

        private string Issuer(IssuingBody body, GovernmentLevel level)
        {
            var committee = level switch
            {
                GovernmentLevel.Province => LegalTargets.ProvinceCommittee,
                GovernmentLevel.District => random.Pick(LaiChauUnits.DistrictUnits),
                _ => random.Pick(LaiChauUnits.CommuneUnits),
            };
            return body == IssuingBody.PeoplesCouncil ? "HĐND " + committee["UBND ".Length..] : committee;
        }

        private void Add(DocumentKind kind, IssuingBody body, GovernmentLevel level, string issuer, DateOnly signed)
        {
            var year = signed.Year;
            var symbol = kind switch
            {
                DocumentKind.Resolution => "NQ-HĐND",
                DocumentKind.Decision => "QĐ-UBND",
                DocumentKind.Directive => "CT-UBND",
                _ => "KH-UBND",
            };
            var key = $"{issuer}|{year}|{symbol}";
            var n = _numbers[key] = _numbers.GetValueOrDefault(key) + 1;
            var number = kind == DocumentKind.NonNormativeWithNorms
                ? string.Create(CultureInfo.InvariantCulture, $"{100 + n}/{symbol}")
                : string.Create(CultureInfo.InvariantCulture, $"{n:00}/{year}/{symbol}");
            var seq = _ids[year] = _ids.GetValueOrDefault(year) + 1;
            var area = issuer[(issuer.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var topic = random.Pick(Topics);
            var title = kind switch
            {
                DocumentKind.Resolution => $"Nghị quyết quy định chính sách {topic} trên địa bàn {area}",
                DocumentKind.Decision when random.Chance(0.3) => $"Quyết định sửa đổi, bổ sung một số điều của Quy định về {topic} trên địa bàn {area}",
                DocumentKind.Decision => $"Quyết định ban hành Quy định về {topic} trên địa bàn {area}",
                DocumentKind.Directive => $"Chỉ thị về tăng cường công tác {topic} trên địa bàn {area}",
                _ => $"Kế hoạch triển khai công tác {topic} năm {year} (có chứa quy phạm pháp luật)",
            };
            var drafting = level switch
            {
                GovernmentLevel.Province => random.Pick(ProvincialAgencies),
                GovernmentLevel.District => "Phòng Tư pháp " + area,
                _ => "Công chức Tư pháp - Hộ tịch " + area,
            };
            var province = level == GovernmentLevel.Province && kind != DocumentKind.NonNormativeWithNorms;
            _documents.Add(new DemoLegalDocument
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"VB-{year}-{seq:00000}"),
                Kind = kind, Body = body, Level = level, IssuerUnit = issuer, Number = number, Title = title, DraftingAgency = drafting,
                SignedOn = signed,
                EffectiveOn = signed.AddDays(level == GovernmentLevel.Province ? 10 : 7),
                GazettePublishedOn = province ? signed.AddDays(3) : null,
                GazetteIssue = province ? string.Create(CultureInfo.InvariantCulture, $"Công báo tỉnh Lai Châu số {1 + (signed.DayOfYear - 1) / 7}/{year}") : null,
            });
        }

        private List<DemoLegalDocument> Provincial(int fromYear, int toYear) => _documents
            .Where(d => d.IsNormative && d.Level == GovernmentLevel.Province && d.SignedOn.Year >= fromYear && d.SignedOn.Year <= toYear).ToList();

        private List<T> Take<T>(IEnumerable<T> items, int count)
        {
            var list = items.ToList();
            random.Shuffle(list);
            return list.Count >= count ? list.Take(count).ToList() : throw new InvalidOperationException($"need {count}, have {list.Count}");
        }

        private DateOnly Between(DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

        /// <summary>Ends, partial expiries and amendments of provincial documents, dated so both systematisation periods come out as the body says.</summary>
        private void AddLifecycle()
        {
            var first = LegalTargets.First;
            var second = LegalTargets.Second;
            var older = Provincial(2004, 2010);
            var early = Provincial(2011, 2013);

            var ended = new Dictionary<DemoLegalDocument, DateOnly>();
            var firstEnded = Take(older, 340).Concat(Take(early.Where(d => d.SignedOn.Year <= 2012), first.InScope - first.InForce - 340)).ToList();
            foreach (var d in firstEnded)
            {
                ended[d] = Between(d.EffectiveOn.AddDays(30), first.To);
            }
            var stillInForce = older.Concat(early).Where(d => !ended.ContainsKey(d)).ToList();
            var recent = Provincial(2014, 2017);
            var secondEnded = Take(stillInForce, 120).Concat(Take(recent, second.WhollyExpired - 120)).ToList();
            foreach (var d in secondEnded)
            {
                ended[d] = Between(Max(d.EffectiveOn.AddDays(30), second.From.AddDays(1)), second.To);
            }
            var partly = Take(stillInForce.Concat(Provincial(2014, 2018)).Where(d => !ended.ContainsKey(d) && d.EffectiveOn < new DateOnly(2018, 11, 1)), second.PartlyExpired);

            // Causes are documents that never end: in force on any day from their effective day.
            var stable = _documents.Where(d => d.IsNormative && d.Level == GovernmentLevel.Province && !ended.ContainsKey(d))
                .OrderBy(d => d.EffectiveOn).ToList();
            string? Cause(DemoLegalDocument target, DateOnly day)
            {
                var count = stable.Count(d => d.EffectiveOn <= day && d != target);
                if (count == 0)
                {
                    return null;
                }
                var candidates = stable.Where(d => d.EffectiveOn <= day && d != target).ToList();
                return candidates[random.Next(count)].Id;
            }

            // Amendments first (earliest), then partial expiries, then ends: each document's events stay in time order.
            var amended = Take(stable.Concat(ended.Keys).Where(d => d.EffectiveOn < new DateOnly(2019, 6, 1)).Distinct(), 90);
            foreach (var d in amended.OrderBy(d => d.Id, StringComparer.Ordinal))
            {
                var limit = new[] { ended.TryGetValue(d, out var e) ? e.AddDays(-1) : new DateOnly(2020, 3, 31), partly.Contains(d) ? second.From : DateOnly.MaxValue }.Min();
                if (limit.DayNumber - d.EffectiveOn.DayNumber < 90)
                {
                    continue;
                }
                var day = Between(d.EffectiveOn.AddDays(60), limit);
                if (Cause(d, day) is { } cause)
                {
                    d.Events.Add(new DemoLifecycleEvent(LifecycleEventType.Amended, day, cause));
                }
            }
            foreach (var d in partly)
            {
                var end = ended.TryGetValue(d, out var e) ? e : second.To;
                d.Events.Add(new DemoLifecycleEvent(LifecycleEventType.PartlyExpired, Between(Max(d.EarliestNextEvent, Max(d.EffectiveOn.AddDays(30), second.From.AddDays(1))), end), null));
            }
            foreach (var (d, day) in ended.OrderBy(x => x.Key.Id, StringComparer.Ordinal))
            {
                var type = random.Next(10) switch
                {
                    < 3 => LifecycleEventType.WhollyExpired,
                    < 7 => LifecycleEventType.Replaced,
                    _ => LifecycleEventType.Repealed,
                };
                var cause = type == LifecycleEventType.WhollyExpired ? null : Cause(d, day);
                d.Events.Add(new DemoLifecycleEvent(cause is null ? LifecycleEventType.WhollyExpired : type, Max(day, d.EarliestNextEvent), cause));
            }
        }

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private void AddReviews()
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            void Findings(DemoReviewRound round, IEnumerable<DemoLegalDocument> candidates, int proposals, int keeps, Func<DemoLegalDocument, DateOnly> found)
            {
                var chosen = Take(candidates.Where(d => !used.Contains(d.Id)), proposals + keeps);
                for (var i = 0; i < chosen.Count; i++)
                {
                    var d = chosen[i];
                    used.Add(d.Id);
                    var day = found(d);
                    if (i < proposals)
                    {
                        var conclusion = random.Next(20) switch
                        {
                            < 9 => ReviewConclusion.Amend,
                            < 13 => ReviewConclusion.Replace,
                            < 18 => ReviewConclusion.Repeal,
                            _ => ReviewConclusion.IssueNew,
                        };
                        var handling = random.Chance(0.6) ? FindingHandling.HandledWithinAuthority : FindingHandling.Recommended;
                        var handled = day.AddDays(5 + random.Next(Math.Max(1, Math.Min(30, new DateOnly(day.Year, 12, 31).DayNumber - day.DayNumber - 5))));
                        _findings.Add(new DemoFinding(round.Id, d.Id, conclusion, day, handling, handled));
                    }
                    else
                    {
                        _findings.Add(new DemoFinding(round.Id, d.Id, ReviewConclusion.Keep, day, FindingHandling.None, null));
                    }
                }
            }

            // The first systematisation's review: 69 provincial documents in force in 2013 need amending.
            var first = new DemoReviewRound("RS-HTH-2004-2013", Justice, ReviewKind.Periodic,
                "Rà soát, hệ thống hóa văn bản quy phạm pháp luật kỳ đầu (01/01/2004 – 31/12/2013)", new DateOnly(2013, 6, 3), new DateOnly(2014, 3, 31));
            _rounds.Add(first);
            Findings(first, Provincial(2004, 2013).Where(d => d.SignedOn < new DateOnly(2013, 5, 1) && d.InForceOn(new DateOnly(2013, 12, 31))),
                LegalTargets.First.NeedingAmendment, 30, _ => Between(new DateOnly(2013, 6, 3), new DateOnly(2013, 11, 30)));

            // 2014: 25 provincial documents of the second period need amending.
            var y2014 = new DemoReviewRound("RS-DK-2014", Justice, ReviewKind.Periodic, "Rà soát văn bản quy phạm pháp luật định kỳ năm 2014",
                new DateOnly(2014, 3, 3), new DateOnly(2014, 12, 31));
            _rounds.Add(y2014);
            var day2014 = new DateOnly(2014, 3, 3);
            Findings(y2014, Provincial(2004, 2014).Where(d => d.InForceOn(day2014) && d.InForceOn(new DateOnly(2014, 12, 31))),
                LegalTargets.Second.NeedingAmendment, 15, _ => Between(day2014, new DateOnly(2014, 11, 30)));

            // 2015–2019: district and commune documents, as Appendix 2 rows 2 and 3 count them.
            for (var p = 0; p < DemoPeriod.All.Count; p++)
            {
                var period = DemoPeriod.All[p];
                if (LegalTargets.ProposedAfterReview[p] == 0)
                {
                    continue;
                }
                var year = period.Year;
                var round = year == 2015
                    ? new DemoReviewRound("RS-HP-2015", Justice, ReviewKind.Topical,
                        "Rà soát văn bản quy phạm pháp luật của HĐND, UBND cấp huyện, cấp xã theo Hiến pháp năm 2013", new DateOnly(2015, 7, 1), new DateOnly(2015, 12, 31))
                    : new DemoReviewRound($"RS-DK-{year}", Justice, ReviewKind.Periodic, $"Rà soát văn bản quy phạm pháp luật định kỳ năm {year}",
                        new DateOnly(year, 3, 2), new DateOnly(year, 12, 31));
                _rounds.Add(round);
                var local = _documents.Where(d => d.IsNormative && d.Level != GovernmentLevel.Province);
                var candidates = year == 2015
                    ? local.Where(d => d.SignedOn >= new DateOnly(2015, 1, 1) && d.SignedOn <= new DateOnly(2015, 6, 30))
                    : local.Where(d => d.SignedOn.Year == year - 1);
                Findings(round, candidates, LegalTargets.ProposedAfterReview[p], 5,
                    _ => year == 2015 ? Between(new DateOnly(2015, 8, 3), new DateOnly(2015, 10, 30)) : Between(new DateOnly(year, 3, 2), new DateOnly(year, 10, 30)));
            }
        }

        private void AddChecks()
        {
            for (var p = 0; p < DemoPeriod.All.Count; p++)
            {
                var period = DemoPeriod.All[p];
                if (LegalTargets.Checked[p] == 0)
                {
                    continue;
                }
                var year = period.Year;
                var chosen = Take(_documents.Where(d => d.IsNormative && d.SignedOn.Year == year && d.SignedOn <= new DateOnly(year, 11, 15)), LegalTargets.Checked[p]);
                for (var i = 0; i < chosen.Count; i++)
                {
                    var d = chosen[i];
                    var checkedOn = d.SignedOn.AddDays(3 + random.Next(20));
                    var unit = d.Level == GovernmentLevel.Commune ? "Phòng Tư pháp " + _districtOfCommune[d.IssuerUnit.StartsWith("HĐND ", StringComparison.Ordinal)
                        ? "UBND " + d.IssuerUnit["HĐND ".Length..] : d.IssuerUnit]["UBND ".Length..] : Justice;
                    var id = string.Create(CultureInfo.InvariantCulture, $"KT-{year}-{i + 1:0000}");
                    if (i < LegalTargets.Unlawful[p])
                    {
                        var result = (CheckResult)(2 + random.Next(3));
                        var handling = random.Chance(0.5) ? CheckHandling.HandledByIssuer : CheckHandling.Recommended;
                        _checks.Add(new DemoCheck(id, d.Id, unit, checkedOn, result, handling, checkedOn.AddDays(5 + random.Next(15))));
                    }
                    else
                    {
                        _checks.Add(new DemoCheck(id, d.Id, unit, checkedOn, CheckResult.Lawful, CheckHandling.None, null));
                    }
                }
            }
        }
    }
}
