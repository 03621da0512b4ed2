using Cchc.Contracts.Events.Programme;
using Cchc.Programme.Api.Domain;
using Cchc.Programme.Api.Grpc;
using Cchc.ServiceKit;

namespace Cchc.Programme.Tests.Unit;

/// <summary>The programme service's rules without servers: what a record, a submitted value and an obligation must be.</summary>
public sealed class ValidationTests
{
    private static DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

    [Fact]
    public void ASurvey_BecomesAFact_WithItsFigures()
    {
        var command = ProgrammeValidation.Record(new RecordProgrammeRecordRequest
        {
            Record = new ProgrammeRecord
            {
                ReportingUnit = "Sở Nội vụ", Key = "khao-sat-2019",
                SatisfactionSurvey = new SatisfactionSurvey { PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31", ServicesSurveyed = 19, SampleSize = 610, OverallSatisfaction = "82.96" },
            },
        });

        Assert.Equal(ProgrammeRecordKind.SatisfactionSurvey, command.Kind);
        Assert.Equal("Sở Nội vụ", command.ReportingUnit);
        Assert.Equal((19L, 610L, 82.96m), (command.Fact.ServicesSurveyed!.Value, command.Fact.SampleSize!.Value, command.Fact.Score!.Value));
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)), (command.Fact.From, command.Fact.To!.Value));
    }

    [Fact]
    public void APropagandaReportWithNoFigure_IsRefused()
    {
        var ex = Refused(() => ProgrammeValidation.Record(new RecordProgrammeRecordRequest
        {
            Record = new ProgrammeRecord { ReportingUnit = "Sở Nội vụ", Key = "k", Propaganda = new Propaganda { PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31" } },
        }));
        Assert.Contains(ex.Violations, v => v.Field == "record.propaganda.bulletins");
    }

    [Theory]
    [InlineData("procedures.published_in_full", ValueKind.Number, "100.01", "value.value")]
    [InlineData("procedures.published_in_full", ValueKind.Text, "đầy đủ", "value.kind")]
    [InlineData("procedures.issued_by_province", ValueKind.Number, "1.5", "value.value")]
    [InlineData("procedures.issued_by_province", ValueKind.Number, "-1", "value.value")]
    [InlineData("procedures.simplified_after_review", ValueKind.NotReported, "135", "value.value")]
    [InlineData("procedures.simplified_after_review", ValueKind.Unspecified, "", "value.kind")]
    [InlineData("procedures.simplified_after_review", ValueKind.Number, "62,29", "value.value")]
    [InlineData("egov.axis.documents_sent", ValueKind.Number, "1", "value.indicator")]
    public void ASubmittedValue_ThatDoesNotFitItsRow_IsRefused_NamingTheField(string indicator, ValueKind kind, string value, string field)
    {
        var ex = Refused(() => ProgrammeValidation.Value(new SubmitValueRequest
        {
            Value = new SubmittedValue { Indicator = indicator, Unit = "Văn phòng UBND tỉnh", PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31", Kind = kind, Value = value },
        }));
        Assert.Contains(ex.Violations, v => v.Field == field);
    }

    [Theory]
    [InlineData("procedures.simplified_after_review", ValueKind.Text, "64 DVC mức độ 3 và 74 DVC mức độ 4", SubmittedValueKind.Text)]
    [InlineData("procedures.simplified_after_review", ValueKind.Number, "135", SubmittedValueKind.Number)]
    [InlineData("procedures.issued_by_province", ValueKind.NotApplicable, "", SubmittedValueKind.NotApplicable)]
    [InlineData("procedures.issued_by_province", ValueKind.Number, "0", SubmittedValueKind.Number)]
    [InlineData("procedures.published_in_full", ValueKind.NotReported, "", SubmittedValueKind.NotReported)]
    public void Blank_Dash_AndZero_StayDistinct(string indicator, ValueKind kind, string value, SubmittedValueKind expected)
    {
        var command = ProgrammeValidation.Value(new SubmitValueRequest
        {
            Value = new SubmittedValue { Indicator = indicator, Unit = "Văn phòng UBND tỉnh", PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31", Kind = kind, Value = value },
        });
        Assert.Equal(expected, command.Kind);
        Assert.Equal(value.Length == 0 ? null : value, command.Value);
    }

    [Fact]
    public void AnObligation_NeedsASubject_AndADeadlineAfterItsPeriod()
    {
        var noSubject = Refused(() => ProgrammeValidation.ObligationOf(new Obligation { Unit = "Sở Y tế", PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31", DueOn = "2020-01-15" }, 0));
        Assert.Contains(noSubject.Violations, v => v.Field == "records[0].indicator");

        var early = Refused(() => ProgrammeValidation.ObligationOf(new Obligation
        {
            Unit = "Sở Y tế", RecordKind = RecordKind.TrainingClass, PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31", DueOn = "2019-12-30",
        }, 3));
        Assert.Contains(early.Violations, v => v.Field == "records[3].due_on");

        var owed = ProgrammeValidation.ObligationOf(new Obligation
        {
            Unit = "Sở Y tế", RecordKind = RecordKind.TrainingClass, PeriodFrom = "2019-01-01", PeriodTo = "2019-12-31", DueOn = "2020-01-15",
        }, 0);
        Assert.Equal(("records:training_class", (string?)null, ProgrammeRecordKind.TrainingClass), (owed.Subject, owed.Indicator, owed.RecordKind));
    }
}
