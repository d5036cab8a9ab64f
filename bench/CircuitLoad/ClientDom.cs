using System.Text;

namespace CustomerInsight.CircuitLoad;

/// <summary>A node of the client-side page: an element, a text, a markup block or a component's place.</summary>
public abstract class DomNode
{
    public DomNode? Parent { get; internal set; }

    /// <summary>The logical children (an element's or a component's; regions are flattened as the browser renderer does).</summary>
    public List<DomNode> Children { get; } = [];

    public virtual void AppendText(StringBuilder text)
    {
        foreach (var child in Children)
        {
            child.AppendText(text);
        }
    }

    /// <summary>The text this node shows (markup blocks without their tags).</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    /// <summary>The nodes under this one, in document order (an explicit stack: pages are deep, nested iterators cost).</summary>
    public IEnumerable<DomNode> Descendants()
    {
        var stack = new Stack<DomNode>();
        for (var i = Children.Count - 1; i >= 0; i--)
        {
            stack.Push(Children[i]);
        }
        while (stack.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    public IEnumerable<DomNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }
}

public sealed class ElementNode(string name) : DomNode
{
    public string Name { get; } = name;

    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>The event handlers the server attached (event attribute name, e.g. "onclick", to its handler id).</summary>
    public Dictionary<string, ulong> EventHandlers { get; } = new(StringComparer.Ordinal);

    public string? Attribute(string attribute) => Attributes.GetValueOrDefault(attribute);

    public bool HasClass(string cssClass)
    {
        var value = Attribute("class");
        if (value is null)
        {
            return false;
        }
        foreach (var part in value.AsSpan().Split(' '))
        {
            if (value.AsSpan()[part].SequenceEqual(cssClass))
            {
                return true;
            }
        }
        return false;
    }

    public override string ToString() => $"<{Name} {string.Join(' ', Attributes.Select(a => $"{a.Key}=\"{a.Value}\""))}>";
}

public sealed class TextNode(string? value) : DomNode
{
    public string? Value { get; set; } = value;

    public override void AppendText(StringBuilder text) => text.Append(Value);
}

public sealed class MarkupNode(string? value) : DomNode
{
    public string? Value { get; set; } = value;

    public override void AppendText(StringBuilder text) =>
        text.Append(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(Value ?? "", "<[^>]*>", "")));
}

public sealed class ComponentNode(int componentId) : DomNode
{
    public int ComponentId { get; } = componentId;
}

/// <summary>
/// The page as a browser would hold it, built from render batches the way blazor.web.js's renderer applies them: each
/// component has a logical container; its diff's edits insert, remove, update and permute its logical children.
/// </summary>
public sealed class ClientDom
{
    private readonly Dictionary<int, ComponentNode> components = [];
    private readonly List<ComponentNode> roots = [];

    /// <summary>The root components (attached by <c>JS.AttachComponent</c>) and their trees.</summary>
    public IReadOnlyList<ComponentNode> Roots => roots;

    public int BatchesApplied { get; private set; }

    public void AttachRoot(int componentId)
    {
        var node = Component(componentId);
        if (!roots.Contains(node))
        {
            roots.Add(node);
        }
    }

    public IEnumerable<DomNode> AllNodes() => roots.SelectMany(root => root.Descendants());

    public IEnumerable<ElementNode> Elements() => AllNodes().OfType<ElementNode>();

    public ElementNode? ByTestId(string testId) => Elements().FirstOrDefault(e => e.Attribute("data-testid") == testId);

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.UpdatedComponents)
        {
            ApplyEdits(Component(diff.ComponentId), diff.Edits, batch.ReferenceFrames);
        }
        foreach (var id in batch.DisposedComponentIds)
        {
            components.Remove(id);
        }
        BatchesApplied++;
    }

    private ComponentNode Component(int id)
    {
        if (!components.TryGetValue(id, out var node))
        {
            node = new ComponentNode(id);
            components[id] = node;
        }
        return node;
    }

    private void ApplyEdits(ComponentNode component, IReadOnlyList<Edit> edits, IReadOnlyList<Frame> frames)
    {
        DomNode parent = component;
        var depth = 0;
        List<(int From, int To)>? permutations = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(parent, edit.SiblingIndex, frames, edit.ReferenceFrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children[edit.SiblingIndex].Parent = null;
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    if (parent.Children[edit.SiblingIndex] is ElementNode element)
                    {
                        SetAttribute(element, frames[edit.ReferenceFrameIndex]);
                    }
                    break;
                case EditType.RemoveAttribute:
                    if (parent.Children[edit.SiblingIndex] is ElementNode target && edit.RemovedAttributeName is { } name)
                    {
                        target.Attributes.Remove(name);
                        target.EventHandlers.Remove(name);
                    }
                    break;
                case EditType.UpdateText:
                    ((TextNode)parent.Children[edit.SiblingIndex]).Value = frames[edit.ReferenceFrameIndex].Value;
                    break;
                case EditType.UpdateMarkup:
                    ((MarkupNode)parent.Children[edit.SiblingIndex]).Value = frames[edit.ReferenceFrameIndex].Value;
                    break;
                case EditType.StepIn:
                    parent = parent.Children[edit.SiblingIndex];
                    depth++;
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? throw new InvalidOperationException("A step out of the component's root.");
                    depth--;
                    break;
                case EditType.PermutationListEntry:
                    (permutations ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var moved = permutations!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moved)
                    {
                        parent.Children[to] = node;
                    }
                    permutations = null;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {edit.Type}.");
            }
        }
        if (depth != 0)
        {
            throw new InvalidOperationException($"The edits of component {component.ComponentId} end at depth {depth}.");
        }
    }

    /// <summary>Inserts the frame at <paramref name="index"/>; returns how many logical children it added.</summary>
    private int InsertFrame(DomNode parent, int index, IReadOnlyList<Frame> frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new ElementNode(frame.Name ?? "");
                Insert(parent, index, element);
                var end = frameIndex + frame.SubtreeLength;
                var child = frameIndex + 1;
                for (; child < end && frames[child].Type == FrameType.Attribute; child++)
                {
                    SetAttribute(element, frames[child]);
                }
                InsertRange(element, 0, frames, child, end);
                return 1;
            case FrameType.Text:
                Insert(parent, index, new TextNode(frame.Value));
                return 1;
            case FrameType.Markup:
                Insert(parent, index, new MarkupNode(frame.Value));
                return 1;
            case FrameType.Component:
                Insert(parent, index, Component(frame.ComponentId));
                return 1;
            case FrameType.Region:
                return InsertRange(parent, index, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            default:
                // Reference captures, render modes, named events and stray attributes add no node.
                return 0;
        }
    }

    private int InsertRange(DomNode parent, int index, IReadOnlyList<Frame> frames, int start, int endExclusive)
    {
        var inserted = 0;
        for (var i = start; i < endExclusive; i += Math.Max(1, Span(frames[i])))
        {
            var added = InsertFrame(parent, index + inserted, frames, i);
            inserted += added;
        }
        return inserted;
    }

    /// <summary>How many frames a frame spans (itself and its descendants).</summary>
    private static int Span(Frame frame) => frame.Type is FrameType.Element or FrameType.Component or FrameType.Region ? frame.SubtreeLength : 1;

    private static void Insert(DomNode parent, int index, DomNode node)
    {
        node.Parent?.Children.Remove(node);
        node.Parent = parent;
        parent.Children.Insert(index, node);
    }

    private static void SetAttribute(ElementNode element, Frame attribute)
    {
        var name = attribute.Name ?? "";
        if (attribute.EventHandlerId != 0)
        {
            element.EventHandlers[name] = attribute.EventHandlerId;
            return;
        }
        element.Attributes[name] = attribute.Value;
    }
}
