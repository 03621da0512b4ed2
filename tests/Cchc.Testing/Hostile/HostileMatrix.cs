using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cchc.Testing.Hostile;

/// <summary>
/// The hostile-input matrix of the write RPCs of a service (issue 12): cases generated from each RPC's descriptor — for
/// every field of a valid request (or of the 1,000th record of a stream), the kinds of malformed input its type admits —
/// plus the RPC's hand-written <see cref="DomainCase"/>s. Each case is run by <see cref="HostileRunner"/>.
/// </summary>
public static partial class HostileMatrix
{
    public const string Missing = "missing";
    public const string Empty = "empty";
    public const string Whitespace = "whitespace";
    public const string TenMegabytes = "10 MB string";
    public const string Nul = "NUL";
    public const string Control = "control characters";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string Noncharacter = "U+FFFE";
    public const string ImpossibleDate = "impossible date";
    public const string DayMin = "0001-01-01 as a day";
    public const string DayMax = "9999-12-31 as a day";
    public const string InstantMin = "0001-01-01 as an instant";
    public const string InstantMax = "9999-12-31 as an instant";
    public const string Negative = "negative number";
    public const string IntegerMax = "integer max";
    public const string UnknownEnum = "unknown enum";

    /// <summary>The record of a stream that carries the hostile input: the 1,000th.</summary>
    public const int BadRecordIndex = 999;

    /// <summary>Every case of <paramref name="rpcs"/>, generated and hand-written, by unique name.</summary>
    public static IReadOnlyList<HostileCase> Cases(IEnumerable<WriteRpc> rpcs)
    {
        var cases = new List<HostileCase>();
        foreach (var rpc in rpcs)
        {
            cases.AddRange(Generated(rpc));
            cases.AddRange(rpc.Domain.Select(d => new HostileCase(rpc, d.Kind, d.Field, d.Build, d.Expected, d.Field, Arrange: d.Arrange)));
        }
        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? cases : throw new InvalidOperationException($"Two cases named {duplicate.Key}.");
    }

    /// <summary>The cases' names, as theory data.</summary>
    public static IEnumerable<object[]> Names(IEnumerable<WriteRpc> rpcs) => Cases(rpcs).Select(c => new object[] { c.Name });

    /// <summary>The cases generated from the descriptor of <paramref name="rpc"/>'s request (or record).</summary>
    public static IEnumerable<HostileCase> Generated(WriteRpc rpc)
    {
        var sample = rpc.Valid("sample", 0);
        foreach (var leaf in MessagePaths.Leaves(sample).Where(l => !rpc.NotGenerated.Contains(l.Path)))
        {
            var optional = rpc.Optional.Contains(leaf.Path);
            HostileCase Case(string kind, object? value, string? marker = null) =>
                new(rpc, kind, leaf.Path, run => With(rpc.Valid(run, BadRecordIndex), leaf.Path, value), StatusCode.InvalidArgument, leaf.Path, marker);

            switch (leaf.Field.FieldType)
            {
                case FieldType.String:
                    var current = (string?)MessagePaths.Get(sample, leaf.Path) ?? string.Empty;
                    if (!optional && current.Length > 0)
                    {
                        yield return Case(Empty, string.Empty);
                    }
                    yield return Case(Whitespace, "   ");
                    yield return Case(TenMegabytes, new string('x', 10 * 1024 * 1024));
                    yield return Case(Nul, Insert(current, "\0"));
                    yield return Case(Control, Insert(current, "\a\u001b\b"));
                    yield return Case(Noncharacter, Insert(current, "\uFFFE"));
                    var marker = "ZZ" + Guid.NewGuid().ToString("N")[..12];
                    yield return Case(InvalidUtf8, marker, marker);
                    if (IsoDay().IsMatch(current))
                    {
                        yield return Case(ImpossibleDate, current[..4] == "2019" ? "2018-02-29" : "2019-02-29");
                        yield return Case(DayMin, "0001-01-01");
                        yield return Case(DayMax, "9999-12-31");
                    }
                    break;
                case FieldType.Enum:
                    if (!optional)
                    {
                        yield return Case(Missing, 0);
                    }
                    yield return Case(UnknownEnum, 999);
                    break;
                case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                    yield return Case(Negative, -1L);
                    yield return Case(IntegerMax, long.MaxValue);
                    break;
                case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                    yield return Case(Negative, -1);
                    yield return Case(IntegerMax, int.MaxValue);
                    break;
                case FieldType.Message when leaf.IsTimestamp:
                    if (!optional && !leaf.Field.IsRepeated)
                    {
                        yield return Case(Missing, null);
                    }
                    yield return Case(InstantMin, Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue));
                    yield return Case(InstantMax, Timestamp.FromDateTimeOffset(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero)));
                    break;
                case FieldType.Message when !optional && !leaf.InOneof && !leaf.Field.IsRepeated:
                    yield return Case(Missing, null);
                    break;
            }
        }
    }

    /// <summary>The message with the field at <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static IMessage With(IMessage message, string path, object? value)
    {
        MessagePaths.Set(message, path, value);
        return message;
    }

    /// <summary>Text with <paramref name="bad"/> inside it (after its first character), or <paramref name="bad"/> alone.</summary>
    private static string Insert(string text, string bad) => text.Length == 0 ? "a" + bad + "b" : text[..1] + bad + text[1..];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();
}
