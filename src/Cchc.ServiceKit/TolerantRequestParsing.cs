using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Cchc.ServiceKit;

/// <summary>
/// Request parsing that lets the input guard refuse what Google.Protobuf cannot parse. Google.Protobuf refuses a
/// string field that is not UTF-8 while it parses the request, before any interceptor runs: grpc-dotnet then answers
/// UNKNOWN, unaudited. Here a request that fails to parse is read again: each string field that is not UTF-8 is
/// decoded with U+FFFD in place of the bad bytes (the input guard refuses U+FFFD, naming the field), and a request that
/// is malformed in another way becomes an empty message marked unreadable (the guard refuses it as a whole). Either way
/// the call goes through the interceptors: the security layer audits the refusal.
/// </summary>
public static class TolerantRequestParsing
{
    private static readonly ConditionalWeakTable<object, string> Unreadable = new();

    /// <summary>Whether <paramref name="message"/> stands for a request that could not be parsed at all.</summary>
    public static bool IsUnreadable(object message) => Unreadable.TryGetValue(message, out _);

    /// <summary>A marshaller for <typeparamref name="T"/> that parses as <paramref name="marshaller"/> does, tolerantly when that fails.</summary>
    public static Marshaller<T> Wrap<T>(Marshaller<T> marshaller) where T : class
    {
        ArgumentNullException.ThrowIfNull(marshaller);
        if (!typeof(IMessage).IsAssignableFrom(typeof(T)))
        {
            return marshaller;
        }
        var deserialize = marshaller.ContextualDeserializer;
        return new Marshaller<T>(marshaller.ContextualSerializer, context =>
        {
            try
            {
                return deserialize(context);
            }
            catch (InvalidProtocolBufferException)
            {
                return Reparse<T>(context.PayloadAsReadOnlySequence().ToArray());
            }
        });
    }

    /// <summary>Parses <paramref name="payload"/> with every non-UTF-8 string repaired; an unreadable placeholder when it is malformed otherwise.</summary>
    public static T Reparse<T>(byte[] payload) where T : class
    {
        var message = (IMessage)Activator.CreateInstance(typeof(T))!;
        try
        {
            var repaired = Repair(payload, message.Descriptor, 0);
            message.MergeFrom(repaired ?? payload);
            return (T)message;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or MalformedException)
        {
            var placeholder = (T)Activator.CreateInstance(typeof(T))!;
            Unreadable.AddOrUpdate(placeholder, KitMessages.Unreadable);
            return placeholder;
        }
    }

    /// <summary>
    /// The message's wire bytes with every string field (at any depth) that is not UTF-8 replaced by its lenient
    /// decoding, or null when nothing needed repair. Other fields are copied as they are.
    /// </summary>
    private static byte[]? Repair(byte[] payload, MessageDescriptor descriptor, int depth)
    {
        if (depth > 64)
        {
            throw new MalformedException();
        }
        var input = new CodedInputStream(payload);
        using var buffer = new MemoryStream(payload.Length + 16);
        var output = new CodedOutputStream(buffer);
        var changed = false;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            output.WriteTag(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.Varint:
                    output.WriteUInt64(input.ReadUInt64());
                    break;
                case WireFormat.WireType.Fixed64:
                    output.WriteFixed64(input.ReadFixed64());
                    break;
                case WireFormat.WireType.Fixed32:
                    output.WriteFixed32(input.ReadFixed32());
                    break;
                case WireFormat.WireType.LengthDelimited:
                    var bytes = input.ReadBytes().ToByteArray();
                    if (field?.FieldType == FieldType.String && !Utf8.IsValid(bytes))
                    {
                        bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
                        changed = true;
                    }
                    else if (field?.FieldType == FieldType.Message && Repair(bytes, field.MessageType, depth + 1) is { } nested)
                    {
                        bytes = nested;
                        changed = true;
                    }
                    output.WriteBytes(ByteString.CopyFrom(bytes));
                    break;
                default:
                    // Groups do not exist in proto3: the request is malformed.
                    throw new MalformedException();
            }
        }
        output.Flush();
        return changed ? buffer.ToArray() : null;
    }

    /// <summary>Wire bytes no proto3 message can have (a group, nesting beyond any of ours).</summary>
    private sealed class MalformedException : Exception;
}
