using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Finance;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Organisation;
using Cchc.Contracts.Events.Procedures;
using Cchc.Contracts.Events.Programme;
using Cchc.Reporting.Api.Consuming;
using MassTransit;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>
/// The consumers found by scan, one per event. Their inbox names and queue names are what deployed brokers and inboxes
/// hold: renaming a consumer class would orphan its queue (and its waiting messages), renaming an inbox name would let a
/// replayed message apply twice. This list changes only with a migration plan.
/// </summary>
public sealed class FactConsumersTests
{
    public static TheoryData<Type, string, string> Published => new()
    {
        { typeof(ProcedureVersionsRecorded), "reporting-procedure-versions-recorded", "procedure-versions-recorded" },
        { typeof(DossiersRecorded), "reporting-dossiers-recorded", "dossiers-recorded" },
        { typeof(FeedbackRecorded), "reporting-feedback-recorded", "feedback-recorded" },
        { typeof(LegalDocumentsRecorded), "reporting-legal-documents-recorded", "legal-documents-recorded" },
        { typeof(ReviewFindingsRecorded), "reporting-review-findings-recorded", "review-findings-recorded" },
        { typeof(DocumentChecksRecorded), "reporting-document-checks-recorded", "document-checks-recorded" },
        { typeof(UnitsChanged), "reporting-units-changed", "units-changed" },
        { typeof(StaffingRecorded), "reporting-staffing-recorded", "staffing-recorded" },
        { typeof(AutonomyStatusesRecorded), "reporting-autonomy-statuses-recorded", "autonomy-statuses-recorded" },
        { typeof(BudgetFiguresRecorded), "reporting-budget-figures-recorded", "budget-figures-recorded" },
        { typeof(UnreportedBreakdownsDeclared), "reporting-unreported-breakdowns-declared", "unreported-breakdowns-declared" },
        { typeof(MetricsSubmitted), "reporting-egov-metrics-submitted", "metrics-submitted" },
        { typeof(CapabilityStatesRecorded), "reporting-egov-capability-states-recorded", "capability-states-recorded" },
        { typeof(ProgrammeRecordsRecorded), "reporting-programme-records-recorded", "programme-records-recorded" },
        { typeof(ValuesSubmitted), "reporting-programme-values-submitted", "values-submitted" },
        { typeof(ObligationsDeclared), "reporting-programme-obligations-declared", "obligations-declared" },
        { typeof(Cchc.Contracts.Events.Reporting.FactCorrected), "reporting-fact-corrected", "fact-corrected" },
        { typeof(Cchc.Contracts.Events.Reporting.FactsRepublished), "reporting-facts-republished", "facts-republished" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void EveryEvent_HasOneConsumer_WithItsPublishedInboxAndQueueNames(Type message, string inboxName, string queue)
    {
        var consumer = FactConsumers.ForMessage(message);
        Assert.NotNull(consumer);
        Assert.Equal(inboxName, consumer.InboxName);
        Assert.Equal(queue, consumer.QueueName(KebabCaseEndpointNameFormatter.Instance));
    }

    [Fact]
    public void TheScan_FindsExactlyTheConsumersOfTheEvents_EachOnce()
    {
        Assert.Equal(((IEnumerable<object[]>)Published).Count(), FactConsumers.All.Count);
        Assert.Equal(FactConsumers.All.Count, FactConsumers.All.Select(c => c.MessageType).Distinct().Count());
        Assert.Equal(FactConsumers.All.Count, FactConsumers.All.Select(c => c.InboxName).Distinct().Count());
    }

    [Theory]
    [InlineData("rabbitmq://localhost:5672/dossiers-recorded", "dossiers-recorded")]
    [InlineData("rabbitmq://localhost/vhost/units-changed?temporary=false", "units-changed")]
    [InlineData("loopback://localhost/staffing-recorded", "staffing-recorded")]
    public void TheQueueOfAReceiveAddress_IsItsLastSegment(string address, string queue)
    {
        Assert.Equal(queue, ConsumeFailureRecorder.QueueOf(new Uri(address)));
    }
}
