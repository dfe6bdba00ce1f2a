import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps over a collection on all cores when it is large enough to pay for the threads.
package enum ParallelMap {
    /// `items.map(transform)`, computed in contiguous chunks on `DispatchQueue.concurrentPerform`
    /// when there are at least `minimumCount` items, in order.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], minimumCount: Int, threads: Int = ProcessInfoCores.count, _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let chunks = min(threads, items.count / max(1, minimumCount / 2))
        guard items.count >= minimumCount, chunks > 1 else { return items.map(transform) }
        let slots = Slots<[Result]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = items.count * chunk / chunks, upper = items.count * (chunk + 1) / chunks
            slots.store(items[lower..<upper].map(transform), at: chunk)
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    /// Two computations at once.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.store(first(), at: 0) } else { b.store(second(), at: 0) }
        }
        guard let resultA = a.values[0], let resultB = b.values[0] else {
            preconditionFailure("concurrentPerform returned before both computations stored their results")
        }
        return (resultA, resultB)
    }
}

/// Result slots written by concurrent workers, one slot each, and read after they all finish.
///
/// `@unchecked Sendable` is sound here: every slot has exactly one writer, and `concurrentPerform`
/// returns only after all writers are done, which orders the writes before the reads.
private final class Slots<Value>: @unchecked Sendable {
    private(set) var values: [Value?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }
}

/// The number of cores to use.
package enum ProcessInfoCores {
    package static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}

extension ParallelMap {
    /// `(0..<count).map(transform)` on `threads` workers that each take the next index as they
    /// finish, for work items of very different cost (alignments of pairs of books beside pairs of
    /// paragraphs), where contiguous chunks would leave a core idle.
    package static func dynamicMap<Result: Sendable>(
        count: Int, threads: Int = ProcessInfoCores.count, _ transform: @Sendable (Int) -> Result
    ) -> [Result] {
        let workers = min(threads, count)
        guard workers > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Result>(count: count)
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: count) {
                slots.store(transform(index), at: index)
            }
        }
        return slots.values.map { value in
            guard let value else { preconditionFailure("a worker returned without storing its result") }
            return value
        }
    }
}

/// The next unclaimed index, handed out under a lock.
private final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
