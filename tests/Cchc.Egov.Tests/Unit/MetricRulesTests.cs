using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;
using Cchc.Egov.Api.Domain;
using Cchc.ServiceKit;

namespace Cchc.Egov.Tests.Unit;

public sealed class MetricRulesTests
{
    private static readonly DateOnly Jan1 = new(2019, 1, 1);
    private static readonly DateOnly Mar31 = new(2019, 3, 31);
    private static readonly DateOnly Dec31 = new(2019, 12, 31);

    private static MetricKey Key(EgovMetric metric, DateOnly from, DateOnly to) => new("src", "Sở Nội vụ", metric, from, to);

    private static (MetricCommand, string) Incoming(EgovMetric metric, long value, DateOnly from, DateOnly to) =>
        (new MetricCommand(Key(metric, from, to), GovernmentLevel.Province, value, null), "records[0].");

    [Fact]
    public void ANumeratorWithinItsDenominator_InTheSameRequest_IsAccepted() =>
        MetricRules.Check([Incoming(EgovMetric.AdminDocuments, 10, Jan1, Dec31), Incoming(EgovMetric.AdminDocumentsElectronic, 10, Jan1, Dec31)], []);

    [Fact]
    public void ANumeratorAboveItsDenominator_InTheSameRequest_IsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => MetricRules.Check(
            [Incoming(EgovMetric.AdminDocuments, 10, Jan1, Dec31), Incoming(EgovMetric.AdminDocumentsElectronic, 11, Jan1, Dec31)], []));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains(ex.Violations, v => v.Field == "records[0].value" && v.Description.Contains("100%", StringComparison.Ordinal));
    }

    [Fact]
    public void ADenominatorBelowAStoredNumerator_IsAFailedPrecondition()
    {
        var ex = Assert.Throws<DomainException>(() => MetricRules.Check(
            [Incoming(EgovMetric.CivilServants, 5, Jan1, Dec31)], [new MetricFigure(Key(EgovMetric.CivilServantsWithMailbox, Jan1, Dec31), 6)]));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
    }

    [Fact]
    public void ReplacingTheStoredFigureItself_IsNotAnOverlap()
    {
        MetricRules.Check([Incoming(EgovMetric.AxisDocumentsSent, 7, Jan1, Mar31)], [new MetricFigure(Key(EgovMetric.AxisDocumentsSent, Jan1, Mar31), 5)]);
    }

    [Fact]
    public void OverlappingFlowPeriods_AreRefused_AdjacentOnesAndStocksAreNot()
    {
        var ex = Assert.Throws<DomainException>(() => MetricRules.Check(
            [Incoming(EgovMetric.AxisDocumentsSent, 7, Jan1, Dec31)], [new MetricFigure(Key(EgovMetric.AxisDocumentsSent, Jan1, Mar31), 5)]));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("records[0].period_from", Assert.Single(ex.Violations).Field);

        MetricRules.Check([Incoming(EgovMetric.AxisDocumentsSent, 7, Mar31.AddDays(1), Dec31)], [new MetricFigure(Key(EgovMetric.AxisDocumentsSent, Jan1, Mar31), 5)]);
        MetricRules.Check([Incoming(EgovMetric.OfficialMailboxes, 7, Jan1, Dec31)], [new MetricFigure(Key(EgovMetric.OfficialMailboxes, Jan1, Mar31), 5)]);
    }
}
