using System.Buffers.Binary;
using System.Text;

namespace CustomerInsight.CircuitLoad;

/// <summary>The kinds of render tree frames of a render batch (Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType).</summary>
public enum FrameType
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
    ComponentRenderMode = 9,
    NamedEvent = 10,
}

/// <summary>The kinds of edits of a component's diff (RenderTreeEditType).</summary>
public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>
/// One frame as the server serialises it: for an element its name, for text and markup their content, for an attribute
/// its name, string value (null for non-string values and false) and event handler id (0: none).
/// </summary>
public readonly record struct Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong EventHandlerId);

/// <summary>One edit; <see cref="ReferenceFrameIndex"/> is also the target sibling index of a permutation entry.</summary>
public readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <summary>
/// A render batch read from the binary form the server sends in <c>JS.RenderBatch</c> (RenderBatchWriter in ASP.NET Core:
/// fixed-size entries, then the offsets of each part at the end, strings as length-prefixed UTF-8 in a table).
/// </summary>
public sealed record RenderBatch(IReadOnlyList<ComponentDiff> UpdatedComponents, IReadOnlyList<Frame> ReferenceFrames,
    IReadOnlyList<int> DisposedComponentIds, IReadOnlyList<ulong> DisposedEventHandlerIds)
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20)
        {
            throw new FormatException($"A render batch of {data.Length} bytes is too short.");
        }
        var trailer = data.Length - 20;
        var componentsAt = Int(data, trailer);
        var framesAt = Int(data, trailer + 4);
        var disposedComponentsAt = Int(data, trailer + 8);
        var disposedHandlersAt = Int(data, trailer + 12);
        var stringsAt = Int(data, trailer + 16);

        var strings = new string[(trailer - stringsAt) / 4];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = ReadString(data, Int(data, stringsAt + (4 * i)));
        }
        string? Str(int index) => index < 0 ? null : strings[index];

        var frameCount = Int(data, framesAt);
        var frames = new Frame[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            var at = framesAt + 4 + (i * FrameSize);
            var type = (FrameType)Int(data, at);
            int a = Int(data, at + 4), b = Int(data, at + 8);
            frames[i] = type switch
            {
                FrameType.Element => new Frame(type, a, 0, Str(b), null, 0),
                FrameType.Text or FrameType.Markup => new Frame(type, 0, 0, null, Str(a), 0),
                FrameType.Attribute => new Frame(type, 0, 0, Str(a), Str(b), BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 12)..])),
                FrameType.Component => new Frame(type, a, b, null, null, 0),
                FrameType.Region => new Frame(type, a, 0, null, null, 0),
                FrameType.ElementReferenceCapture => new Frame(type, 0, 0, null, Str(a), 0),
                _ => new Frame(type, 0, 0, null, null, 0),
            };
        }

        var diffCount = Int(data, componentsAt);
        var diffs = new ComponentDiff[diffCount];
        for (var i = 0; i < diffCount; i++)
        {
            var at = Int(data, componentsAt + 4 + (4 * i));
            var editCount = Int(data, at + 4);
            var edits = new Edit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var editAt = at + 8 + (e * EditSize);
                edits[e] = new Edit((EditType)Int(data, editAt), Int(data, editAt + 4), Int(data, editAt + 8), Str(Int(data, editAt + 12)));
            }
            diffs[i] = new ComponentDiff(Int(data, at), edits);
        }

        var disposedComponents = new int[Int(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++)
        {
            disposedComponents[i] = Int(data, disposedComponentsAt + 4 + (4 * i));
        }
        var disposedHandlers = new ulong[Int(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
        {
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlersAt + 4 + (8 * i))..]);
        }
        return new RenderBatch(diffs, frames, disposedComponents, disposedHandlers);
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    /// <summary>A string as BinaryWriter writes it: its UTF-8 length as a 7-bit encoded integer, then the bytes.</summary>
    private static string ReadString(ReadOnlySpan<byte> data, int at)
    {
        int length = 0, shift = 0;
        byte next;
        do
        {
            next = data[at++];
            length |= (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        return Encoding.UTF8.GetString(data.Slice(at, length));
    }
}
