/// Which page of a long listing a request asks for: `limit` items after skipping `offset`.
struct QueryWindow: Sendable, Equatable {
    /// A listing's default and largest `limit`.
    struct Bounds: Sendable, Equatable {
        var defaultLimit: Int
        var maxLimit: Int
    }

    /// A family's history, newest first by `offset`: a family can hold 100,000 copies of a wire
    /// story, and each version shown costs a scan of the earlier ones and a few diffs, so a request
    /// never asks for all of them.
    static let history = Bounds(defaultLimit: 50, maxLimit: 500)
    /// The families, largest first: at 100,000 documents the whole listing was a 4.9 MB page.
    static let families = Bounds(defaultLimit: 100, maxLimit: 1_000)

    var limit: Int
    var offset: Int

    /// - Throws: 400 for a `limit` outside 1...`maxLimit` or an `offset` that is not a
    ///   non-negative integer.
    init(_ query: QueryValues, _ bounds: Bounds) throws {
        limit = try query.int("limit", in: 1...bounds.maxLimit) ?? bounds.defaultLimit
        offset = try query.int("offset", in: 0...Int.max) ?? 0
    }
}
