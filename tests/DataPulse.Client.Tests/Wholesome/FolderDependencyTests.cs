using Xunit.Abstractions;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>
/// The house as the README draws it: which folder of <c>src/DataPulse.Client</c> uses which, read from what the code
/// refers to, with no cycle between folders.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Folders_UseEachOtherWithoutCycles()
    {
        var edges = Edges();
        foreach (var (from, to) in edges.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value.Select(t => (e.Key, t))))
        {
            output.WriteLine($"{Name(from)} -> {Name(to.Folder)} ({to.Because})");
        }

        var cycles = Cycles(edges.ToDictionary(e => e.Key, e => e.Value.Select(t => t.Folder).ToHashSet()));
        cycles.Should().BeEmpty();
    }

    private static Dictionary<string, List<(string Folder, string Because)>> Edges()
    {
        var tree = SourceTree.Client;
        var edges = new Dictionary<string, List<(string Folder, string Because)>>(StringComparer.Ordinal);
        foreach (var file in tree.Files)
        {
            var from = tree.FolderOf(file.FilePath);
            foreach (var (type, folder) in tree.TypesUsedBy(file))
            {
                if (folder == from)
                {
                    continue;
                }

                var list = edges.TryGetValue(from, out var existing) ? existing : edges[from] = [];
                if (!list.Any(e => e.Folder == folder))
                {
                    list.Add((folder, $"{tree.RelativePath(file)} uses {type.Name}"));
                }
            }
        }

        return edges;
    }

    private static string Name(string folder) => folder.Length == 0 ? "(root)" : folder;

    /// <summary>Every strongly connected group of more than one folder (Tarjan), as "A -> B -> A".</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = 0;
        var stack = new Stack<string>();
        var indices = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var onStack = new HashSet<string>();
        var groups = new List<string>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!indices.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }

            if (lowLinks[node] == indices[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);
                if (group.Count > 1)
                {
                    groups.Add(string.Join(", ", group.Select(Name).Order(StringComparer.Ordinal)));
                }
            }
        }

        foreach (var node in graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return groups;
    }
}
