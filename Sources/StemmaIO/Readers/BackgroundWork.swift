import Dispatch

/// Work started on another thread, whose result is waited for later: a batch of pages is
/// extracted while the reader reads the next one.
///
/// `@unchecked Sendable` is sound: `value` is written once, by the work, and read only after
/// `group` says the work is done, which orders the write before the read.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var value: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.value = work() }
    }

    /// The result, once the work is done.
    package func wait() -> Value {
        group.wait()
        guard let value else { preconditionFailure("a DispatchGroup returned before its work stored a result") }
        return value
    }
}
