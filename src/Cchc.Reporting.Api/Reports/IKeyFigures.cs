namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Key figures of the report's body for one reform area (e.g. the documents the provincial council and committee
/// issued in 2011–2020): rows like an appendix's, computed by the same indicator sources for any periods, but not a
/// numbered appendix (<see cref="IAppendix.Number"/> is 0). Found by assembly scan; served at /api/reports/key-figures/{area}.
/// </summary>
public interface IKeyFigures : IAppendix
{
    /// <summary>The reform area, as in the reference dataset's facts ("institutions", "procedures", …).</summary>
    string Area { get; }
}
