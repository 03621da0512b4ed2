using System.Text.Json;

namespace Cchc.Messaging;

/// <summary>
/// The JSON options outbox payloads are written and read with (the relay deserializes with the same options
/// before MassTransit serializes the message for the wire). Web defaults: camelCase names, case-insensitive
/// reading; enums as numbers (the contracts' numeric values are the wire contract); DateOnly/TimeOnly as ISO
/// strings; <c>required</c> members enforced on reading; metadata properties accepted in any position
/// (jsonb reorders object keys).
/// </summary>
public static class MessagingJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
