extension SequenceMatcher {
    /// Myers' greedy O(ND) longest common subsequence (Myers 1986, "An O(ND) Difference Algorithm
    /// and Its Variations"), or nil when more than `maximumEdits` insertions and deletions are needed.
    ///
    /// Keeps one snapshot of the frontier per edit step for the trace back: O(D²) memory, bounded by
    /// the cap.
    static func myers(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>, maximumEdits: Int) -> [(Int, Int)]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var snapshots: [[Int]] = []
        for d in 0...limit {
            snapshots.append(Array(frontier[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                let down = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
                var x = down ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[a.startIndex + x] == b[b.startIndex + y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m {
                    return traceBack(snapshots: snapshots, d: d, n: n, m: m, aStart: a.startIndex, bStart: b.startIndex)
                }
            }
        }
        return nil
    }

    private static func traceBack(snapshots: [[Int]], d: Int, n: Int, m: Int, aStart: Int, bStart: Int) -> [(Int, Int)] {
        var matches: [(Int, Int)] = []
        var x = n, y = m
        for step in stride(from: d, to: 0, by: -1) {
            // snapshots[step] holds the frontier after step - 1, for k in -step...step.
            let before = snapshots[step]
            func reach(_ k: Int) -> Int { before[k + step] }
            let k = x - y
            let down = k == -step || (k != step && reach(k - 1) < reach(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = reach(previousK)
            let previousY = previousX - previousK
            let startX = down ? previousX : previousX + 1
            while x > startX {
                x -= 1
                y -= 1
                matches.append((aStart + x, bStart + y))
            }
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            matches.append((aStart + x, bStart + y))
        }
        return matches.reversed()
    }
}
