using Cchc.Contracts;
using R = Cchc.Cli.Tests.ReferenceAppendix3;

namespace Cchc.Cli.Tests;

[Collection(DemoFactsCollection.Name)]
public sealed class FeedbackTests(DemoFacts facts)
{
    [Fact]
    public void Feedback_ReceivedResolvedAndPublished_InEachPeriod_MatchesTheReference()
    {
        for (var p = 0; p < facts.Reference.Periods.Count; p++)
        {
            var period = facts.Reference.Periods[p];
            Assert.Equal(facts.Reference.Count(R.FeedbackReceived, p), facts.Data.Feedback.Count(f => period.Contains(VietnamCalendar.LocalDate(f.ReceivedAt))));
            Assert.Equal(facts.Reference.Count(R.FeedbackResolved, p), facts.Data.Feedback.Count(f => period.Contains(VietnamCalendar.LocalDate(f.ResolvedAt))));
            Assert.Equal(facts.Reference.Count(R.FeedbackPublished, p), facts.Data.Feedback.Count(f => period.Contains(VietnamCalendar.LocalDate(f.PublishedAt))));
        }
    }

    [Fact]
    public void Feedback_StepsFollowEachOther_AndNameOnlyProceduresInForce()
    {
        Assert.Equal(facts.Data.Feedback.Count, facts.Data.Feedback.Select(f => f.FeedbackId).Distinct().Count());
        Assert.All(facts.Data.Feedback, f =>
        {
            Assert.True(f.ReceivedAt < f.ResolvedAt && f.ResolvedAt < f.PublishedAt);
            if (f.ProcedureCode is { } code) Assert.True(facts.Catalogue.Procedures[code].InForceOn(VietnamCalendar.LocalDate(f.ReceivedAt)));
        });
    }
}
