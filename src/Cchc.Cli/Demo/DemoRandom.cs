namespace Cchc.Cli.Demo;

/// <summary>
/// A small deterministic random generator (SplitMix64). The demo data must be byte-for-byte the same on
/// every machine and .NET version, so it does not depend on <see cref="Random"/>'s algorithm.
/// </summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) =>
        maxExclusive <= 0 ? throw new ArgumentOutOfRangeException(nameof(maxExclusive)) : (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A stateless hash of a key: the same key always gives the same value.</summary>
    public static ulong Hash(ulong a, ulong b = 0, ulong c = 0) => Mix(Mix(Mix(a) ^ b) ^ c);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
