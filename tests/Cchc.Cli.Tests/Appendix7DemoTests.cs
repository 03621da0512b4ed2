using System.Globalization;
using System.Text.Json;
using Cchc.Cli.Demo;
using Cchc.Cli.Demo.Egov;
using Cchc.Contracts;
using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;
using Xunit.Abstractions;

namespace Cchc.Cli.Tests;

/// <summary>
/// The generated data reproduces the reference Appendix 7 (tests/reference/lai-chau-cchc-2015-2020.json), computed here
/// the plain way domain.md and ADR 0011 describe, independently of the generators' bookkeeping: rows 10, 11 and 13 from
/// the replayed catalogue and one pass over the dossiers, the other rows from the e-government submissions and states.
/// </summary>
[Collection(DemoFactsCollection.Name)]
public sealed class Appendix7DemoTests(DemoFacts facts, ITestOutputHelper output)
{
    [Fact]
    public void ProcedureDerivedRows_OnlineServicesTheirUseAndElectronicOneStop_EqualTheReference()
    {
        var reference = ReferenceAppendix7.Load();
        var periods = facts.Reference.Periods;
        var online = new HashSet<(int Period, string Code)>();
        var resolved = new long[periods.Count];
        var electronic = new long[periods.Count];
        foreach (var d in facts.Data.AllDossiers())
        {
            var received = VietnamCalendar.LocalDate(d.ReceivedAt);
            for (var p = 0; p < periods.Count; p++)
            {
                if (d.Channel == DossierChannel.Online && periods[p].Contains(received)) online.Add((p, d.ProcedureCode));
                if (d.Status == DossierStatus.Resolved && periods[p].Contains(VietnamCalendar.LocalDate(d.ClosedAt!.Value)))
                {
                    resolved[p]++;
                    if (d.ProcessedElectronically == true) electronic[p]++;
                }
            }
        }
        for (var p = 0; p < periods.Count; p++)
        {
            var to = periods[p].To;
            var services = facts.Catalogue.Procedures
                .Where(kv => kv.Value.InForceOn(to) && kv.Value.SpecOn(to).OnlineLevel is OnlineServiceLevel.Level3 or OnlineServiceLevel.Level4)
                .Select(kv => kv.Key).ToList();
            var used = services.Count(code => online.Contains((p, code)));
            output.WriteLine($"{periods[p].Key}: {services.Count} online services, {used} with online dossiers; {electronic[p]:N0}/{resolved[p]:N0} resolved electronically");
            reference.AssertCell("10", p, services.Count);
            reference.AssertCell("11", p, 100m * used / services.Count);
            reference.AssertCell("13", p, 100m * electronic[p] / resolved[p]);
        }
    }

    [Fact]
    public void EgovRows_FromTheGeneratedSubmissionsAndCapabilityStates_EqualTheReference()
    {
        var reference = ReferenceAppendix7.Load();
        var periods = facts.Reference.Periods;
        var data = facts.Data.Egov;
        Assert.All(data.Metrics, m => Assert.True(m.Value >= 0 && m.To <= new DateOnly(2020, 3, 31)));
        for (var p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            long Sum(EgovMetric metric) => data.Metrics.Where(m => m.Metric == metric && m.From >= period.From && m.To <= period.To).Sum(m => m.Value);
            long Stock(EgovMetric metric) => data.Metrics.Where(m => m.Metric == metric && m.To >= period.From && m.To <= period.To)
                .GroupBy(m => (m.SourceSystem, m.Unit)).Sum(g => g.MaxBy(m => m.To)!.Value);
            List<DemoCapability> StatesAtEnd(EgovCapability capability) => data.Capabilities
                .Where(c => c.Capability == capability && c.EffectiveFrom <= period.To)
                .GroupBy(c => c.Unit).Select(g => g.MaxBy(c => c.EffectiveFrom)!).ToList();
            int Upper(EgovCapability capability) => StatesAtEnd(capability).Count(c => c.InUse && c.Level != GovernmentLevel.Commune);

            reference.AssertCell("1", p, 100m * Sum(EgovMetric.AdminDocumentsElectronic) / Sum(EgovMetric.AdminDocuments));
            reference.AssertCell("2", p, Stock(EgovMetric.AxisConnectedUnits));
            reference.AssertCell("3", p, Sum(EgovMetric.AxisDocumentsReceived));
            reference.AssertCell("4", p, Sum(EgovMetric.AxisDocumentsSent));
            reference.AssertCell("5", p, Sum(EgovMetric.SignaturesPersonal) + Sum(EgovMetric.SignaturesOrganisation) + Sum(EgovMetric.SignaturesMobile));
            reference.AssertCell("6", p, 100m * Stock(EgovMetric.CivilServantsWithMailbox) / Stock(EgovMetric.CivilServants));
            reference.AssertCell("7", p, Upper(EgovCapability.DocumentManagement));
            reference.AssertCell("8", p, Upper(EgovCapability.Lan));
            reference.AssertCell("9", p, Upper(EgovCapability.WebPortal));
            reference.AssertCell("12", p, StatesAtEnd(EgovCapability.OneStopShopSoftware).Count(c => c.InUse));
            var iso = StatesAtEnd(EgovCapability.Iso9001).Where(c => c.Level != GovernmentLevel.Commune).ToList();
            reference.AssertFraction("14", p, $"{iso.Count(c => c.InUse)}/{iso.Count}");
        }
    }
}

/// <summary>The reference Appendix 7 by row number (stt), compared the way tools/check-report.py compares.</summary>
internal sealed class ReferenceAppendix7
{
    private readonly Dictionary<string, JsonElement> _rows;
    private readonly List<string> _periodKeys;

    private ReferenceAppendix7(JsonDocument document)
    {
        var root = document.RootElement;
        _rows = root.GetProperty("appendices").EnumerateArray().Single(a => a.GetProperty("no").GetInt32() == 7).GetProperty("rows")
            .EnumerateArray().ToDictionary(r => r.GetProperty("stt").GetString()!, r => r.Clone());
        _periodKeys = root.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("key").GetString()!).ToList();
    }

    public static ReferenceAppendix7 Load() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "lai-chau-cchc-2015-2020.json"))));

    /// <summary>A number equals the printed one; a percentage rounds to it at the printed decimals.</summary>
    public void AssertCell(string stt, int period, decimal actual)
    {
        var expected = _rows[stt].GetProperty("values").GetProperty(_periodKeys[period]).GetDecimal();
        var scale = expected.Scale;
        Assert.True(Math.Round(actual, scale, MidpointRounding.AwayFromZero) == expected,
            string.Create(CultureInfo.InvariantCulture, $"row {stt}, {_periodKeys[period]}: expected {expected}, computed {actual}"));
    }

    public void AssertFraction(string stt, int period, string actual) =>
        Assert.Equal(_rows[stt].GetProperty("values").GetProperty(_periodKeys[period]).GetString(), actual);
}
