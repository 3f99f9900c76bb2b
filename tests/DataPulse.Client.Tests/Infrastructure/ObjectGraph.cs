using System.Collections;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>Walks everything reachable from an object through its fields (private ones too), to find where a secret could hide.</summary>
public static class ObjectGraph
{
    /// <summary>Every string reachable from <paramref name="root"/>, and every header value of every header collection on the way.</summary>
    public static IReadOnlyList<string> Strings(object root)
    {
        var found = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0 && seen.Count < 200_000)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            switch (current)
            {
                case string text:
                    found.Add(text);
                    continue;
                case HttpHeaders headers:
                    foreach (var header in headers.NonValidated)
                    {
                        found.Add($"{header.Key}: {header.Value}");
                    }

                    break;
                case Type or Assembly or MemberInfo or Delegate or Pointer:
                    continue;
            }

            var type = current.GetType();
            if (type.IsPrimitive || type.IsEnum)
            {
                continue;
            }

            if (current is Array array && type.GetElementType() is { IsPrimitive: true })
            {
                continue;
            }

            if (current is IEnumerable items and not HttpHeaders && current is Array or ICollection)
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    object? value;
                    try
                    {
                        value = field.GetValue(current);
                    }
                    catch (Exception ex) when (ex is NotSupportedException or FieldAccessException or TargetInvocationException)
                    {
                        continue;
                    }

                    if (value is not null)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Fails if any string reachable from <paramref name="exception"/> holds a secret part of <paramref name="key"/>.</summary>
    public static void ShouldNotHoldKey(this Exception exception, string key)
    {
        var leaks = Strings(exception).Where(text => KeyLeak.SecretRuns(key).Any(run => text.Contains(run, StringComparison.Ordinal))).ToList();
        leaks.Should().BeEmpty($"no part of the key may be reachable from a {exception.GetType().Name}");
    }
}
