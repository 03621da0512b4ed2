using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Appendix 3 computed by the test itself from the events it sent (LINQ over the events, no database),
/// keyed by indicator: the oracle the service's SQL is checked against.
/// </summary>
internal static class ExpectedAppendix3
{
    public static Dictionary<string, decimal?> For(
        ReportPeriod period, IEnumerable<ProcedureVersion> versions, IEnumerable<DossierState> dossiers, IEnumerable<FeedbackState> feedback)
    {
        var day = period.To;
        var inForce = versions.GroupBy(v => v.Code)
            .Select(g => g.Where(v => v.EffectiveFrom <= day).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault())
            .Where(v => v is not null && v.InForceFrom <= day && (v.AbolishedOn is null || v.AbolishedOn > day))
            .Select(v => v!)
            .ToList();
        long Count(Func<ProcedureVersion, bool> predicate) => inForce.Count(predicate);

        var latestDossiers = dossiers.GroupBy(d => d.DossierId).Select(g => g.MaxBy(d => d.Version)!).ToList();
        decimal? OnTimeRate(GovernmentLevel level)
        {
            var resolved = latestDossiers.Where(d => d.UnitLevel == level && d.Status == DossierStatus.Resolved
                && InPeriod(VietnamCalendar.LocalDate(d.ClosedAt!.Value), period)).ToList();
            return resolved.Count == 0 ? null : Math.Round(100m * resolved.Count(d => d.ClosedAt <= d.DueAt) / resolved.Count, 4, MidpointRounding.AwayFromZero);
        }

        var latestFeedback = feedback.GroupBy(f => f.FeedbackId).Select(g => g.MaxBy(f => f.Version)!).ToList();
        long Feedback(Func<FeedbackState, DateTimeOffset?> at) =>
            latestFeedback.Count(f => at(f) is { } instant && InPeriod(VietnamCalendar.LocalDate(instant), period));

        var province = Count(v => v.Level == GovernmentLevel.Province);
        var district = Count(v => v.Level == GovernmentLevel.District);
        var commune = Count(v => v.Level == GovernmentLevel.Commune);
        return new Dictionary<string, decimal?>
        {
            ["procedures.in_force.total"] = province + district + commune,
            ["procedures.in_force.province"] = province,
            ["procedures.in_force.district"] = district,
            ["procedures.in_force.commune"] = commune,
            ["procedures.issued_by_province"] = null,
            ["procedures.simplified_after_review"] = null,
            ["procedures.published_in_full"] = null,
            ["procedures.one_stop.provincial_centre"] = Count(v => v.ReceivingPlace == ReceivingPlace.ProvincialCentre),
            ["procedures.one_stop.district"] = Count(v => v.ReceivingPlace == ReceivingPlace.DistrictOneStop),
            ["procedures.one_stop.commune"] = Count(v => v.ReceivingPlace == ReceivingPlace.CommuneOneStop),
            ["procedures.inter_agency.same_level"] = Count(v => v.InterAgencySameLevel),
            ["procedures.inter_agency.between_levels"] = Count(v => v.InterAgencyBetweenLevels),
            ["procedures.four_on_the_spot.province"] = Count(v => v.FourOnTheSpot && v.Level == GovernmentLevel.Province),
            ["dossiers.on_time_rate.province"] = OnTimeRate(GovernmentLevel.Province),
            ["dossiers.on_time_rate.district"] = OnTimeRate(GovernmentLevel.District),
            ["dossiers.on_time_rate.commune"] = OnTimeRate(GovernmentLevel.Commune),
            ["feedback.received"] = Feedback(f => f.ReceivedAt),
            ["feedback.resolved"] = Feedback(f => f.ResolvedAt),
            ["feedback.published"] = Feedback(f => f.PublishedAt),
        };
    }

    private static bool InPeriod(DateOnly day, ReportPeriod period) => day >= period.From && day <= period.To;
}
