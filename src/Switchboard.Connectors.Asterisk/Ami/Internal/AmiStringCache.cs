using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>
/// Gives back the same string for the same short bytes, so that making messages does not allocate
/// the keys and values AMI repeats from frame to frame (<c>Privilege: call,all</c>, a call's channel name and
/// Uniqueid in every event of that call...). Direct-mapped: one string per slot, replaced on collision, so it
/// never grows and a miss only costs the string it would have made anyway. One reader uses it; not thread-safe.
/// </summary>
internal sealed class AmiStringCache
{
    private readonly string?[] _slots;
    private readonly byte[]?[] _slotBytes;
    private readonly int _mask;
    private readonly int _maxLength;

    public AmiStringCache(int slots, int maxLength)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The number of slots must be a power of two.");
        }

        _slots = new string?[slots];
        _slotBytes = new byte[]?[slots];
        _mask = slots - 1;
        _maxLength = maxLength;
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > _maxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var index = Hash(utf8) & _mask;
        var cachedBytes = _slotBytes[index];
        if (cachedBytes is not null && utf8.SequenceEqual(cachedBytes))
        {
            return _slots[index]!;
        }

        var created = Encoding.UTF8.GetString(utf8);
        _slotBytes[index] = utf8.ToArray();
        _slots[index] = created;
        return created;
    }

    // The length and the first and last eight bytes: cheap, and enough to tell apart the values of a stream.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong head;
        ulong tail;
        if (bytes.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^sizeof(ulong)..]);
        }
        else
        {
            head = 0;
            foreach (var b in bytes)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        var mixed = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)bytes.Length;
        mixed ^= mixed >> 29;
        return (int)mixed ^ (int)(mixed >> 32);
    }
}
