using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>The numbers of the generated data set, for <c>demo describe</c> and the load's progress output.</summary>
public static class DemoDescription
{
    public static string Catalogue(DemoDataSet data) =>
        $"{data.Catalogue.Profiles.Count:N0} procedures, {data.Catalogue.Changes.Count:N0} catalogue changes "
        + $"({data.Catalogue.Count(ChangeKind.Announce):N0} announced, {data.Catalogue.Count(ChangeKind.Amend):N0} amended, "
        + $"{data.Catalogue.Count(ChangeKind.Abolish):N0} abolished) in {data.Catalogue.Decisions.Count} decisions";

    public static void Write(DemoDataSet data, TextWriter output)
    {
        output.WriteLine("Generated (synthetic) Lai Châu demo data set, 2015 – 31/3/2020.");
        output.WriteLine($"Catalogue: {Catalogue(data)}.");
        output.WriteLine($"Dossiers: {data.DossierCount:N0}, resolved late: {data.LateCount:N0} (the body's 2011–3/2020 figure: {DemoTargets.MaxLateDossiers:N0}).");
        output.WriteLine($"{"period",-24}{"level",-10}{"received",10}{"resolved",10}{"late",7}{"on time %",12}");
        foreach (var plan in data.Plans)
        {
            foreach (var level in plan.Levels)
            {
                output.WriteLine($"{plan.Period.Key,-24}{level.Level,-10}{level.Received,10:N0}{level.Resolved,10:N0}{level.Late,7:N0}{level.OnTimePercent,12:0.0000}");
            }
        }
        var legal = data.Legal;
        output.WriteLine($"Legal register: {legal.Documents.Count:N0} documents ({legal.Documents.Min(d => d.SignedOn.Year)}–{legal.Documents.Max(d => d.SignedOn.Year)}), "
            + $"{legal.EventCount:N0} lifecycle events, {legal.Rounds.Count} review rounds with {legal.Findings.Count:N0} findings, {legal.Checks.Count:N0} checks.");
        var finance = data.Finance;
        output.WriteLine($"Public finance: {finance.UnitCount:N0} registry units with {finance.Statuses.Count:N0} generated autonomy statuses, "
            + $"{finance.Unreported.Count} breakdown cells the source did not report, {finance.Figures.Count} budget figures from the source.");
        output.WriteLine($"Feedback: {data.Feedback.Count} items ({string.Join(", ", data.Feedback.GroupBy(f => f.ReceivedAt.Year).Select(g => $"{g.Key}: {g.Count()}"))}).");
    }
}
