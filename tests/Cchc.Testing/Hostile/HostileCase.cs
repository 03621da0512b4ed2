using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Cchc.Testing.Hostile;

/// <summary>What a case may do before the call (write what it needs, e.g. the stored dossier a duplicate differs from).</summary>
public sealed record HostileContext(CallInvoker Invoker, string ConnectionString, string Run);

/// <summary>
/// One write RPC under the hostile-input matrix. <see cref="Valid"/> builds a valid request (a unary RPC) or a valid
/// record (a client-streaming RPC) for a run and a number, unique to them, so that cases never meet each other's data.
/// </summary>
public sealed class WriteRpc(MethodDescriptor method, Func<string, int, IMessage> valid)
{
    public MethodDescriptor Method { get; } = method;

    /// <summary>A valid request or stream record for (run, n).</summary>
    public Func<string, int, IMessage> Valid { get; } = valid;

    /// <summary>Fields (paths relative to the request or the record) that may be empty or missing: no "empty"/"missing" case.</summary>
    public IReadOnlySet<string> Optional { get; init; } = new HashSet<string>();

    /// <summary>Fields the generated cases leave alone (paths relative to the request or the record), with the reason in a comment at the call site.</summary>
    public IReadOnlySet<string> NotGenerated { get; init; } = new HashSet<string>();

    /// <summary>Cases that need the domain's knowledge: dates out of order, unknown references, duplicates with other content…</summary>
    public List<DomainCase> Domain { get; } = [];

    /// <summary>Runs before each case of this RPC (idempotent writes it needs, e.g. the procedure its dossiers name).</summary>
    public Func<HostileContext, Task>? Arrange { get; init; }

    public bool IsStreaming => Method.IsClientStreaming;

    public string Name => $"{Method.Service.Name}/{Method.Name}";

    /// <summary>The message type the cases change: the request, or the record of a stream (inside batches for a batch stream).</summary>
    public MessageDescriptor RecordType => BatchField(Method.InputType)?.MessageType ?? Method.InputType;

    /// <summary>The "records" field of a batch message (a message whose only field is a repeated message field named records).</summary>
    public static FieldDescriptor? BatchField(MessageDescriptor type) =>
        type.Fields.InDeclarationOrder() is [{ IsRepeated: true, FieldType: FieldType.Message, Name: "records" } records] ? records : null;
}

/// <summary>
/// A case written by hand: <see cref="Build"/> makes the bad request (or the bad record, sent 1,000th in its stream) for a
/// run; <see cref="Arrange"/> writes what it needs first. The refusal must have <see cref="Expected"/> and name
/// <see cref="Field"/> (relative to the record for a stream).
/// </summary>
public sealed record DomainCase(string Kind, Func<string, IMessage> Build, StatusCode Expected, string Field, Func<HostileContext, Task>? Arrange = null);

/// <summary>One cell of the matrix: an RPC, a kind of hostile input, the field it is put in, and what must come back.</summary>
public sealed record HostileCase(
    WriteRpc Rpc,
    string Kind,
    string Path,
    Func<string, IMessage> Build,
    StatusCode Expected,
    string Field,
    string? CorruptMarker = null,
    Func<HostileContext, Task>? Arrange = null)
{
    /// <summary>Unique in the matrix; the theory's data.</summary>
    public string Name => $"{Rpc.Name} | {Kind} | {Path}";

    public override string ToString() => Name;
}
