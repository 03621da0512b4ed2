using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.Testing.Hostile;

/// <summary>One field of a request as the matrix sees it: its path ("attributes.name", "events[0].note") and descriptor.</summary>
public sealed record MessageLeaf(string Path, FieldDescriptor Field, bool InOneof)
{
    public bool IsTimestamp => Field.FieldType == FieldType.Message && Field.MessageType.FullName == Timestamp.Descriptor.FullName;

    public bool IsMessage => Field.FieldType == FieldType.Message && !IsTimestamp;
}

/// <summary>Reads the fields of a message by their descriptors and sets one by its path.</summary>
public static partial class MessagePaths
{
    /// <summary>
    /// Every field of <paramref name="message"/> that the request carries: the scalar fields of every message present
    /// (set or not), each element of a repeated field, the set case of a oneof, and each present message field itself.
    /// </summary>
    public static IEnumerable<MessageLeaf> Leaves(IMessage message, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var oneof = field.RealContainingOneof;
            if (field.IsMap || (oneof is not null && oneof.Accessor.GetCaseFieldDescriptor(message) != field))
            {
                continue;
            }
            var path = prefix + field.Name;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var leaf in Element(field, list[i], $"{path}[{i}]", inOneof: false))
                    {
                        yield return leaf;
                    }
                }
            }
            else
            {
                foreach (var leaf in Element(field, field.Accessor.GetValue(message), path, oneof is not null))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static IEnumerable<MessageLeaf> Element(FieldDescriptor field, object? value, string path, bool inOneof)
    {
        var leaf = new MessageLeaf(path, field, inOneof);
        if (leaf.IsMessage)
        {
            if (value is IMessage nested)
            {
                yield return leaf;
                foreach (var inner in Leaves(nested, path + "."))
                {
                    yield return inner;
                }
            }
            yield break;
        }
        if (leaf.IsTimestamp && value is null)
        {
            yield break;
        }
        yield return leaf;
    }

    /// <summary>Sets the field at <paramref name="path"/> (each message on the way must be present) to <paramref name="value"/>; null clears a message field.</summary>
    public static void Set(IMessage root, string path, object? value)
    {
        var segments = path.Split('.');
        IMessage message = root;
        for (var s = 0; s < segments.Length; s++)
        {
            var (name, index) = Segment(segments[s]);
            var field = message.Descriptor.FindFieldByName(name) ?? throw new ArgumentException($"{message.Descriptor.FullName} has no field {name} ({path}).");
            var last = s == segments.Length - 1;
            if (index is { } i)
            {
                var list = (IList)field.Accessor.GetValue(message);
                if (last)
                {
                    list[i] = value;
                    return;
                }
                message = (IMessage)list[i]!;
            }
            else if (last)
            {
                if (value is null)
                {
                    field.Accessor.Clear(message);
                }
                else
                {
                    field.Accessor.SetValue(message, field.FieldType == FieldType.Enum ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : value);
                }
                return;
            }
            else
            {
                message = (IMessage)field.Accessor.GetValue(message);
            }
        }
    }

    /// <summary>The value at <paramref name="path"/>.</summary>
    public static object? Get(IMessage root, string path)
    {
        object? current = root;
        foreach (var segment in path.Split('.'))
        {
            var (name, index) = Segment(segment);
            var message = (IMessage)current!;
            var field = message.Descriptor.FindFieldByName(name) ?? throw new ArgumentException($"{message.Descriptor.FullName} has no field {name} ({path}).");
            current = field.Accessor.GetValue(message);
            if (index is { } i)
            {
                current = ((IList)current)[i];
            }
        }
        return current;
    }

    private static (string Name, int? Index) Segment(string segment)
    {
        var match = IndexedName().Match(segment);
        return match.Success ? (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : (segment, null);
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")]
    private static partial Regex IndexedName();
}
