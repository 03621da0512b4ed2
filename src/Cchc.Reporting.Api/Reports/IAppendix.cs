namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// An appendix (Phụ lục) of the report: its number, title and rows in the source's order. The values come from
/// the <see cref="IIndicatorSource"/>s that compute the rows' indicators; a row whose indicator no
/// source computes stays blank. A new appendix is a new class implementing this (found by assembly scan).
/// </summary>
public interface IAppendix
{
    int Number { get; }

    string Title { get; }

    IReadOnlyList<RowDefinition> Rows { get; }
}
