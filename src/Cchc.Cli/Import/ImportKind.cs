using System.Reflection;
using Grpc.Core;

namespace Cchc.Cli.Import;

/// <summary>
/// What one successful call did: records newly written (or replaced), records the service already held, and — for kinds
/// sent one record per call — the records refused (by their index in the batch), which were not written.
/// </summary>
internal readonly record struct BatchResult(long Accepted, long AlreadyPresent, IReadOnlyList<(int Index, RpcException Refusal)>? Refused = null);

/// <summary>
/// A kind of fact the tool imports from spreadsheets: its columns (Vietnamese headers, notes, example) and how a row
/// becomes a record of the service's bulk import. Adding a kind is one class deriving from
/// <see cref="ImportKind{TRecord}"/>: <see cref="ImportKinds"/> finds it.
/// </summary>
internal abstract class ImportKind
{
    private IReadOnlyDictionary<string, Column>? byKey;

    /// <summary>The name on the command line, e.g. "dossiers".</summary>
    public abstract string Name { get; }

    /// <summary>Vietnamese title (template sheet name, messages).</summary>
    public abstract string Title { get; }

    /// <summary>One line for --help: what a row is (in Vietnamese).</summary>
    public abstract string Description { get; }

    /// <summary>The RPC the rows go through, for --help and docs.</summary>
    public abstract string Rpc { get; }

    /// <summary>The scope a client needs (for messages).</summary>
    public abstract string WriteScope { get; }

    public abstract IReadOnlyList<Column> Columns { get; }

    /// <summary>Rows per call. A call is all or nothing.</summary>
    public virtual int BatchSize => 2_000;

    /// <summary>Calls in flight at once. Kinds whose rows depend on earlier rows (unit changes) keep 1.</summary>
    public virtual int Parallelism => 1;

    /// <summary>The repeated field of the request the service names in refusals ("records[12].due_at").</summary>
    public virtual string Collection => "records";

    public IReadOnlyDictionary<string, Column> ColumnsByKey => byKey ??= Columns.ToDictionary(c => c.Key, StringComparer.Ordinal);

    /// <summary>Reads a row; null when the row cannot become a record (its errors are in <paramref name="row"/>).</summary>
    internal abstract object? BuildRecord(RowReader row);

    internal abstract Task<BatchResult> SendRecordsAsync(CallInvoker calls, IReadOnlyList<object> records, CancellationToken cancellation);

    /// <summary>Checks against the services' read APIs beyond the unit registry (e.g. procedure codes exist); adds row errors.</summary>
    internal virtual Task CheckReferencesAsync(IReadOnlyList<(RowReader Row, object Record)> rows, CallInvoker calls, Action<string> note, CancellationToken cancellation) =>
        Task.CompletedTask;

    /// <summary>
    /// Whether a refusal of one record only says the service holds that fact already with more to it (e.g. a document
    /// registered earlier has since got lifecycle events): the row counts as already present.
    /// </summary>
    public virtual bool MeansAlreadyPresent(RpcException refusal, string path) => false;

    /// <summary>
    /// The column a refused field points at: the field path after "records[i]." with indexes dropped
    /// ("events[0].caused_by" → "events.caused_by"), matched exactly or by the longest column field it starts with.
    /// </summary>
    public Column? ColumnOfField(string path)
    {
        var clean = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", string.Empty);
        Column? best = null;
        var bestLength = -1;
        foreach (var column in Columns)
        {
            foreach (var field in column.AllFields)
            {
                if (clean == field)
                {
                    return column;
                }
                if ((clean.StartsWith(field + ".", StringComparison.Ordinal) || clean.EndsWith("." + field, StringComparison.Ordinal)) && field.Length > bestLength)
                {
                    (best, bestLength) = (column, field.Length);
                }
            }
        }
        return best;
    }
}

/// <summary>An import kind whose rows become <typeparamref name="TRecord"/> (a message of the service's import stream).</summary>
internal abstract class ImportKind<TRecord> : ImportKind where TRecord : class
{
    /// <summary>Reads every column of the row into a record. Problems go to <paramref name="row"/>'s errors.</summary>
    protected abstract TRecord Build(RowReader row);

    /// <summary>Sends the records in one all-or-nothing call; returns what the service did.</summary>
    protected abstract Task<BatchResult> SendAsync(CallInvoker calls, IReadOnlyList<TRecord> records, CancellationToken cancellation);

    internal sealed override object? BuildRecord(RowReader row)
    {
        var record = Build(row);
        return row.Errors.Count == 0 ? record : null;
    }

    internal sealed override Task<BatchResult> SendRecordsAsync(CallInvoker calls, IReadOnlyList<object> records, CancellationToken cancellation) =>
        SendAsync(calls, records.Cast<TRecord>().ToList(), cancellation);

    /// <summary>Streams <paramref name="messages"/> through a client-streaming call and returns its response.</summary>
    protected static async Task<TResponse> StreamAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> messages, CancellationToken cancellation)
    {
        using (call)
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message, cancellation);
            }
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }
    }
}

/// <summary>Every import kind of the tool, found by reflection (one class per kind), in a stable order.</summary>
internal static class ImportKinds
{
    private static readonly Lazy<IReadOnlyList<ImportKind>> Kinds = new(() =>
        typeof(ImportKind).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(ImportKind)) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ImportKind)Activator.CreateInstance(t)!)
            .OrderBy(k => k.GetType().GetCustomAttribute<KindOrderAttribute>()?.Order ?? 100)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<ImportKind> All => Kinds.Value;

    public static ImportKind? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(k => k.Name));
}

/// <summary>Where a kind appears in lists (help, docs): the order people would import them in.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class KindOrderAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
