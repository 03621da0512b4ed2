using System.Diagnostics;
using System.Text.RegularExpressions;
using Cchc.Cli.Spreadsheets;
using Google.Rpc;
using Cchc.Cli.Commands;
using Grpc.Core;

namespace Cchc.Cli.Import;

/// <summary>What to do with an input file.</summary>
internal sealed record ImportRequest(string File, bool DryRun, IReadOnlyCollection<string>? Sheets = null, int? BatchSize = null,
    bool Resume = true, string? ErrorWorkbook = null, bool CheckReferences = true);

/// <summary>The outcome: rows read, accepted (new or replaced), already present, rejected, and how the run ended.</summary>
internal sealed record ImportSummary(long Rows, long Accepted, long AlreadyPresent, long Rejected, long ResumedRows, string? ErrorWorkbook,
    bool Interrupted, TimeSpan Elapsed);

/// <summary>The import cannot go on (no row is at fault): authentication, permission, or the services unreachable.</summary>
internal sealed class ImportAbortedException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>One data row on its way: the cells, the record built from them, and every reason it was refused.</summary>
internal sealed class RowState(RowReader reader, int ordinal)
{
    public RowReader Reader { get; } = reader;

    public SourceRow Source => Reader.Row;

    public int Ordinal { get; } = ordinal;

    public object? Record { get; set; }

    public List<RowError> Errors => Reader.Errors;

    public bool Rejected => Errors.Count > 0;
}

/// <summary>
/// Reads an input file of one kind, checks every row (cells, the contract's rules, the unit registry and other
/// references through the services' read APIs) and — unless it is a dry run — sends the good rows through the kind's
/// bulk import, in batches of all-or-nothing calls. A refused call names the first bad record (google.rpc.BadRequest
/// "records[12].received_at"): that row is set aside with the service's reason on its cell and the rest of the batch is
/// sent again, so nothing of a bad row is written and every good row is. A refusal without a record index is narrowed
/// down by splitting the batch. Finished batches are noted in a resume file; Ctrl-C cancels the call in flight (the
/// service rolls it back) and a re-run goes on from there. Rows refused are written to an error workbook next to the
/// input: the same rows and columns, an error column, the bad cells marked with the reason as a note.
/// </summary>
internal sealed partial class ImportEngine(ImportKind kind, CallInvoker? calls, TextWriter output, ImportProgress progress)
{
    private const int MaxShownErrors = 20;
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15)];

    /// <summary>Called after each batch the services confirmed (tests interrupt an import here).</summary>
    public Action<int>? BatchCompleted { get; set; }

    public async Task<ImportSummary> RunAsync(ImportRequest request, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var file = Path.GetFullPath(request.File);
        var input = SheetTables.Find(kind, WorkbookReader.Read(file), request.Sheets);
        foreach (var note in input.Notes)
        {
            Say($"  lưu ý: {note}");
        }
        Say($"Đọc {Path.GetFileName(file)}: {Numbers.Format(input.RowCount)} dòng dữ liệu loại {kind.Name} ({kind.Title}) trên "
            + $"{string.Join(", ", input.Tables.Select(t => $"trang \"{t.Sheet}\" (tiêu đề dòng {t.HeaderRowNumber})"))}.");

        var rows = Build(input);
        if (request.CheckReferences && calls is not null)
        {
            await CheckReferencesAsync(rows, cancellation);
        }
        var invalid = rows.Count(r => r.Rejected);
        Say($"Kiểm tra: {Numbers.Format(rows.Count - invalid)} dòng hợp lệ, {Numbers.Format(invalid)} dòng có lỗi.");

        if (request.DryRun)
        {
            var workbook = WriteErrors(file, request, rows, input);
            ShowErrors(rows, workbook);
            return new ImportSummary(rows.Count, 0, 0, invalid, 0, workbook, false, watch.Elapsed);
        }
        if (calls is null)
        {
            throw new InvalidOperationException("An import needs a connection.");
        }
        return await ImportAsync(file, request, input, rows, watch, cancellation);
    }

    private List<RowState> Build(InputTables input)
    {
        var rows = new List<RowState>(input.RowCount);
        foreach (var source in input.Rows)
        {
            var reader = new RowReader(source, kind.ColumnsByKey);
            rows.Add(new RowState(reader, rows.Count) { Record = kind.BuildRecord(reader) });
        }
        return rows;
    }

    private async Task CheckReferencesAsync(List<RowState> rows, CancellationToken cancellation)
    {
        var uses = rows.Where(r => !r.Rejected && r.Reader.Units.Count > 0).ToList();
        if (uses.Count > 0)
        {
            try
            {
                var registry = await UnitRegistrySnapshot.LoadAsync(calls!, cancellation);
                var refused = 0;
                foreach (var row in uses)
                {
                    foreach (var use in row.Reader.Units.Where(u => !registry.Existed(u.Unit, u.Day)))
                    {
                        row.Errors.Add(new RowError(use.ColumnKey, registry.Refusal(use.Unit, use.Day)));
                        refused++;
                    }
                }
                Say($"Đối chiếu danh mục đơn vị ({Numbers.Format(registry.Units)} đơn vị): {Numbers.Format(refused)} ô nêu đơn vị không tồn tại vào ngày của dòng.");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                Say($"  lưu ý: không đối chiếu được danh mục đơn vị (ứng dụng cần quyền organisation.read): {e.Status.Detail}. "
                    + "Dịch vụ vẫn kiểm tra đơn vị khi nhập.");
            }
        }
        var valid = rows.Where(r => !r.Rejected).Select(r => (r.Reader, r.Record!)).ToList();
        if (valid.Count > 0)
        {
            await kind.CheckReferencesAsync(valid, calls!, note => Say($"  lưu ý: {note}"), cancellation);
        }
    }

    private async Task<ImportSummary> ImportAsync(string file, ImportRequest request, InputTables input, List<RowState> rows, Stopwatch watch, CancellationToken cancellation)
    {
        var batchSize = Math.Max(1, request.BatchSize ?? kind.BatchSize);
        var resumePath = ResumeState.PathFor(file);
        var sha = ResumeState.Fingerprint(file);
        var state = (request.Resume ? ResumeState.Load(resumePath, kind.Name, sha, batchSize) : null)
            ?? new ResumeState { Kind = kind.Name, FileSha256 = sha, BatchSize = batchSize };
        var bySheetRow = rows.ToDictionary(r => (r.Source.Sheet, r.Source.RowNumber));
        foreach (var rejection in state.Rejections)
        {
            if (bySheetRow.TryGetValue((rejection.Sheet, rejection.Row), out var row) && !row.Errors.Any(e => e.Message == rejection.Message))
            {
                row.Errors.Add(new RowError(rejection.Column, rejection.Message));
            }
        }
        var batches = Enumerable.Range(0, (rows.Count + batchSize - 1) / batchSize).ToList();
        var resumedRows = state.DoneBatches.Where(b => b < batches.Count).Sum(b => (long)Math.Min(batchSize, rows.Count - b * batchSize));
        if (state.DoneBatches.Count > 0)
        {
            Say($"Tiếp tục lần nhập trước: {state.DoneBatches.Count} lô ({Numbers.Format(resumedRows)} dòng) đã xong, bỏ qua.");
        }
        var gate = new Lock();
        var interrupted = false;
        try
        {
            await progress.RunAsync($"Nhập {kind.Name}", rows.Count, async advance =>
            {
                advance(resumedRows);
                var todo = batches.Where(b => !state.DoneBatches.Contains(b)).ToList();
                await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = kind.Parallelism, CancellationToken = cancellation },
                    async (batch, token) =>
                    {
                        var slice = rows.Skip(batch * batchSize).Take(batchSize).ToList();
                        var pending = slice.Where(r => !r.Rejected).ToList();
                        var (accepted, present, refused) = await SendAsync(pending, token);
                        lock (gate)
                        {
                            state.Accepted += accepted;
                            state.AlreadyPresent += present;
                            state.Rejections.AddRange(refused.SelectMany(r => r.Errors.Select(e => new ResumeState.Rejection(r.Source.Sheet, r.Source.RowNumber, e.ColumnKey, e.Message))));
                            state.DoneBatches.Add(batch);
                            state.Save(resumePath);
                        }
                        advance(slice.Count);
                        BatchCompleted?.Invoke(batch);
                    });
            });
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            interrupted = true;
        }
        if (!interrupted)
        {
            File.Delete(resumePath);
        }
        var workbook = WriteErrors(file, request, rows, input);
        var rejected = rows.LongCount(r => r.Rejected);
        var summary = new ImportSummary(rows.Count, state.Accepted, state.AlreadyPresent, rejected, resumedRows, workbook, interrupted, watch.Elapsed);
        ShowErrors(rows, workbook);
        return summary;
    }

    /// <summary>
    /// Sends the rows in one call; on a refusal naming records, sets those rows aside with the service's reasons and
    /// sends the rest again; on a refusal naming none, splits the rows in two. Returns the counts and the rows refused.
    /// </summary>
    private async Task<(long Accepted, long Present, List<RowState> Refused)> SendAsync(List<RowState> rows, CancellationToken cancellation)
    {
        var refused = new List<RowState>();
        long accepted = 0, present = 0;
        var queue = new Stack<List<RowState>>();
        queue.Push(rows);
        while (queue.Count > 0)
        {
            var pending = queue.Pop();
            var attempt = 0;
            while (pending.Count > 0)
            {
                try
                {
                    var result = await kind.SendRecordsAsync(calls!, pending.Select(r => r.Record!).ToList(), cancellation);
                    accepted += result.Accepted;
                    present += result.AlreadyPresent;
                    foreach (var (index, refusal) in result.Refused ?? [])
                    {
                        var row = pending[index];
                        var violations = Violations(refusal);
                        if (violations.Count == 0)
                        {
                            violations.Add(new Violation(index, string.Empty, refusal.Status.Detail));
                        }
                        foreach (var violation in violations)
                        {
                            row.Errors.Add(new RowError(kind.ColumnOfField(violation.Path)?.Key, Reason(refusal, violation)));
                        }
                        refused.Add(row);
                    }
                    break;
                }
                catch (RpcException e) when (IsRefusal(e))
                {
                    var violations = Violations(e);
                    var named = violations.Where(v => v.Index is { } i && i < pending.Count).GroupBy(v => v.Index!.Value).ToList();
                    var known = named.Where(g => g.All(v => kind.MeansAlreadyPresent(e, v.Path))).Select(g => g.Key).ToHashSet();
                    if (known.Count > 0)
                    {
                        present += known.Count;
                        pending = pending.Where((_, i) => !known.Contains(i)).ToList();
                        continue;
                    }
                    if (named.Count > 0)
                    {
                        foreach (var group in named)
                        {
                            var row = pending[group.Key];
                            foreach (var violation in group)
                            {
                                row.Errors.Add(new RowError(kind.ColumnOfField(violation.Path)?.Key, Reason(e, violation)));
                            }
                            refused.Add(row);
                        }
                        var bad = named.Select(g => g.Key).ToHashSet();
                        pending = pending.Where((_, i) => !bad.Contains(i)).ToList();
                        continue;
                    }
                    if (e.StatusCode == StatusCode.PermissionDenied)
                    {
                        throw new ImportAbortedException(ExitCodes.NotAuthorized,
                            $"dịch vụ từ chối quyền ghi ({kind.WriteScope}): {e.Status.Detail}");
                    }
                    if (pending.Count == 1)
                    {
                        pending[0].Errors.Add(new RowError(violations.Select(v => kind.ColumnOfField(v.Path)?.Key).FirstOrDefault(k => k is not null), Reason(e, violations.FirstOrDefault())));
                        refused.Add(pending[0]);
                        break;
                    }
                    queue.Push(pending[(pending.Count / 2)..]);
                    queue.Push(pending[..(pending.Count / 2)]);
                    break;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
                {
                    throw new ImportAbortedException(ExitCodes.NotAuthorized,
                        $"dịch vụ không chấp nhận mã truy cập ({e.Status.Detail}): đăng nhập lại bằng \"cchc login\" rồi chạy lại lệnh để nhập tiếp");
                }
                catch (RpcException e) when (IsTransient(e) && !cancellation.IsCancellationRequested)
                {
                    if (attempt == Backoff.Length)
                    {
                        throw new ImportAbortedException(ExitCodes.Unavailable,
                            $"dịch vụ không trả lời sau {Backoff.Length + 1} lần thử ({e.StatusCode}: {e.Status.Detail}); chạy lại lệnh để nhập tiếp");
                    }
                    await Task.Delay(Backoff[attempt++], cancellation);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellation);
                }
            }
        }
        return (accepted, present, refused);
    }

    private static bool IsRefusal(RpcException e) => e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition
        or StatusCode.AlreadyExists or StatusCode.NotFound or StatusCode.OutOfRange or StatusCode.PermissionDenied;

    private static bool IsTransient(RpcException e) => e.StatusCode is StatusCode.Unavailable or StatusCode.Aborted
        or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown;

    private sealed record Violation(int? Index, string Path, string Description);

    /// <summary>The field violations of a refusal: google.rpc.BadRequest when present, else "field: reason" pairs of the message.</summary>
    private List<Violation> Violations(RpcException e)
    {
        var list = new List<Violation>();
        if (e.GetRpcStatus()?.GetDetail<BadRequest>() is { } details)
        {
            list.AddRange(details.FieldViolations.Select(v => Parse(v.Field, v.Description)));
        }
        if (list.Count == 0)
        {
            foreach (Match match in MessageField().Matches(e.Status.Detail))
            {
                list.Add(Parse(match.Groups["field"].Value, match.Groups["reason"].Value.Trim()));
            }
        }
        return list;
    }

    private Violation Parse(string field, string description)
    {
        var match = IndexedField().Match(field);
        return match.Success && match.Groups["collection"].Value == kind.Collection
            ? new Violation(int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["path"].Value, description)
            : new Violation(null, field, description);
    }

    private static string Reason(RpcException e, Violation? violation) =>
        violation is { Description.Length: > 0 } v ? v.Description : e.Status.Detail;

    [GeneratedRegex(@"^(?<collection>[a-z_]+)\[(?<index>\d+)\]\.?(?<path>.*)$")]
    private static partial Regex IndexedField();

    [GeneratedRegex(@"(?:^|;\s*)(?<field>[a-z_]+\[\d+\][A-Za-z0-9_.\[\]]*):\s*(?<reason>[^;]+)")]
    private static partial Regex MessageField();

    private string? WriteErrors(string file, ImportRequest request, List<RowState> rows, InputTables input)
    {
        if (!rows.Any(r => r.Rejected))
        {
            return null;
        }
        var path = request.ErrorWorkbook ?? ErrorWorkbook.PathFor(file);
        ErrorWorkbook.Write(path, kind, input, rows, Path.GetFileName(file));
        return path;
    }

    private void ShowErrors(List<RowState> rows, string? workbook)
    {
        var rejected = rows.Where(r => r.Rejected).ToList();
        foreach (var row in rejected.Take(MaxShownErrors))
        {
            foreach (var error in row.Errors)
            {
                Say("  " + ErrorWorkbook.Describe(kind, row.Source, error));
            }
        }
        if (rejected.Count > MaxShownErrors)
        {
            Say($"  … và {Numbers.Format(rejected.Count - MaxShownErrors)} dòng lỗi khác.");
        }
        if (workbook is not null)
        {
            Say($"Các dòng lỗi (ô sai tô đỏ, lý do trong ghi chú và cột \"{ErrorWorkbook.ErrorHeader}\"): {workbook}");
        }
    }

    private void Say(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
