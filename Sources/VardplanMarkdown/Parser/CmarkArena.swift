#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory libcmark parses in, one per thread: every allocation of a parse is cut from
/// large blocks, a free does nothing, and the whole is given back at once when the
/// outermost parse on the thread ends (`Cmark.withDocument`).
///
/// With the C library's allocator, cmark's own `calloc`, `realloc` and `free` (a node, a
/// buffer and a delimiter at a time, and the consolidation of freed chunks that freeing
/// its large line buffers sets off) were a fifth of the Markdown stage's instructions;
/// with the arena the stage counts 17 % fewer and runs 29 % faster on one core
/// (docs/performance.md).
///
/// Each allocation has a 16-byte header: its size and, for one too large for a block,
/// which of the separately allocated ones it is (those are grown with `realloc` and
/// freed at the reset). Allocations are 16-byte aligned, as `malloc`'s are. A parse
/// nested in another (a table's following lines) takes its memory from the same arena;
/// nothing is given back before the outermost parse ends, so no tree outlives its memory.
struct CmarkArena {
    /// The size of a block; larger requests get an allocation of their own.
    static let blockSize = 64 * 1024
    /// Blocks kept for the thread's next parse; the rest are freed at the reset.
    static let blocksKept = 16
    private static let headerSize = 16

    private var blocks: [UnsafeMutableRawPointer] = []
    /// Which of `blocks` is being cut from.
    private var current = -1
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?
    /// Allocations too large for a block, each where its latest `realloc` put it.
    private var large: [UnsafeMutableRawPointer] = []
    /// How many parses on the thread are under way.
    private(set) var depth = 0

    /// The arena of the calling thread, made on its first parse and freed when the
    /// thread ends.
    static var ofThisThread: UnsafeMutablePointer<CmarkArena> {
        if let existing = pthread_getspecific(threadKey) {
            return existing.assumingMemoryBound(to: CmarkArena.self)
        }
        let arena = UnsafeMutablePointer<CmarkArena>.allocate(capacity: 1)
        arena.initialize(to: CmarkArena())
        pthread_setspecific(threadKey, arena)
        return arena
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { pointer in
            guard let arena = pointer?.assumingMemoryBound(to: CmarkArena.self) else { return }
            arena.pointee.releaseAll()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        precondition(made == 0, "no thread-specific key for cmark's memory")
        return key
    }()

    /// A parse begins on this thread.
    mutating func enter() {
        depth += 1
    }

    /// A parse ended; when it was the outermost, all its memory is free again.
    mutating func leave() {
        depth -= 1
        if depth == 0 { reset() }
    }

    /// `size` bytes, uninitialized (`zeroed`: set to zero), 16-byte aligned.
    mutating func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer {
        let pointer: UnsafeMutableRawPointer
        let total = Self.footprint(size)
        if let start = next, let end, start.distance(to: end) >= total {
            next = start + total
            start.storeBytes(of: size, as: Int.self)
            start.storeBytes(of: 0, toByteOffset: 8, as: Int.self)
            pointer = start + Self.headerSize
        } else {
            pointer = allocateSlowly(size)
        }
        if zeroed { memset(pointer, 0, size) }
        return pointer
    }

    /// `pointer`'s allocation with room for `size` bytes, its bytes kept: grown in place
    /// when it is the last one cut from the block and the block has room, else moved.
    mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size, zeroed: false) }
        let header = pointer - Self.headerSize
        let old = header.load(as: Int.self)
        if size <= old { return pointer }
        let largeIndex = header.load(fromByteOffset: 8, as: Int.self)
        if largeIndex > 0 {
            guard let grown = realloc(header, Self.headerSize + size) else { Self.outOfMemory() }
            grown.storeBytes(of: size, as: Int.self)
            large[largeIndex - 1] = grown
            return grown + Self.headerSize
        }
        if header + Self.footprint(old) == next, let end, header.distance(to: end) >= Self.footprint(size) {
            next = header + Self.footprint(size)
            header.storeBytes(of: size, as: Int.self)
            return pointer
        }
        let moved = allocate(size, zeroed: false)
        memcpy(moved, pointer, old)
        return moved
    }

    /// A header and `size` bytes, rounded up to 16.
    private static func footprint(_ size: Int) -> Int {
        (headerSize + size + 15) & ~15
    }

    private mutating func allocateSlowly(_ size: Int) -> UnsafeMutableRawPointer {
        let total = Self.footprint(size)
        if total > Self.blockSize / 4 {
            guard let own = malloc(Self.headerSize + size) else { Self.outOfMemory() }
            large.append(own)
            own.storeBytes(of: size, as: Int.self)
            own.storeBytes(of: large.count, toByteOffset: 8, as: Int.self)
            return own + Self.headerSize
        }
        current += 1
        if current == blocks.count {
            guard let block = malloc(Self.blockSize) else { Self.outOfMemory() }
            blocks.append(block)
        }
        next = blocks[current]
        end = blocks[current] + Self.blockSize
        return allocate(size, zeroed: false)
    }

    /// Everything handed out is free again; a few blocks are kept for the next parse.
    private mutating func reset() {
        for pointer in large { free(pointer) }
        large.removeAll(keepingCapacity: true)
        while blocks.count > Self.blocksKept { free(blocks.removeLast()) }
        current = -1
        next = nil
        end = nil
    }

    /// Frees every block: the arena is empty, as a new one is (a thread that ends).
    mutating func releaseAll() {
        reset()
        for block in blocks { free(block) }
        blocks.removeAll()
    }

    /// As libcmark's own allocator does when memory runs out.
    private static func outOfMemory() -> Never {
        let message = "[cmark] out of memory\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        abort()
    }
}
