using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;

namespace Hearth.Web.Tests.Architecture;

/// <summary>
/// The shape of the house, checked on the compiled assemblies: features (Hearth.Web.Features.X) may
/// use the pair kernel (Hearth.Web.Pair), the infrastructure and Core, and each other only one way —
/// never in a cycle; the kernel uses no feature; Core uses no web, database or file-system code.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string FeaturesPrefix = "Hearth.Web.Features.";
    private const string KernelNamespace = "Hearth.Web.Pair";

    // Razor compiles each .cshtml into AspNetCoreGeneratedDocument.Features_<Feature>_<Page>: a page's
    // markup belongs to its feature like its page model does.
    private const string RazorPrefix = "AspNetCoreGeneratedDocument.Features_";

    /// <summary>
    /// Known feature-to-feature edges that still close a cycle, each with the reason it stays for now.
    /// The test fails if one of them no longer exists or no longer closes a cycle (the list is not
    /// allowed to go stale), so an entry is removed in the change that breaks its cycle.
    /// </summary>
    private static readonly IReadOnlyDictionary<(string From, string To), string> KnownCycleEdges =
        new Dictionary<(string From, string To), string>
        {
        };

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() =>
        new ArchLoader().LoadAssemblies(typeof(PairSpaces).Assembly, typeof(Hearth.Core.Spaces.RelationshipKind).Assembly).Build());

    [Fact]
    public void No_two_features_depend_on_each_other_in_a_cycle()
    {
        var graph = FeatureGraph();
        var allowed = KnownCycleEdges.Keys.ToHashSet();

        var cycles = Cycles(graph, skip: allowed);
        var stale = allowed.Where(e => !graph.TryGetValue(e.From, out var to) || !to.ContainsKey(e.To)
                || Cycles(graph, skip: allowed.Where(a => a != e).ToHashSet()).Count == 0)
            .Select(e => $"{e.From} -> {e.To}")
            .ToList();

        Assert.True(graph.Count > 10, $"Expected to find the feature namespaces, found {graph.Count}.");
        Assert.True(cycles.Count == 0, "Features depend on each other in a cycle:\n" + string.Join("\n", cycles.Select(c => Describe(c, graph))));
        Assert.True(stale.Count == 0, "These allowed cycle edges no longer close a cycle; remove them from KnownCycleEdges: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_pair_kernel_depends_on_no_feature()
    {
        var uses = Loaded.Value.Types
            .Where(t => t.Namespace.FullName == KernelNamespace || t.Namespace.FullName.StartsWith(KernelNamespace + ".", StringComparison.Ordinal))
            .SelectMany(t => RealDependencies(t).Select(d => (From: t.FullName, To: d.Target)))
            .Where(d => FeatureOf(d.To) is not null)
            .Select(d => $"{d.From} -> {d.To.FullName}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(Loaded.Value.Types.Any(t => t.Namespace.FullName == KernelNamespace), "Expected to find the pair kernel's types.");
        Assert.True(uses.Count == 0, "The pair kernel uses feature types:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void Core_uses_no_web_database_network_or_file_system_code()
    {
        string[] forbiddenNamespaces = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "System.Net", "System.Data", "Npgsql", "Hearth.Web"];
        string[] forbiddenTypes = ["System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream", "System.IO.Path", "System.Net.Http.HttpClient"];

        var core = typeof(Hearth.Core.Spaces.RelationshipKind).Assembly.GetName().Name;
        var uses = Loaded.Value.Types
            .Where(t => t.Assembly.Name.StartsWith(core + ",", StringComparison.Ordinal) || t.Assembly.Name == core)
            .SelectMany(t => RealDependencies(t).Select(d => (From: t.FullName, To: d.Target.FullName, Ns: d.Target.Namespace.FullName)))
            .Where(d => forbiddenNamespaces.Any(n => d.Ns == n || d.Ns.StartsWith(n + ".", StringComparison.Ordinal)) || forbiddenTypes.Contains(d.To))
            .Select(d => $"{d.From} -> {d.To}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(Loaded.Value.Types.Any(t => t.Namespace.FullName.StartsWith("Hearth.Core.", StringComparison.Ordinal)), "Expected to load Hearth.Core's types.");
        Assert.True(uses.Count == 0, "Hearth.Core uses infrastructure:\n" + string.Join("\n", uses));
    }

    /// <summary>
    /// A type's dependencies on real types. ArchUnitNET names a generic method's type parameter after
    /// the first method it met with that parameter name (Core's <c>CheckInWeeks.DoneIn&lt;T&gt;</c> came out
    /// as a use of a <c>T</c> of a Web method), so generic parameters are no dependency here.
    /// </summary>
    private static IEnumerable<ITypeDependency> RealDependencies(IType type) =>
        type.Dependencies.Where(d => d.Target is not GenericParameter);

    /// <summary>The feature a type belongs to: the X of Hearth.Web.Features.X(.…), or of a page compiled from Features/X/.</summary>
    private static string? FeatureOf(IType type)
    {
        var name = type.FullName;
        if (name.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
        {
            var ns = type.Namespace.FullName;
            if (!ns.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
            {
                return null; // the root Hearth.Web.Features (the start page) is no feature
            }

            var rest = ns[FeaturesPrefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? rest : rest[..dot];
        }

        if (name.StartsWith(RazorPrefix, StringComparison.Ordinal))
        {
            var rest = name[RazorPrefix.Length..];
            var underscore = rest.IndexOf('_', StringComparison.Ordinal);
            return underscore <= 0 ? null : rest[..underscore];
        }

        return null;
    }

    /// <summary>Feature -> feature it uses -> the type pairs that make the edge (for the message).</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> FeatureGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var type in Loaded.Value.Types)
        {
            if (FeatureOf(type) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new(StringComparer.Ordinal);
            foreach (var dependency in RealDependencies(type))
            {
                if (FeatureOf(dependency.Target) is { } to && to != from)
                {
                    var why = edges.TryGetValue(to, out var w) ? w : edges[to] = new(StringComparer.Ordinal);
                    why.Add($"{Short(type)} -> {Short(dependency.Target)}");
                }
            }
        }

        return graph;
    }

    private static string Short(IType type) => type.FullName.Replace("Hearth.Web.Features.", "", StringComparison.Ordinal).Replace("AspNetCoreGeneratedDocument.", "", StringComparison.Ordinal);

    /// <summary>
    /// One shortest cycle through each edge that lies on a cycle (without the skipped edges), each
    /// written from its alphabetically first feature, without repeats: "Daily -> Rituals -> Daily".
    /// </summary>
    private static List<List<string>> Cycles(Dictionary<string, Dictionary<string, SortedSet<string>>> graph, HashSet<(string From, string To)> skip)
    {
        var found = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, edges) in graph.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var to in edges.Keys.Order(StringComparer.Ordinal))
            {
                if (skip.Contains((from, to)) || ShortestPath(graph, to, from, skip) is not { } back)
                {
                    continue;
                }

                var cycle = new List<string> { from };
                cycle.AddRange(back); // to … from
                var ring = cycle.Take(cycle.Count - 1).ToList();
                var start = ring.IndexOf(ring.Min(StringComparer.Ordinal)!);
                var normal = ring.Skip(start).Concat(ring.Take(start)).ToList();
                normal.Add(normal[0]);
                found.TryAdd(string.Join(" -> ", normal), normal);
            }
        }

        return found.Values.ToList();
    }

    private static List<string>? ShortestPath(Dictionary<string, Dictionary<string, SortedSet<string>>> graph, string from, string to, HashSet<(string From, string To)> skip)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            if (at == to)
            {
                var path = new List<string> { to };
                while (path[^1] != from)
                {
                    path.Add(previous[path[^1]]);
                }

                path.Reverse();
                return path;
            }

            if (!graph.TryGetValue(at, out var edges))
            {
                continue;
            }

            foreach (var next in edges.Keys.Order(StringComparer.Ordinal))
            {
                if (!skip.Contains((at, next)) && previous.TryAdd(next, at))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, SortedSet<string>>> graph) =>
        string.Join(" -> ", cycle) + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(e =>
            $"    {e.First} -> {e.Second}: {string.Join("; ", graph[e.First][e.Second].Take(3))}{(graph[e.First][e.Second].Count > 3 ? $" (+{graph[e.First][e.Second].Count - 3} more)" : "")}"));
}
