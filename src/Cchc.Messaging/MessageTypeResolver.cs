using System.Collections.Concurrent;

namespace Cchc.Messaging;

/// <summary>
/// Finds an event's CLR type from the full name stored in outbox_messages.message_type, searching every
/// loaded assembly (the types live in Cchc.Contracts). Hits are cached; misses are not (an assembly may load later).
/// </summary>
public static class MessageTypeResolver
{
    private static readonly ConcurrentDictionary<string, Type> Cache = new(StringComparer.Ordinal);

    /// <summary>The name stored for a type: its full name. MassTransit requires message types to have a namespace.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrEmpty(type.Namespace) || type.FullName is null || type.IsGenericTypeDefinition)
        {
            throw new ArgumentException(
                $"Type '{type}' cannot be an integration event: it needs a namespace and a full name (MassTransit identifies messages by them).",
                nameof(type));
        }
        return type.FullName;
    }

    /// <summary>Returns the type named <paramref name="fullName"/>, or null when no loaded assembly defines it.</summary>
    public static Type? Resolve(string fullName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullName);
        if (Cache.TryGetValue(fullName, out var cached))
        {
            return cached;
        }

        // A relay started after a crash may not have loaded the contracts assembly yet: load references and retry once.
        var type = Find(fullName) ?? (LoadReferencedAssemblies() ? Find(fullName) : null);
        if (type is not null)
        {
            Cache[fullName] = type;
        }
        return type;
    }

    private static Type? Find(string fullName)
    {
        var type = Type.GetType(fullName, throwOnError: false);
        if (type is not null)
        {
            return type;
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && assembly.GetType(fullName, throwOnError: false) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>Loads the application's own referenced assemblies (not the framework's); true if any was new.</summary>
    private static bool LoadReferencedAssemblies()
    {
        var loaded = new HashSet<string>(
            AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty), StringComparer.Ordinal);
        var queue = new Queue<System.Reflection.Assembly>(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic));
        var any = false;
        while (queue.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var name = reference.Name ?? string.Empty;
                if (loaded.Contains(name) || IsFramework(name))
                {
                    continue;
                }
                loaded.Add(name);
                try
                {
                    queue.Enqueue(System.Reflection.Assembly.Load(reference));
                    any = true;
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Not deployed with the application: nothing to find there.
                }
            }
        }
        return any;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal)
        || name is "netstandard" or "mscorlib" or "WindowsBase";
}
