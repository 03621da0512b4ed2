using Cchc.Egov.Api.Domain;
using Cchc.Egov.Api.Grpc;
using Cchc.ServiceKit;

namespace Cchc.Egov.Tests.Unit;

public sealed class ValidationTests
{
    [Fact]
    public void ASubmission_ParsesIntoItsKey()
    {
        var command = EgovValidation.Submit(TestData.Submit(TestData.Value("src", "Sở Nội vụ", Metric.AxisDocumentsReceived, 5)));
        Assert.Equal(new MetricKey("src", "Sở Nội vụ", Contracts.Events.Egov.EgovMetric.AxisDocumentsReceived, new(2019, 1, 1), new(2019, 12, 31)), command.Key);
    }

    [Fact]
    public void EveryBrokenField_IsNamed_AtOnce()
    {
        var value = new MetricValue { SourceSystem = "a b", Unit = " ", PeriodFrom = "2019-12-31", PeriodTo = "2019-01-01", Value = -1 };
        var ex = Assert.Throws<DomainException>(() => EgovValidation.Submit(TestData.Submit(value)));
        Assert.Equal(
            ["submission.source_system", "submission.unit", "submission.metric", "submission.period_to", "submission.value"],
            ex.Violations.Select(v => v.Field));
    }
}
