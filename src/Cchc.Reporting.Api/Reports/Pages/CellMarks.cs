using Cchc.Reporting.Api.Reports.Validation;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>The cells of a table involved in violated rules, with the rules' descriptions (shown as the cell's title).</summary>
public sealed class CellMarks
{
    private readonly Dictionary<(string Indicator, string Period), List<string>> _marks = [];

    public static readonly CellMarks None = new([], string.Empty);

    public CellMarks(IEnumerable<Violation> violations, string table)
    {
        foreach (var violation in violations)
        {
            foreach (var cell in violation.Cells.Where(c => c.Cell.Table == table && c.Period is not null))
            {
                var key = (cell.Cell.Indicator, cell.Period!.Key);
                if (!_marks.TryGetValue(key, out var rules))
                {
                    _marks[key] = rules = [];
                }
                if (!rules.Contains(violation.Rule.Description))
                {
                    rules.Add(violation.Rule.Description);
                }
            }
        }
    }

    public int Count => _marks.Count;

    /// <summary>The cell's rules joined for a title attribute, or null when the cell breaks none.</summary>
    public string? For(string indicator, string period) =>
        _marks.TryGetValue((indicator, period), out var rules) ? "Vi phạm quy tắc: " + string.Join("; ", rules) : null;
}
