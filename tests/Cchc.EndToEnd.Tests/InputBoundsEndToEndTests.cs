using System.Globalization;
using System.Net;
using System.Text.Json;
using Cchc.Contracts;
using Cchc.ServiceKit;
using Cchc.Testing;
using Cchc.Testing.Hostile;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using E = Cchc.Egov.Api.Grpc;
using F = Cchc.Finance.Api.Grpc;
using L = Cchc.Legal.Api.Grpc;
using O = Cchc.Organisation.Api.Grpc;
using P = Cchc.Procedures.Api.Grpc;
using R = Cchc.Reporting.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// Issue 12's invariant, end to end through the gateway: whatever a service accepts, the reporting service can consume
/// and every report renders. Every domain service is given facts at the edges of the input domain (docs/api-guide.md,
/// "Input rules"; <see cref="InputDomain"/>) — the earliest day and instant (1945-09-02), the latest day something can
/// have happened (today, now) and the latest a scheduled day can be (today + 366), the largest counts, headcounts and
/// amounts, the longest names, titles and notes — then the test waits until the reporting service has learnt every one
/// of them (its status counts and the appendices' cells) and asks for every appendix and key-figure area, as JSON, as a
/// page and through gRPC, for periods spanning those days: none may fail. The facts of 1945 are ended right after
/// (abolished, expired, left the regime) so the other scenarios' years are untouched.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class InputBoundsEndToEndTests(SuiteFixture suite)
{
    private static readonly DateOnly Earliest = InputDomain.EarliestDay;
    private static readonly DateOnly DayAfter = InputDomain.EarliestDay.AddDays(1);
    private static readonly DateTimeOffset EarliestInstant = InputDomain.EarliestInstant;
    private static readonly DateOnly Today = VietnamCalendar.Today();
    private static readonly DateOnly Latest = Today.AddDays(InputDomain.HorizonDays);
    private readonly string run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Timestamp At(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    /// <summary>Vietnamese text of exactly <paramref name="length"/> characters (NFC), starting with <paramref name="start"/>.</summary>
    private static string Long(string start, int length)
    {
        var text = start;
        while (text.Length < length)
        {
            text += " Lai Châu Tam Đường Phong Thổ Sìn Hồ Mường Tè";
        }
        text = text[..length].TrimEnd();
        return text.PadRight(length, 'a');
    }

    private string UnitCode(string suffix) => $"E2E-BOUND-{run}-{suffix}";

    private string Province => Long($"tỉnh Giới Hạn {run}", InputDomain.MaxNameLength);

    private string Committee => Long($"UBND tỉnh Giới Hạn {run}", InputDomain.MaxNameLength);

    [Fact]
    public async Task FactsAtTheInputBounds_AreConsumedByReporting_AndEveryAppendixRenders()
    {
        var before = await StatusAsync();
        var sent = new Dictionary<string, long>();
        await RegistryAsync(sent);
        await ProceduresAsync(sent);
        await LegalAsync(sent);
        await FinanceAsync(sent);
        await EgovAsync(sent);

        // Consumed: every kind of fact the services emitted is counted in the read model, and the extremes show in cells.
        var now = before;
        await Eventually.AssertAsync(async () =>
        {
            now = await StatusAsync();
            return sent.All(s => now[s.Key] >= before[s.Key] + s.Value);
        }, TimeSpan.FromMinutes(3), "the reporting service learns every fact at the input bounds (" +
            string.Join(", ", sent.Select(s => $"{s.Key} +{s.Value}")) + ")");
        var cells = new (int Appendix, string Period, decimal AtLeast)[]
        {
            (3, "1945", 1), // the 1945 procedure and dossier
            (2, "1945", 1), // the 1945 decision
            (7, "1945", InputDomain.MaxCount), // documents over the axis in 1945
            (5, Iso(Latest), InputDomain.MaxHeadcount), // the quota of the last schedulable day
            (6, Iso(Today), 1), // today's autonomy status
        };
        foreach (var (appendix, period, atLeast) in cells)
        {
            await Eventually.AssertAsync(async () => await LargestCellAsync($"/api/reports/appendices/{appendix}?periods={period}", period) >= atLeast,
                TimeSpan.FromMinutes(1), $"Appendix {appendix} shows the facts of {period} (a cell ≥ {atLeast})");
        }

        // Rendered: every appendix and key-figure area, for periods spanning the whole domain, as JSON, pages and gRPC.
        var periods = string.Join(',', "1945", Today.Year.ToString(CultureInfo.InvariantCulture), Latest.Year.ToString(CultureInfo.InvariantCulture),
            $"{Iso(Earliest)}..{Iso(Latest)}", $"{Iso(Today)}..{Iso(Latest)}");
        var days = string.Join(',', Iso(Earliest), Iso(Today), Iso(Latest));
        var numbers = await AppendixNumbersAsync();
        Assert.Contains(7, numbers);
        var failures = new List<string>();
        foreach (var number in numbers)
        {
            var query = number == 4 ? $"asOf={days}" : $"periods={periods}";
            await ExpectOkAsync($"/api/reports/appendices/{number}?{query}", failures);
            await ExpectOkAsync($"/reports/appendices/{number}?{query}", failures);
            try
            {
                var request = new R.GetAppendixRequest { Number = number };
                request.Periods.AddRange((number == 4 ? days : periods).Split(','));
                var appendix = await new R.ReportingService.ReportingServiceClient(suite.Channel).GetAppendixAsync(request);
                Assert.NotEmpty(appendix.Rows);
            }
            catch (RpcException ex)
            {
                failures.Add($"gRPC GetAppendix {number}: {ex.StatusCode} {ex.Status.Detail}");
            }
        }
        foreach (var area in new[] { "institutions", "organisation", "civil-service", "public-finance", "modernisation" })
        {
            await ExpectOkAsync($"/api/reports/key-figures/{area}?periods={periods}", failures);
        }
        await ExpectOkAsync("/reports", failures);
        Assert.True(failures.Count == 0, "reports that failed on facts at the input bounds:\n" + string.Join("\n", failures));
    }

    /// <summary>A province and its committee founded on the earliest day (longest names), a department founded on the last schedulable day.</summary>
    private async Task RegistryAsync(Dictionary<string, long> sent)
    {
        var registry = new O.UnitRegistryService.UnitRegistryServiceClient(suite.Channel);
        O.UnitChange Found(string suffix, string name, O.UnitKind kind, string parent, DateOnly on) => new()
        {
            Found = new O.FoundUnitRequest
            {
                ChangeId = UnitCode($"found-{suffix}"), EffectiveOn = Iso(on),
                Unit = new O.UnitSpec { UnitCode = UnitCode(suffix), Name = name, Kind = kind, ParentCode = parent },
            },
        };
        using (var import = registry.ImportChanges())
        {
            await import.RequestStream.WriteAsync(Found("P", Province, O.UnitKind.Province, "", Earliest));
            await import.RequestStream.WriteAsync(Found("UBND", Committee, O.UnitKind.PeoplesCommittee, UnitCode("P"), Earliest));
            await import.RequestStream.WriteAsync(Found("SO", Long($"Sở Giới Hạn {run}", InputDomain.MaxNameLength), O.UnitKind.SpecialisedAgency, UnitCode("UBND"), Latest));
            await import.RequestStream.CompleteAsync();
            await import;
        }
        sent["units"] = 3;

        var staffing = new O.StaffingService.StaffingServiceClient(suite.Channel);
        O.StaffingFigure Figure(O.StaffingMetric metric, DateOnly from, DateOnly to) => new()
        {
            UnitCode = UnitCode("UBND"), Metric = metric, From = Iso(from), To = Iso(to), Value = InputDomain.MaxHeadcount,
        };
        var metrics = new[] { O.StaffingMetric.CivilServantQuota, O.StaffingMetric.CivilServantsEmployed, O.StaffingMetric.PublicEmployeeQuota, O.StaffingMetric.CivilServantsTrained };
        foreach (var metric in metrics)
        {
            await staffing.RecordFigureAsync(Figure(metric, Earliest, Earliest));
            await staffing.RecordFigureAsync(Figure(metric, Latest, Latest));
        }
        await staffing.RecordStaffRecordAsync(new O.StaffRecord
        {
            RecordId = Long($"E2E-BOUND-{run}-NS-", InputDomain.MaxCodeLength).Replace(' ', '-'), UnitCode = UnitCode("UBND"),
            Kind = O.StaffRecordKind.CompetitiveRecruitment, On = Iso(Today),
        });
        sent["staffingFacts"] = metrics.Length * 2 + 1;

        // The procedures and legal services refuse facts of units their copy does not know: wait for the copies.
        var revision = (await registry.GetRegistryStatusAsync(new O.GetRegistryStatusRequest())).Revision;
        var copies = new Cchc.ReferenceData.Grpc.UnitReference.UnitReferenceClient(suite.Channel);
        foreach (var service in new[] { "procedures", "legal" })
        {
            await Eventually.AssertAsync(async () =>
                (await copies.GetStatusAsync(new Cchc.ReferenceData.Grpc.GetStatusRequest(), SuiteFixture.ServiceHeader(service))).Revision >= revision,
                TimeSpan.FromMinutes(1), $"the {service} service's copy of the registry reaches revision {revision}");
        }
    }

    /// <summary>A procedure in force on the earliest day (abolished the next) and one from the last schedulable day; dossiers and feedback at the earliest instant and now.</summary>
    private async Task ProceduresAsync(Dictionary<string, long> sent)
    {
        var catalogue = new P.ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        P.CreateProcedureRequest Procedure(string code, DateOnly inForce) => new()
        {
            Code = code, InForceFrom = Iso(inForce),
            Publication = new P.Publication { DecisionNumber = "1/QĐ-UBND", DecisionDate = Iso(inForce < Today ? inForce : Today) },
            Attributes = new P.ProcedureAttributes
            {
                Name = Long($"Thủ tục ở giới hạn {run}", 1_000), Field = Long("Hộ tịch", 200), Level = P.GovernmentLevel.Province,
                ResolvingUnit = Long("Sở Tư pháp", InputDomain.MaxNameLength), ReceivingPlace = P.ReceivingPlace.ProvincialCentre,
                OnlineLevel = P.OnlineServiceLevel.Full,
            },
        };
        var early = $"E2E.BOUND.{run}.EARLY";
        var late = $"E2E.BOUND.{run}.LATE";
        await catalogue.CreateProcedureAsync(Procedure(early, Earliest));
        await catalogue.AbolishProcedureAsync(new P.AbolishProcedureRequest { Code = early, AbolishedOn = Iso(DayAfter) });
        await catalogue.CreateProcedureAsync(Procedure(late, Latest));
        sent["procedureVersions"] = 3;

        var dossiers = new P.DossierService.DossierServiceClient(suite.Channel);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var earlyId = Long($"E2E-BOUND-{run}-HS-EARLY-", InputDomain.MaxCodeLength).Replace(' ', '-');
        await dossiers.ReceiveDossierAsync(new P.ReceiveDossierRequest
        {
            DossierId = earlyId, ProcedureCode = early, ReceivingUnit = Committee, UnitLevel = P.GovernmentLevel.Province,
            Channel = P.DossierChannel.Online, ReceivedAt = At(EarliestInstant), DueAt = At(EarliestInstant.AddDays(1)), ProcessedElectronically = true,
        });
        await dossiers.ResolveDossierAsync(new P.CloseDossierRequest { DossierId = earlyId, ClosedAt = At(EarliestInstant.AddHours(2)) });
        await dossiers.ReceiveDossierAsync(new P.ReceiveDossierRequest
        {
            DossierId = $"E2E-BOUND-{run}-HS-NOW", ProcedureCode = late, ReceivingUnit = Committee, UnitLevel = P.GovernmentLevel.Province,
            Channel = P.DossierChannel.InPerson, ReceivedAt = At(now), DueAt = At(now.AddDays(InputDomain.HorizonDays).AddHours(-1)),
        });
        await dossiers.WithdrawDossierAsync(new P.CloseDossierRequest { DossierId = $"E2E-BOUND-{run}-HS-NOW", ClosedAt = At(now.AddSeconds(30)) });
        sent["dossiers"] = 2;

        var feedback = new P.FeedbackService.FeedbackServiceClient(suite.Channel);
        foreach (var (id, received) in new[] { ($"E2E-BOUND-{run}-PA-EARLY", EarliestInstant), ($"E2E-BOUND-{run}-PA-NOW", now) })
        {
            await feedback.ReceiveFeedbackAsync(new P.ReceiveFeedbackRequest { FeedbackId = id, ProcedureCode = early, Subject = Long("Phản ánh ở giới hạn", 500), ReceivedAt = At(received) });
            await feedback.ResolveFeedbackAsync(new P.FeedbackStepRequest { FeedbackId = id, At = At(received.AddSeconds(20)) });
            await feedback.PublishFeedbackAnswerAsync(new P.FeedbackStepRequest { FeedbackId = id, At = At(received.AddSeconds(40)) });
        }
        sent["feedback"] = 2;
    }

    /// <summary>A decision signed on the earliest day (wholly expired the next) and one signed today in force from the last schedulable day, reviewed and checked.</summary>
    private async Task LegalAsync(Dictionary<string, long> sent)
    {
        var documents = new L.DocumentService.DocumentServiceClient(suite.Channel);
        L.RegisterDocumentRequest Decision(string id, int number, DateOnly signed, DateOnly effective) => new()
        {
            DocumentId = id,
            Attributes = new L.DocumentAttributes
            {
                Kind = L.DocumentKind.Decision, IssuingBody = L.IssuingBody.PeoplesCommittee, Level = L.GovernmentLevel.Province, IssuerUnit = Committee,
                Number = $"{number:00}/{signed.Year}/QĐ-UBND", Title = Long($"Quyết định ở giới hạn {run}", InputDomain.MaxTextLength),
                DraftingAgency = Long("Sở Tư pháp", InputDomain.MaxNameLength), SignedOn = Iso(signed), EffectiveOn = Iso(effective),
                GazettePublishedOn = Iso(signed), GazetteIssue = Long("Số", InputDomain.MaxNameLength),
            },
        };
        var early = $"E2E-BOUND-{run}-VB-EARLY";
        var late = $"E2E-BOUND-{run}-VB-LATE";
        await documents.RegisterDocumentAsync(Decision(early, 1, Earliest, Earliest));
        await documents.RecordLifecycleEventAsync(new L.RecordLifecycleEventRequest
        {
            DocumentId = early, IssuerUnit = Committee,
            Event = new L.LifecycleEvent { Type = L.LifecycleEventType.WhollyExpired, EffectiveOn = Iso(DayAfter), Note = Long("Hết hiệu lực\ntoàn bộ", 1_000) },
        });
        await documents.RegisterDocumentAsync(Decision(late, 2, Today, Latest));
        await documents.RecordLifecycleEventAsync(new L.RecordLifecycleEventRequest
        {
            DocumentId = late, IssuerUnit = Committee,
            Event = new L.LifecycleEvent { Type = L.LifecycleEventType.PartlyExpired, EffectiveOn = Iso(Latest), Note = Long("Hết hiệu lực một phần", 1_000) },
        });
        sent["legalDocuments"] = 2;

        var reviews = new L.ReviewService.ReviewServiceClient(suite.Channel);
        var round = $"E2E-BOUND-{run}-RS";
        await reviews.CreateReviewRoundAsync(new L.CreateReviewRoundRequest
        {
            Round = new L.ReviewRound
            {
                RoundId = round, ReviewingUnit = Committee, Kind = L.ReviewKind.Topical, Topic = Long("Rà soát\nở giới hạn", InputDomain.MaxTextLength),
                StartedOn = Iso(Today), EndedOn = Iso(Latest),
            },
        });
        await reviews.RecordReviewFindingAsync(new L.RecordReviewFindingRequest
        {
            ReviewingUnit = Committee,
            Finding = new L.ReviewFinding { RoundId = round, DocumentId = late, Conclusion = L.ReviewConclusion.Amend, FoundOn = Iso(Today) },
        });
        sent["reviewFindings"] = 1;
        await new L.CheckService.CheckServiceClient(suite.Channel).RecordCheckAsync(new L.RecordCheckRequest
        {
            Check = new L.DocumentCheck
            {
                CheckId = $"E2E-BOUND-{run}-KT", DocumentId = late, CheckingUnit = Committee, CheckedOn = Iso(Today), Result = L.CheckResult.UnlawfulContent,
                Handling = L.CheckHandling.Recommended, HandledOn = Iso(Today), Note = Long("Kiểm tra\nở giới hạn", 1_000),
            },
        });
        sent["documentChecks"] = 1;
    }

    /// <summary>An autonomy status from the earliest day (left the next), one from today; budget figures of the first and the current year at the largest amount.</summary>
    private async Task FinanceAsync(Dictionary<string, long> sent)
    {
        var autonomy = new F.AutonomyService.AutonomyServiceClient(suite.Channel);
        F.AutonomyStatus Status(F.AutonomyRegime regime, DateOnly from) => new()
        {
            Unit = Committee, Regime = regime, EffectiveFrom = Iso(from), Decision = Long("1/QĐ-UBND", 500),
            SourceDocument = Long("Báo cáo ở giới hạn", 500),
        };
        await autonomy.RecordStatusAsync(new F.RecordStatusRequest { Status = Status(F.AutonomyRegime.AdministrativeAgency, Earliest) });
        await autonomy.RecordStatusAsync(new F.RecordStatusRequest { Status = Status(F.AutonomyRegime.None, DayAfter) });
        await autonomy.RecordStatusAsync(new F.RecordStatusRequest { Status = Status(F.AutonomyRegime.AdministrativeAgency, Today) });
        sent["autonomyStatuses"] = 3;

        var budget = new F.BudgetService.BudgetServiceClient(suite.Channel);
        var largest = InputDomain.MaxAmount.ToString(CultureInfo.InvariantCulture);
        await budget.RecordBudgetFigureAsync(new F.RecordBudgetFigureRequest
        {
            Figure = new F.BudgetFigure
            {
                FigureId = $"e2e-bound-{run}-thu", Kind = F.BudgetFigureKind.StateBudgetRevenue, YearFrom = 1990, YearTo = 1990, Amount = largest,
                MeasureUnit = F.MeasureUnit.MillionVnd, SourceDocument = Long("Báo cáo", 500),
            },
        });
        await budget.RecordBudgetFigureAsync(new F.RecordBudgetFigureRequest
        {
            Figure = new F.BudgetFigure
            {
                FigureId = $"e2e-bound-{run}-cchc", Kind = F.BudgetFigureKind.ReformFunding, YearFrom = Today.Year, YearTo = Today.Year, Amount = largest,
                FundingSource = F.FundingSource.StateBudget, Funder = Long("Ngân sách tỉnh", 500), MeasureUnit = F.MeasureUnit.MillionVnd,
                SourceDocument = Long("Báo cáo", 500),
            },
        });
        sent["budgetFigures"] = 2;
    }

    /// <summary>Metrics of the earliest day and of today at the largest count; capability states from the earliest day (ended the next) and today.</summary>
    private async Task EgovAsync(Dictionary<string, long> sent)
    {
        var metrics = new E.MetricService.MetricServiceClient(suite.Channel);
        var count = 0;
        foreach (var day in new[] { Earliest, Today })
        {
            foreach (var metric in new[] { E.Metric.AxisDocumentsReceived, E.Metric.AxisDocumentsSent, E.Metric.SignaturesPersonal, E.Metric.CivilServants,
                         E.Metric.CivilServantsWithMailbox, E.Metric.AdminDocuments, E.Metric.AdminDocumentsElectronic, E.Metric.OfficialMailboxes })
            {
                await metrics.SubmitMetricAsync(new E.SubmitMetricRequest
                {
                    Submission = new E.MetricValue
                    {
                        SourceSystem = $"e2e-bound-{run}", Unit = Committee, UnitLevel = E.GovernmentLevel.Province, Metric = metric,
                        PeriodFrom = Iso(day), PeriodTo = Iso(day), Value = InputDomain.MaxCount, Note = Long("Số liệu\nở giới hạn", 1_000),
                    },
                });
                count++;
            }
        }
        sent["egovSubmissions"] = count;

        var capabilities = new E.CapabilityService.CapabilityServiceClient(suite.Channel);
        E.CapabilityStateRecord State(E.Capability capability, DateOnly from, bool inUse) => new()
        {
            Unit = Committee, UnitLevel = E.GovernmentLevel.Province, Capability = capability, EffectiveFrom = Iso(from), InUse = inUse,
            SourceSystem = $"e2e-bound-{run}", Note = Long("Trạng thái ở giới hạn", 1_000),
        };
        await capabilities.RecordCapabilityStateAsync(new E.RecordCapabilityStateRequest { State = State(E.Capability.DocumentManagement, Earliest, true) });
        await capabilities.RecordCapabilityStateAsync(new E.RecordCapabilityStateRequest { State = State(E.Capability.DocumentManagement, DayAfter, false) });
        await capabilities.RecordCapabilityStateAsync(new E.RecordCapabilityStateRequest
        {
            State = State(E.Capability.Iso9001, Today, true).Also(s => (s.IsoVersion, s.CertificateDate) = (E.IsoVersion._2015, Iso(Today))),
        });
        sent["egovCapabilityStates"] = 3;
    }

    private async Task<Dictionary<string, long>> StatusAsync()
    {
        using var document = JsonDocument.Parse(await suite.Http.GetStringAsync("/api/reports/status"));
        return document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    private async Task<List<int>> AppendixNumbersAsync()
    {
        using var document = JsonDocument.Parse(await suite.Http.GetStringAsync("/api/reports/appendices"));
        return document.RootElement.EnumerateArray().Select(a => a.GetProperty("no").GetInt32()).ToList();
    }

    /// <summary>The largest number in the column of <paramref name="period"/>.</summary>
    private async Task<decimal> LargestCellAsync(string path, string period)
    {
        using var document = JsonDocument.Parse(await suite.Http.GetStringAsync(path));
        return document.RootElement.GetProperty("rows").EnumerateArray()
            .Where(r => r.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object && v.TryGetProperty(period, out _))
            .Select(r => r.GetProperty("values").GetProperty(period))
            .Where(v => v.ValueKind == JsonValueKind.Number)
            .Select(v => v.GetDecimal())
            .DefaultIfEmpty(0)
            .Max();
    }

    private async Task ExpectOkAsync(string path, List<string> failures)
    {
        using var response = await suite.Http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            failures.Add($"{path}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        }
    }
}
