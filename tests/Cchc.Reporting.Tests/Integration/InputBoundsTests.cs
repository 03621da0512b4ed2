using System.Net;
using System.Text.Json;
using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Finance;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Organisation;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Institutions;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.PublicFinance;
using Cchc.Testing;
using E = Cchc.Reporting.Api.Modernisation.ModernisationIndicators;
using S = Cchc.Reporting.Api.CivilService.CivilServiceIndicators;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Whatever a domain service can emit, the reporting service consumes and every appendix, key figure and page renders:
/// days at the calendar's ends, instants in its last hours (whose Vietnam day would be past 9999-12-31), versions and
/// revisions at their type's maximum, counts at long.MaxValue (sums of several exceed it), amounts at the finance
/// column's maximum. The sums are exact: they are computed in numeric/decimal, never in a type that overflows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InputBoundsTests(PostgresServer postgres)
{
    private static readonly DateOnly Day2019 = new(2019, 6, 30);
    private static readonly DateTimeOffset LastInstant = DateTimeOffset.MaxValue;
    private static readonly DateTimeOffset LateEvening = new(9999, 12, 31, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EventsAtTheInputBounds_AreAllConsumed_AndEveryAppendixKeyFigureAndPageRenders_WithExactHugeSums()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "input_bounds");
        var now = DateTimeOffset.UtcNow;

        // ConsumeAsync asserts each message was handled without a fault.
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new()
        {
            OccurredAt = now,
            Versions =
            [
                Procedure("P-MIN", int.MaxValue, DateOnly.MinValue, DateOnly.MinValue, abolished: DateOnly.MaxValue),
                Procedure("P-MAX", 1, DateOnly.MaxValue, DateOnly.MaxValue, abolished: null),
                Procedure("P-2019", 1, Day2019, Day2019, abolished: null),
            ],
        });
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new()
        {
            OccurredAt = now,
            Dossiers =
            [
                Dossier("HS-LAST", int.MaxValue, LastInstant, LastInstant, LastInstant, DossierStatus.Resolved),
                Dossier("HS-EVENING", 2, LateEvening, LateEvening, LateEvening, DossierStatus.Withdrawn),
                Dossier("HS-FIRST", 2, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DossierStatus.Resolved),
                Dossier("HS-2019", 2, new DateTimeOffset(2019, 6, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 6, 10, 8, 0, 0, TimeSpan.Zero),
                    new DateTimeOffset(2019, 6, 5, 8, 0, 0, TimeSpan.Zero), DossierStatus.Resolved),
            ],
        });
        await app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new()
        {
            OccurredAt = now,
            Items =
            [
                new() { FeedbackId = "PAKN-LAST", Version = int.MaxValue, ReceivedAt = LastInstant, ResolvedAt = LastInstant, PublishedAt = LateEvening },
                new() { FeedbackId = "PAKN-FIRST", Version = 1, ReceivedAt = DateTimeOffset.MinValue },
            ],
        });
        await app.ConsumeAsync<LegalDocumentsRecordedConsumer, LegalDocumentsRecorded>(new()
        {
            OccurredAt = now,
            Documents =
            [
                Document("VB-MIN", DateOnly.MinValue, DateOnly.MaxValue), Document("VB-MAX", DateOnly.MaxValue, null), Document("VB-2019", Day2019, null),
            ],
        });
        await app.ConsumeAsync<ReviewFindingsRecordedConsumer, ReviewFindingsRecorded>(new()
        {
            OccurredAt = now,
            Findings =
            [
                new() { RoundId = "R", DocumentId = "VB-MAX", Version = int.MaxValue, Conclusion = ReviewConclusion.Amend, FoundOn = DateOnly.MaxValue,
                    Handling = FindingHandling.Done, HandledOn = DateOnly.MaxValue },
            ],
        });
        await app.ConsumeAsync<DocumentChecksRecordedConsumer, DocumentChecksRecorded>(new()
        {
            OccurredAt = now,
            Checks =
            [
                new() { CheckId = "C", DocumentId = "VB-MIN", Version = int.MaxValue, CheckedOn = DateOnly.MinValue, Result = CheckResult.UnlawfulContent,
                    Handling = CheckHandling.Done, HandledOn = DateOnly.MaxValue },
            ],
        });
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new()
        {
            OccurredAt = now,
            Units =
            [
                new() { UnitCode = "U-MAX", Revision = long.MaxValue, Periods =
                [
                    new() { From = DateOnly.MinValue, To = DateOnly.MaxValue.AddDays(-1), Name = "Đơn vị A", Kind = UnitKind.PublicServiceUnit, ParentCode = "U-MAX",
                        Sector = PublicServiceSector.Health, SuccessorCodes = ["U-MAX"] },
                    new() { From = DateOnly.MaxValue, Name = "Đơn vị A'", Kind = UnitKind.SpecialisedAgency },
                ] },
            ],
        });
        await app.ConsumeAsync<StaffingRecordedConsumer, StaffingRecorded>(new()
        {
            OccurredAt = now,
            Facts =
            [
                Staffing("quota-1", "U-1", StaffingMetric.CivilServantQuota, long.MaxValue),
                Staffing("quota-2", "U-2", StaffingMetric.CivilServantQuota, long.MaxValue),
                Staffing("elected-1", "U-1", StaffingMetric.Elected, long.MaxValue),
                Staffing("appointed-2", "U-2", StaffingMetric.NewlyAppointed, long.MaxValue),
                Staffing("communes", "U-1", StaffingMetric.CommuneCivilServantsEmployed, long.MaxValue),
                Staffing("communes-standard", "U-1", StaffingMetric.CommuneCivilServantsMeetingStandard, long.MaxValue),
                Staffing("edge", "U-3", StaffingMetric.Streamlined, long.MaxValue, DateOnly.MinValue, DateOnly.MaxValue),
            ],
        });
        await app.ConsumeAsync<AutonomyStatusesRecordedConsumer, AutonomyStatusesRecorded>(new()
        {
            OccurredAt = now,
            Units =
            [
                new() { Unit = "U-1", Version = int.MaxValue, Statuses =
                [
                    new() { Regime = AutonomyRegime.PublicServiceUnit, Level = AutonomyLevel.Recurrent, ParentKind = ParentKind.ProvincialAgency,
                        EffectiveFrom = DateOnly.MinValue, EffectiveTo = DateOnly.MaxValue },
                ] },
            ],
        });
        await app.ConsumeAsync<BudgetFiguresRecordedConsumer, BudgetFiguresRecorded>(new()
        {
            OccurredAt = now,
            Figures =
            [
                Budget("B-1", 2019, 2019, 999_999_999_999_999.999m), Budget("B-2", 2019, 2019, 999_999_999_999_999.999m),
                Budget("B-FAR", 9999, 9999, 1m), Budget("B-ODD", int.MaxValue, int.MaxValue, 1m), Budget("B-NEG", int.MinValue, int.MinValue, 1m),
            ],
        });
        await app.ConsumeAsync<UnreportedBreakdownsDeclaredConsumer, UnreportedBreakdownsDeclared>(new()
        {
            OccurredAt = now,
            Items = [new() { Year = int.MaxValue, ParentKind = ParentKind.ProvincialAgency, Level = AutonomyLevel.Recurrent }],
        });
        await app.ConsumeAsync<MetricsSubmittedConsumer, MetricsSubmitted>(new()
        {
            OccurredAt = now,
            Submissions =
            [
                Metric("U-1", EgovMetric.AxisDocumentsReceived, long.MaxValue), Metric("U-2", EgovMetric.AxisDocumentsReceived, long.MaxValue),
                Metric("U-1", EgovMetric.AdminDocuments, long.MaxValue), Metric("U-2", EgovMetric.AdminDocuments, long.MaxValue),
                Metric("U-1", EgovMetric.AdminDocumentsElectronic, long.MaxValue),
                Metric("U-1", EgovMetric.OfficialMailboxes, long.MaxValue), Metric("U-2", EgovMetric.OfficialMailboxes, long.MaxValue),
                Metric("U-1", EgovMetric.SignaturesPersonal, long.MaxValue), Metric("U-1", EgovMetric.SignaturesMobile, long.MaxValue),
            ],
        });
        await app.ConsumeAsync<CapabilityStatesRecordedConsumer, CapabilityStatesRecorded>(new()
        {
            OccurredAt = now,
            States =
            [
                new() { Unit = "U-1", UnitLevel = GovernmentLevel.Province, Capability = EgovCapability.Iso9001, EffectiveFrom = DateOnly.MinValue,
                    InUse = true, IsoVersion = IsoVersion.Iso2015, CertificateDate = DateOnly.MaxValue, Revision = int.MaxValue },
            ],
        });

        using var http = app.CreateClient();
        const string Periods = "2019,1945,2099,1945-01-01..2099-12-31";
        foreach (var no in new[] { 2, 3, 5, 6, 7 })
        {
            await AssertRendersAsync(http, $"/api/reports/appendices/{no}?periods={Periods}");
        }
        await AssertRendersAsync(http, "/api/reports/appendices/4?asOf=1945-01-01,2019-12-31,2099-12-31");
        foreach (var area in new[] { "institutions", "organisation", "civil-service", "public-finance", "modernisation" })
        {
            await AssertRendersAsync(http, $"/api/reports/key-figures/{area}?periods={Periods}");
        }
        await AssertRendersAsync(http, "/api/reports/staffing/by-unit?period=2019&rollUpTo=2099-12-31");
        await AssertRendersAsync(http, "/api/reports/status");

        // Two counts of long.MaxValue add up exactly (in JSON, an exact integer), where a bigint sum failed with 22003.
        const string TwiceMax = "18446744073709551614";
        var appendix5 = await http.GetStringAsync("/api/reports/appendices/5?periods=2019");
        Assert.Equal(TwiceMax, Cell(appendix5, S.CivilServantQuota, "2019"));
        var civil = await http.GetStringAsync("/api/reports/key-figures/civil-service?periods=2019");
        Assert.Equal(TwiceMax, Cell(civil, S.AppointmentsTotal, "2019"));
        Assert.Equal("100", Cell(civil, S.CommuneCivilServantsQualifiedPercent, "2019"));
        var appendix7 = await http.GetStringAsync("/api/reports/appendices/7?periods=2019");
        Assert.Equal(TwiceMax, Cell(appendix7, E.AxisReceived, "2019"));
        Assert.Equal("50", Cell(appendix7, E.ElectronicDocumentRate, "2019"));
        Assert.Equal(TwiceMax, Cell(appendix7, E.Signatures, "2019"));
        var modernisation = await http.GetStringAsync("/api/reports/key-figures/modernisation?periods=2019");
        Assert.Equal(TwiceMax, Cell(modernisation, E.Mailboxes, "2019"));
        var finance = await http.GetStringAsync("/api/reports/key-figures/public-finance?periods=2019");
        // Two figures at the finance column's maximum (numeric(18,3), million VND), shown in billions.
        Assert.Equal("1999999999999.999998", Cell(finance, PublicFinanceIndicators.RevenueBillion, "2019"));

        foreach (var no in new[] { 2, 3, 4, 5, 6, 7 })
        {
            using var page = await http.GetAsync($"/reports/appendices/{no}?periods={(no == 4 ? "1945-01-01,2099-12-31" : Periods)}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        var page5 = await http.GetStringAsync("/reports/appendices/5?periods=2019");
        Assert.Contains("18.446.744.073.709.551.614", page5);
    }

    private static async Task AssertRendersAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A cell of an appendix's JSON, as its raw JSON text.</summary>
    private static string Cell(string json, string indicator, string period)
    {
        using var document = JsonDocument.Parse(json);
        var row = document.RootElement.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("indicator").GetString() == indicator);
        return row.GetProperty("values").GetProperty(period).GetRawText();
    }

    private static ProcedureVersion Procedure(string code, int version, DateOnly effectiveFrom, DateOnly inForceFrom, DateOnly? abolished) => new()
    {
        Code = code, Version = version, EffectiveFrom = effectiveFrom, Name = "Thủ tục " + code, Field = "Hộ tịch", Level = GovernmentLevel.Province,
        ResolvingUnit = "Sở Tư pháp", ReceivingPlace = ReceivingPlace.ProvincialCentre, InterAgencySameLevel = true, InterAgencyBetweenLevels = true,
        FourOnTheSpot = true, OnlineLevel = OnlineServiceLevel.Level4, InForceFrom = inForceFrom, AbolishedOn = abolished,
    };

    private static DossierState Dossier(string id, int version, DateTimeOffset received, DateTimeOffset due, DateTimeOffset closed, DossierStatus status) => new()
    {
        DossierId = id, Version = version, ProcedureCode = "P-2019", ReceivingUnit = "Đơn vị", UnitLevel = GovernmentLevel.Province,
        Channel = DossierChannel.Online, Status = status, ReceivedAt = received, DueAt = due, ClosedAt = closed, ProcessedElectronically = true,
    };

    private static LegalDocumentState Document(string id, DateOnly signedOn, DateOnly? expiredOn) => new()
    {
        DocumentId = id, Version = int.MaxValue, Kind = DocumentKind.Resolution, IssuingBody = IssuingBody.PeoplesCouncil, Level = GovernmentLevel.Province,
        IssuerUnit = "HĐND tỉnh", Number = id, SignedOn = signedOn, EffectiveOn = signedOn, ExpiredOn = expiredOn,
    };

    private static StaffingFact Staffing(string key, string unit, StaffingMetric metric, long value, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Key = key, Revision = long.MaxValue, UnitCode = unit, Metric = metric, From = from ?? new DateOnly(2019, 1, 1), To = to ?? new DateOnly(2019, 12, 31),
        Value = value,
    };

    private static BudgetFigureState Budget(string id, int from, int to, decimal amount) => new()
    {
        FigureId = id, Version = int.MaxValue, Kind = BudgetFigureKind.StateBudgetRevenue, YearFrom = from, YearTo = to,
        FundingSource = FundingSource.StateBudget, Amount = amount, MeasureUnit = MeasureUnit.MillionVnd,
    };

    private static MetricSubmissionState Metric(string unit, EgovMetric metric, long value) => new()
    {
        SourceSystem = "test", Unit = unit, UnitLevel = GovernmentLevel.Province, Metric = metric, PeriodFrom = new DateOnly(2019, 1, 1),
        PeriodTo = new DateOnly(2019, 12, 31), Value = value, Revision = int.MaxValue,
    };
}
