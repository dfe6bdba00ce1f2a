/// Limits for reading a web archive.
public struct ArchiveOptions: Sendable {
    /// The largest record block, and the largest decoded payload, that the reader keeps in
    /// memory. A larger wanted record is skipped (read through without keeping it) and reported,
    /// so that a 2 GB `Content-Length` or a compression bomb costs time, never memory.
    public var maxRecordBytes: Int

    /// 16 MB: above Common Crawl's 1 MB payload cap by far, below any machine's memory.
    public static let defaultMaxRecordBytes = 16 << 20

    /// Options with every limit at its default.
    public static let standard = ArchiveOptions(checked: defaultMaxRecordBytes)

    /// Checks the limit once, here, so that the reader never meets a meaningless one.
    ///
    /// - Throws: ``ArchiveProblem`` when `maxRecordBytes` is not positive.
    public init(maxRecordBytes: Int = ArchiveOptions.defaultMaxRecordBytes) throws {
        guard maxRecordBytes > 0 else {
            throw ArchiveProblem(offset: 0, message: "maxRecordBytes must be positive, not \(maxRecordBytes)")
        }
        self.init(checked: maxRecordBytes)
    }

    private init(checked maxRecordBytes: Int) {
        self.maxRecordBytes = maxRecordBytes
    }
}
