/// Splits `values` into chunks of exactly `size`, the last one padded with repeats of its last
/// value, so `IN (?, …)` lists of one length serve every chunk from one cached statement
/// (repeats do not change an `IN`).
func paddedChunks<T>(_ values: [T], size: Int) -> [[T]] {
    stride(from: 0, to: values.count, by: size).map { start in
        var chunk = Array(values[start..<min(start + size, values.count)])
        while chunk.count < size, let last = chunk.last { chunk.append(last) }
        return chunk
    }
}

func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ",")
}
