using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>Hands out distinct procedure names of one level, in a deterministic shuffled order.</summary>
internal sealed class NamePool
{
    private readonly List<(string Name, ProcedureField Field)> _bases = [];
    private int _next;

    public NamePool(GovernmentLevel level, DemoRandom random)
    {
        foreach (var field in ProcedureFields.For(level))
        {
            foreach (var name in field.Names) _bases.Add((name, field));
            foreach (var document in field.Documents)
            {
                foreach (var verb in ProcedureFields.DocumentVerbs) _bases.Add(($"{verb} {document}", field));
            }
        }
        random.Shuffle(_bases);
    }

    public (string Name, ProcedureField Field) Next()
    {
        var (name, field) = _bases[_next % _bases.Count];
        var round = _next / _bases.Count;
        _next++;
        var variants = ProcedureFields.Variants;
        var suffix = round < variants.Length ? variants[round] : $" (mẫu {round})";
        return (name + suffix, field);
    }
}
