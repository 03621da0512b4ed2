namespace Cchc.Reporting.Tests.Integration;

/// <summary>A measurement, not a check: runs only when CCHC_BENCH=1 (it loads ~900k dossiers and takes minutes).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CCHC_BENCH") != "1")
        {
            Skip = "Benchmark: set CCHC_BENCH=1 to run.";
        }
    }
}
