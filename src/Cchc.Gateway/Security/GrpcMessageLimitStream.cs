using System.Buffers.Binary;

namespace Cchc.Gateway.Security;

/// <summary>
/// The request body of a gRPC call, read through: follows the length-prefixed message framing (1 flag byte, 4 bytes
/// big-endian length) and fails the read when a message declares more than the limit, so an oversized message never
/// reaches a service. Bytes already read (the first frame header, checked before proxying) are replayed first.
/// </summary>
internal sealed class GrpcMessageLimitStream(Stream inner, byte[] prefix, long maxMessageBytes) : Stream
{
    private readonly byte[] header = new byte[5];
    private int prefixOffset;
    private int headerFilled;
    private long messageRemaining;

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads the first frame header (up to 5 bytes) from <paramref name="body"/>: null when the first message is too large.</summary>
    public static async Task<GrpcMessageLimitStream?> StartAsync(Stream body, long maxMessageBytes, CancellationToken ct)
    {
        var first = new byte[5];
        var read = await body.ReadAtLeastAsync(first, 5, throwOnEndOfStream: false, ct);
        if (read == 5 && BinaryPrimitives.ReadUInt32BigEndian(first.AsSpan(1)) > maxMessageBytes)
        {
            return null;
        }
        return new GrpcMessageLimitStream(body, first[..read], maxMessageBytes);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (prefixOffset < prefix.Length)
        {
            read = Math.Min(buffer.Length, prefix.Length - prefixOffset);
            prefix.AsMemory(prefixOffset, read).CopyTo(buffer);
            prefixOffset += read;
        }
        else
        {
            read = await inner.ReadAsync(buffer, cancellationToken);
        }
        Track(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Track(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (messageRemaining > 0)
            {
                var skip = (int)Math.Min(messageRemaining, bytes.Length);
                messageRemaining -= skip;
                bytes = bytes[skip..];
                continue;
            }
            var take = Math.Min(5 - headerFilled, bytes.Length);
            bytes[..take].CopyTo(header.AsSpan(headerFilled));
            headerFilled += take;
            bytes = bytes[take..];
            if (headerFilled == 5)
            {
                headerFilled = 0;
                messageRemaining = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                if (messageRemaining > maxMessageBytes)
                {
                    Exceeded = true;
                    throw new IOException($"A gRPC message of {messageRemaining} bytes exceeds the gateway's limit of {maxMessageBytes} bytes.");
                }
            }
        }
    }
}
