using Google.Protobuf;

namespace Cchc.Testing.Hostile;

/// <summary>Builds a case's bad request from a valid one in one expression.</summary>
public static class MessageChanges
{
    /// <summary>The message after <paramref name="change"/>.</summary>
    public static T Also<T>(this T message, Action<T> change) where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(change);
        change(message);
        return message;
    }
}
