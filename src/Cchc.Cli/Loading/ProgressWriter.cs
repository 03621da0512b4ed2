using System.Diagnostics;

namespace Cchc.Cli.Loading;

/// <summary>Thread-safe progress lines, with throttled ones for loops.</summary>
internal sealed class ProgressWriter(TextWriter output)
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    public void Line(string text)
    {
        lock (_lock)
        {
            output.WriteLine(text);
            output.Flush();
            _sinceLast.Restart();
        }
    }

    /// <summary>Writes the line only if nothing was written for <paramref name="interval"/>.</summary>
    public void Every(TimeSpan interval, Func<string> text)
    {
        lock (_lock)
        {
            if (_sinceLast.Elapsed < interval) return;
            output.WriteLine(text());
            output.Flush();
            _sinceLast.Restart();
        }
    }
}
