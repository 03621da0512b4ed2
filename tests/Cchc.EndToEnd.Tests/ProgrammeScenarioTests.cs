using System.Text.Json.Nodes;
using Cchc.Testing;
using Grpc.Core;
using R = Cchc.Programme.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The Department of Home Affairs records the programme's records, units submit a value (and correct it), the province
/// sets what units owe — all through the gateway with a real token — and Appendix 1, Appendix 3's submitted rows and the
/// completeness listing read back through the gateway show them (docs/adr/0026, 0027). Years 2008–2009 keep the scenario
/// apart from the others (1994–96, 2011–12, 2014, 2015, 2017–19, 2021–22, 2024).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ProgrammeScenarioTests(SuiteFixture suite)
{
    private const string HomeAffairs = "Sở Nội vụ";
    private const string Portal = "Sở E2E Thông tin chương trình";
    private const string Office = "Văn phòng E2E chương trình";

    private static R.ProgrammeRecord Record(string key, Action<R.ProgrammeRecord> detail)
    {
        var record = new R.ProgrammeRecord { ReportingUnit = HomeAffairs, Key = "e2e-pr-" + key };
        detail(record);
        return record;
    }

    private static readonly R.ProgrammeRecord[] Records =
    [
        Record("kt-1", r => r.Inspection = new R.Inspection { UnitInspected = "Sở E2E A", Day = "2008-03-10" }),
        Record("kt-2", r => r.Inspection = new R.Inspection { UnitInspected = "Sở E2E B", Day = "2008-09-10" }),
        Record("kt-3", r => r.Inspection = new R.Inspection { UnitInspected = "Sở E2E A", Day = "2008-11-10" }),
        Record("kt-4", r => r.Inspection = new R.Inspection { UnitInspected = "Sở E2E C", Day = "2009-05-10" }),
        Record("tt-2008", r => r.Propaganda = new R.Propaganda { PeriodFrom = "2008-01-01", PeriodTo = "2008-12-31", Bulletins = 12, Contests = 0 }),
        Record("tc", r => r.CriteriaSet = new R.CriteriaSet { Target = R.CriteriaTarget.Departments, AdoptedOn = "2008-06-01", RepealedOn = "2009-06-30" }),
        Record("ks-1", r => r.SatisfactionSurvey = new R.SatisfactionSurvey { PeriodFrom = "2009-03-01", PeriodTo = "2009-04-30", ServicesSurveyed = 3, SampleSize = 100, OverallSatisfaction = "80" }),
        Record("ks-2", r => r.SatisfactionSurvey = new R.SatisfactionSurvey { PeriodFrom = "2009-09-01", PeriodTo = "2009-10-31", ServicesSurveyed = 2, SampleSize = 300, OverallSatisfaction = "90" }),
    ];

    private static async Task<R.ImportResponse> ImportAsync<T>(AsyncClientStreamingCall<T, R.ImportResponse> call, IEnumerable<T> items)
    {
        using (call)
        {
            foreach (var item in items)
            {
                await call.RequestStream.WriteAsync(item);
            }
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }
    }

    private async Task<JsonNode> GetAsync(string path) => JsonNode.Parse(await suite.Http.GetStringAsync(path))!;

    private static JsonObject Row(JsonNode report, string labelStart) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).First(r => r["label"]!.GetValue<string>().StartsWith(labelStart, StringComparison.Ordinal));

    [Fact]
    public async Task RecordsSubmittedValuesAndObligations_GiveAppendix1_TheSubmittedRows_AndCompleteness_ThroughTheGateway()
    {
        var records = new R.ProgrammeRecordService.ProgrammeRecordServiceClient(suite.Channel);
        var values = new R.SubmittedValueService.SubmittedValueServiceClient(suite.Channel);
        var obligations = new R.ObligationService.ObligationServiceClient(suite.Channel);

        Assert.Equal(Records.Length, (await ImportAsync(records.ImportProgrammeRecords(), Records)).Records);
        await ImportAsync(obligations.ImportObligations(),
        [
            new R.Obligation { Unit = Portal, Indicator = "procedures.published_in_full", PeriodFrom = "2009-01-01", PeriodTo = "2009-12-31", DueOn = "2010-01-15" },
            new R.Obligation { Unit = Office, Indicator = "procedures.simplified_after_review", PeriodFrom = "2009-01-01", PeriodTo = "2009-12-31", DueOn = "2010-01-15" },
        ]);
        R.SubmittedValue Published(string value) => new()
        {
            Indicator = "procedures.published_in_full", Unit = Portal, PeriodFrom = "2009-01-01", PeriodTo = "2009-12-31", Kind = R.ValueKind.Number, Value = value,
        };
        await values.SubmitValueAsync(new R.SubmitValueRequest { Value = Published("95") });
        await values.SubmitValueAsync(new R.SubmitValueRequest { Value = Published("97.5") });
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await values.SubmitValueAsync(new R.SubmitValueRequest { Value = Published("101") }));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("value.value", refused.Status.Detail, StringComparison.Ordinal);

        var history = await values.GetSubmittedValueAsync(new R.GetSubmittedValueRequest
        {
            Indicator = "procedures.published_in_full", Unit = Portal, PeriodFrom = "2009-01-01", PeriodTo = "2009-12-31",
        });
        Assert.Equal(["95", "97.5"], history.History.Select(h => h.Value));
        Assert.All(history.History, h => Assert.Equal("cchc-demo-loader", h.RecordedBy));

        JsonNode? appendix1 = null;
        await Eventually.AssertAsync(async () =>
        {
            appendix1 = await GetAsync("/api/reports/appendices/1?periods=2008,2009");
            return Row(appendix1, "Mức độ hài lòng chung")["values"]!["2009"] is not null
                && Row(appendix1, "Số lượng các cơ quan, đơn vị được kiểm tra CCHC")["values"]!["2009"] is not null;
        }, TimeSpan.FromSeconds(90), "the reporting service learns the programme's records");

        string? Cell(string label, string period) => Row(appendix1!, label)["values"]![period]?.ToJsonString();
        Assert.Equal(("2", "1"), (Cell("Số lượng các cơ quan, đơn vị được kiểm tra CCHC", "2008"), Cell("Số lượng các cơ quan, đơn vị được kiểm tra CCHC", "2009")));
        Assert.Equal(("12", null), (Cell("Số lượng bản tin chuyên đề", "2008"), Cell("Số lượng bản tin chuyên đề", "2009")));
        Assert.Equal(("0", null), (Cell("Tổ chức cuộc thi", "2008"), Cell("Tổ chức cuộc thi", "2009")));
        Assert.Equal(("1", "0"), (Cell("Bộ tiêu chí đánh giá sở, ngành", "2008"), Cell("Bộ tiêu chí đánh giá sở, ngành", "2009")));
        Assert.Equal(("5", "400", "87.5"), (Cell("Số lượng dịch vụ đã khảo sát", "2009"), Cell("Số lượng mẫu đã khảo sát", "2009"), Cell("Mức độ hài lòng chung", "2009")));

        JsonNode? appendix3 = null;
        await Eventually.AssertAsync(async () =>
        {
            appendix3 = await GetAsync("/api/reports/appendices/3?periods=2009");
            return Row(appendix3, "Số lượng thủ tục hành chính được công khai")["values"]!["2009"]?.ToJsonString() == "97.5";
        }, TimeSpan.FromSeconds(90), "the reporting service learns the corrected value");
        var published = Row(appendix3!, "Số lượng thủ tục hành chính được công khai")["sources"]!["2009"]!.AsArray().Single()!;
        Assert.Equal((Portal, "đã báo cáo", "cchc-demo-loader"), (published["unit"]!.GetValue<string>(), published["status"]!.GetValue<string>(), published["recordedBy"]!.GetValue<string>()));
        var simplified = Row(appendix3!, "Số TTHC được đơn giản hóa");
        Assert.Null(simplified["values"]!["2009"]);
        var owed = simplified["sources"]!["2009"]!.AsArray().Single()!;
        Assert.Equal((Office, "chưa báo cáo"), (owed["unit"]!.GetValue<string>(), owed["status"]!.GetValue<string>()));

        var completeness = await GetAsync("/api/reports/completeness?periods=2009");
        var units = completeness["units"]!.AsArray().ToDictionary(u => u!["unit"]!.GetValue<string>(), u => u!);
        Assert.Equal((1, 0, 1, 0), (units[Office]!["owed"]!.GetValue<int>(), units[Office]!["late"]!.GetValue<int>(), units[Office]!["missing"]!.GetValue<int>(), units[Office]!["onTime"]!.GetValue<int>()));
        Assert.Equal((1, 1, 0), (units[Portal]!["owed"]!.GetValue<int>(), units[Portal]!["late"]!.GetValue<int>(), units[Portal]!["missing"]!.GetValue<int>()));
        var page = await suite.Http.GetStringAsync("/reports/completeness?periods=2009");
        Assert.Contains(Office, page, StringComparison.Ordinal);
        Assert.Contains("chưa báo cáo", page, StringComparison.Ordinal);
    }
}
