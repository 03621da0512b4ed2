using Cchc.Contracts.Events.Procedures;
using Cchc.Egov.Api.Domain;
using Cchc.Egov.Api.Grpc;
using Cchc.ServiceKit;
using GovernmentLevel = Cchc.Egov.Api.Grpc.GovernmentLevel;

namespace Cchc.Egov.Tests.Unit;

public sealed class ValidationTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

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
            ["submission.source_system", "submission.unit", "submission.unit_level", "submission.metric", "submission.period_to", "submission.value"],
            ex.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("UBND huyện Tam Đường", Cchc.Contracts.Events.Procedures.GovernmentLevel.District)]
    [InlineData("UBND thành phố Lai Châu", Cchc.Contracts.Events.Procedures.GovernmentLevel.District)]
    [InlineData("UBND xã Bản Giang", Cchc.Contracts.Events.Procedures.GovernmentLevel.Commune)]
    [InlineData("UBND phường Tân Phong", Cchc.Contracts.Events.Procedures.GovernmentLevel.Commune)]
    [InlineData("UBND thị trấn Tam Đường", Cchc.Contracts.Events.Procedures.GovernmentLevel.Commune)]
    [InlineData("UBND tỉnh Lai Châu", Cchc.Contracts.Events.Procedures.GovernmentLevel.Province)]
    [InlineData("Sở Nội vụ", Cchc.Contracts.Events.Procedures.GovernmentLevel.Province)]
    public void AUnitsName_SaysItsLevel(string unit, Cchc.Contracts.Events.Procedures.GovernmentLevel level) =>
        Assert.Equal(level, IncomingFacts.LevelOf(unit));

    [Fact]
    public async Task IncomingFacts_RefuseADayAfterTodayInVietnam_AndAUnitOfAnotherLevel_NamingBothFields()
    {
        // 2020-03-31 17:30 UTC is already 1 April in Vietnam.
        var facts = new IncomingFacts(new FixedClock(new DateTimeOffset(2020, 3, 31, 17, 30, 0, TimeSpan.Zero)));
        await facts.EnsureAsync([new UnitOnDay("Sở Nội vụ", Contracts.Events.Procedures.GovernmentLevel.Province, new(2020, 4, 1), "u", "l", "d")], default);
        var ex = await Assert.ThrowsAsync<DomainException>(() => facts.EnsureAsync(
            [new UnitOnDay("UBND xã Bản Giang", Contracts.Events.Procedures.GovernmentLevel.District, new(2020, 4, 2), "u", "l", "d")], default));
        Assert.Equal(["d", "u"], ex.Violations.Select(v => v.Field));
    }
}
