using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cchc.Cli.Import;

/// <summary>Shows how far a long piece of work is: a live bar on a terminal, plain lines otherwise (logs, pipes, CI).</summary>
internal abstract class ImportProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports rows done through the callback it gets.</summary>
    public abstract Task RunAsync(string title, long total, Func<Action<long>, Task> work);

    /// <summary>A bar when <paramref name="output"/> is the console and stdout is a terminal; plain lines otherwise.</summary>
    public static ImportProgress For(TextWriter output, bool? terminal = null)
    {
        var interactive = terminal ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        return interactive ? new BarProgress() : new LineProgress(output, TimeSpan.FromSeconds(2));
    }
}

/// <summary>A Spectre.Console progress bar with the rate (rows/s) and the time left.</summary>
internal sealed class BarProgress : ImportProgress
{
    public override Task RunAsync(string title, long total, Func<Action<long>, Task> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsColumn(), new RateColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
                await work(rows => task.Increment(rows));
                task.Value = task.MaxValue;
            });

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{Numbers.Format((long)speed)} dòng/s" : "- dòng/s", new Style(Color.Green));
    }

    private sealed class RowsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{Numbers.Format((long)task.Value)}/{Numbers.Format((long)task.MaxValue)}");
    }
}

/// <summary>Plain progress lines at most every <c>interval</c>, and one at the end: rows, percentage, rate, time left.</summary>
internal sealed class LineProgress(TextWriter output, TimeSpan interval) : ImportProgress
{
    public override async Task RunAsync(string title, long total, Func<Action<long>, Task> work)
    {
        var watch = Stopwatch.StartNew();
        var gate = new Lock();
        long done = 0;
        var last = TimeSpan.Zero;
        await work(rows =>
        {
            lock (gate)
            {
                done += rows;
                if (watch.Elapsed - last >= interval || done >= total)
                {
                    last = watch.Elapsed;
                    output.WriteLine(Line(title, done, total, watch.Elapsed));
                    output.Flush();
                }
            }
        });
    }

    internal static string Line(string title, long done, long total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var percent = total > 0 ? 100.0 * done / total : 100;
        var left = rate > 0 && done < total ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        return $"{title}: {Numbers.Format(done)}/{Numbers.Format(total)} dòng ({percent.ToString("0", CultureInfo.InvariantCulture)} %), "
            + $"{Numbers.Format((long)rate)} dòng/s, còn khoảng {left.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
    }
}

/// <summary>Numbers as Vietnamese readers write them: 1.234.567 and 12,5.</summary>
internal static class Numbers
{
    public static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    public static string Format(long value) => value.ToString("N0", Vietnamese);

    public static string Format(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Vietnamese);
}
