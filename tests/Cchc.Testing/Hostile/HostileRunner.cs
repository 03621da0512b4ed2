using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace Cchc.Testing.Hostile;

/// <summary>
/// Runs one <see cref="HostileCase"/> against a service and asserts what issue 12 asks of every refusal: the status the
/// case expects (never UNKNOWN or INTERNAL, never accepted), the field named in the google.rpc.BadRequest (for a stream,
/// the record: "records[999].name"), nothing written (every table of the service's database but the audit log unchanged,
/// the outbox included) and the refusal in the audit log (found by the call's idempotency-key). The call is made with
/// raw bytes, so a case can send what no typed client can: a string that is not UTF-8.
/// Set CCHC_HOSTILE_PROBE to a file path to also record each case's outcome there, one line per case (the probe).
/// </summary>
public static class HostileRunner
{
    /// <summary>Records in each batch message of a batch stream.</summary>
    public const int BatchSize = 100;

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    /// <summary>Runs the case named <paramref name="name"/> among the cases of <paramref name="rpcs"/>.</summary>
    public static Task RunAsync(IEnumerable<WriteRpc> rpcs, string name, CallInvoker invoker, string connectionString) =>
        RunAsync(HostileMatrix.Cases(rpcs).Single(c => c.Name == name), invoker, connectionString);

    public static async Task RunAsync(HostileCase c, CallInvoker invoker, string connectionString)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var context = new HostileContext(invoker, connectionString, run);
        if (c.Rpc.Arrange is { } arrangeRpc)
        {
            await arrangeRpc(context);
        }
        if (c.Arrange is { } arrange)
        {
            await arrange(context);
        }
        var before = await DatabaseSnapshot.TakeAsync(connectionString);
        var requestId = "hostile-" + run;
        var options = new CallOptions(new Metadata { { "idempotency-key", requestId } }, deadline: DateTime.UtcNow.AddMinutes(2));
        var field = c.Rpc.IsStreaming ? $"records[{HostileMatrix.BadRecordIndex}].{c.Field}" : c.Field;

        var refusal = await CallAsync(c, invoker, options, run);
        var after = await DatabaseSnapshot.TakeAsync(connectionString);
        var audit = await AuditAsync(connectionString, requestId);
        await ProbeAsync(c, refusal, before, after, audit);

        var detail = refusal is null ? "accepted (OK)" : $"{refusal.StatusCode} \"{Shorten(refusal.Status.Detail)}\"";
        Assert.True(refusal is not null, $"{c.Name}: the call was accepted");
        Assert.True(refusal!.StatusCode == c.Expected, $"{c.Name}: expected {c.Expected}, got {detail}");
        var fields = refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
        Assert.True(fields.Contains(field), $"{c.Name}: the refusal names [{string.Join(", ", fields)}], not {field} ({detail})");
        Assert.True(IsVietnamese(refusal.Status.Detail), $"{c.Name}: the refusal is not described in Vietnamese ({detail})");
        DatabaseSnapshot.AssertUnchanged(before, after, c.Name);
        Assert.True(audit is { Outcome: "refused" } && audit.Value.StatusCode == c.Expected.ToString(),
            $"{c.Name}: no audit entry of the refusal under request id {requestId} (found {audit?.Outcome ?? "none"} {audit?.StatusCode})");
    }

    /// <summary>Sends the case's request (or its stream of 999 valid records and the bad one); the refusal, or null if accepted.</summary>
    private static async Task<RpcException?> CallAsync(HostileCase c, CallInvoker invoker, CallOptions options, string run)
    {
        var method = c.Rpc.Method;
        try
        {
            if (!c.Rpc.IsStreaming)
            {
                var unary = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
                await invoker.AsyncUnaryCall(unary, null, options, Bytes(c.Build(run), c.CorruptMarker));
                return null;
            }
            var streaming = new Method<byte[], byte[]>(MethodType.ClientStreaming, method.Service.FullName, method.Name, Raw, Raw);
            using var call = invoker.AsyncClientStreamingCall(streaming, null, options);
            try
            {
                foreach (var message in Stream(c, run))
                {
                    await call.RequestStream.WriteAsync(message);
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The service refused before the stream ended: its status is the call's.
            }
            catch (InvalidOperationException)
            {
                // Writing after the call completed (the refusal is already there).
            }
            await call.ResponseAsync;
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }

    /// <summary>The stream's messages: records 0..998 valid, record 999 the case's; in batches for a batch stream.</summary>
    private static IEnumerable<byte[]> Stream(HostileCase c, string run)
    {
        var records = Enumerable.Range(0, HostileMatrix.BadRecordIndex).Select(i => c.Rpc.Valid(run, i)).Append(c.Build(run)).ToList();
        if (WriteRpc.BatchField(c.Rpc.Method.InputType) is not { } batchField)
        {
            return records.Select((r, i) => Bytes(r, i == HostileMatrix.BadRecordIndex ? c.CorruptMarker : null));
        }
        return records.Chunk(BatchSize).Select((chunk, k) =>
        {
            var batch = (IMessage)Activator.CreateInstance(c.Rpc.Method.InputType.ClrType)!;
            var list = (IList)batchField.Accessor.GetValue(batch);
            foreach (var record in chunk)
            {
                list.Add(record);
            }
            return Bytes(batch, (k + 1) * BatchSize > HostileMatrix.BadRecordIndex ? c.CorruptMarker : null);
        });
    }

    /// <summary>The message's bytes; with <paramref name="marker"/>, the marker's first byte made 0xFF (a string that is not UTF-8).</summary>
    private static byte[] Bytes(IMessage message, string? marker)
    {
        var bytes = message.ToByteArray();
        if (marker is null)
        {
            return bytes;
        }
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        Assert.True(at >= 0, $"marker {marker} not in the request");
        bytes[at] = 0xFF;
        return bytes;
    }

    private static async Task<(string Outcome, string StatusCode)?> AuditAsync(string connectionString, string requestId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT outcome, status_code FROM audit_entries WHERE request_id = @id ORDER BY sequence DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Vietnamese as the guide promises it: at least one letter with a Vietnamese diacritic.</summary>
    private static bool IsVietnamese(string text) =>
        text.Any(ch => "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ".Contains(char.ToLowerInvariant(ch)));

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static async Task ProbeAsync(HostileCase c, RpcException? refusal, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, (string Outcome, string StatusCode)? audit)
    {
        if (Environment.GetEnvironmentVariable("CCHC_HOSTILE_PROBE") is not { Length: > 0 } file)
        {
            return;
        }
        var outcome = refusal is null ? "ACCEPTED" : refusal.StatusCode.ToString();
        var written = before.Count == after.Count && before.All(kv => after.TryGetValue(kv.Key, out var v) && v == kv.Value) ? "nothing-written" : "WRITTEN";
        var line = $"{c.Rpc.Name}\t{c.Kind}\t{c.Path}\t{outcome}\t{written}\t{(audit is null ? "NOT-AUDITED" : "audited")}\n";
        await File.AppendAllTextAsync(file, line);
    }
}
