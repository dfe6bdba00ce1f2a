/// Disjoint sets over `0..<count` with path halving and union by size (Tarjan 1975).
///
/// - Complexity: Near-constant amortised time per operation (inverse Ackermann).
public struct UnionFind: Sendable {
    private var parent: [Int32]
    private var size: [Int32]

    public init(count: Int) {
        precondition(count < Int(Int32.max), "UnionFind holds fewer than 2³¹ elements")
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
    }

    /// The representative of the set holding `element`.
    public mutating func find(_ element: Int) -> Int {
        var node = Int32(element)
        while parent[Int(node)] != node {
            let grandparent = parent[Int(parent[Int(node)])]
            parent[Int(node)] = grandparent
            node = grandparent
        }
        return Int(node)
    }

    /// Joins the sets of `a` and `b`; returns false when they were one set already.
    @discardableResult
    public mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return false }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
        return true
    }

    /// The sets with more than one element, each sorted, ordered by their smallest element.
    public mutating func groups() -> [[Int]] {
        var members: [Int: [Int]] = [:]
        for element in parent.indices where size[find(element)] > 1 {
            members[find(element), default: []].append(element)
        }
        return members.values.sorted { $0[0] < $1[0] }
    }
}
