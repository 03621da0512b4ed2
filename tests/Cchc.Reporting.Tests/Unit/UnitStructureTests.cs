using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Organisation;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>Successor resolution, the one place facts of merged or split units are rolled up.</summary>
public sealed class UnitStructureTests
{
    private static UnitPeriodFact Period(string code, string from, string? to, params string[] successors) => new()
    {
        UnitCode = code, Sequence = 0, FromDay = DateOnly.Parse(from), ToDay = to is null ? null : DateOnly.Parse(to), Name = code,
        Kind = (int)UnitKind.PeoplesCommittee, SuccessorCodes = successors,
    };

    private static readonly UnitStructure Structure = new(
    [
        Period("A", "2004-01-01", "2020-01-31", "B"),       // merged into B in 2020
        Period("B", "2004-01-01", "2025-06-30", "N"),       // B merged into N in 2025
        Period("N", "2025-07-01", null),
        Period("S", "2004-01-01", "2014-12-31", "S1", "S2"), // split in 2015
        Period("S1", "2015-01-01", null),
        Period("S2", "2015-01-01", null),
        Period("X", "2004-01-01", "2010-12-31"),            // dissolved
    ]);

    [Theory]
    [InlineData("A", "2019-06-01", "A")]          // while it exists, its own
    [InlineData("A", "2021-01-01", "B")]          // after its merger, the successor's
    [InlineData("A", "2026-01-01", "N")]          // through two mergers
    [InlineData("B", "2026-01-01", "N")]
    [InlineData("S", "2016-01-01", "S1,S2")]      // a split: every successor (per-unit views take the first)
    [InlineData("X", "2012-01-01", "")]           // dissolved: stays with itself
    [InlineData("N", "2020-01-01", "")]           // not founded yet
    public void RollUp_FollowsSuccessorsToTheUnitsOfTheDay(string code, string day, string expected) =>
        Assert.Equal(expected, string.Join(',', Structure.RollUp(code, DateOnly.Parse(day))));
}
