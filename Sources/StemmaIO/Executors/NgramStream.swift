public import StemmaCore

/// `stemma ngrams`: every document of a corpus as one JSON line holding the hash of the word
/// n-gram starting at each of its words, what `stemma reuse` indexes to find candidate pairs, so
/// that another engine can group the hashes (the first stage of reuse on Spark).
///
/// ```
/// {"id":"a","line":1,"date":"1851-03-02","words":412,"ngrams":[-4311…,8702…,…]}
/// ```
///
/// Each hash is the signed 64-bit integer of ``ReuseText/ngramHashes(inUTF8:count:)``'s bits
/// (JSON readers such as Spark's read signed 64-bit integers exactly); `words` is what the
/// document adds to `stemma reuse`'s word count. With `includesText` the record also holds the
/// text, as read, for the alignment stage.
public struct NgramStream {
    public let inputs: [String]
    public let corpus: CorpusOptions
    public let ngram: Int
    public let threads: Int
    public let includesText: Bool

    public init(inputs: [String], corpus: CorpusOptions, ngram: Int, threads: Int, includesText: Bool) throws {
        guard (2...16).contains(ngram) else { throw ReuseError.invalidParameter("n-gram size", "between 2 and 16") }
        self.inputs = inputs
        self.corpus = corpus
        self.ngram = ngram
        self.threads = threads
        self.includesText = includesText
    }

    /// Reads the corpus and hands the records' lines to `write`, a batch at a time; returns the
    /// number of skipped records.
    public func run(report: (CorpusIssue) throws -> Void, write: ([UInt8]) throws -> Void) throws -> Int {
        var batch: [CorpusRecord] = []
        var batchBytes = 0
        var skipped = 0
        func drain() throws {
            let size = ngram
            let hashes = ParallelMap.map(batch, minimumCount: 16, threads: threads) { record in
                record.text.withUnsafeBufferPointer { ReuseText.ngramHashes(inUTF8: $0, count: size) }
            }
            var output: [UInt8] = []
            for (record, hashes) in zip(batch, hashes) { append(record, hashes, to: &output) }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            try write(output)
        }
        try CorpusReader(inputs: inputs, options: corpus).forEach(report: { issue in
            if issue.isSkipped { skipped += 1 }
            try report(issue)
        }) { record in
            batch.append(record)
            batchBytes += record.text.count
            if batch.count >= Deduplicator.batchDocuments || batchBytes >= Deduplicator.batchBytes { try drain() }
        }
        if !batch.isEmpty { try drain() }
        return skipped
    }

    func append(_ record: CorpusRecord, _ hashes: [UInt64], to output: inout [UInt8]) {
        output += #"{"id":"#.utf8
        JSONValue.writeString(record.id, to: &output)
        if let line = record.line { output += #","line":\#(line)"#.utf8 }
        if let date = record.date {
            output += #","date":"#.utf8
            JSONValue.writeString(date, to: &output)
        }
        output += #","words":\#(hashes.isEmpty ? 0 : hashes.count + ngram - 1),"ngrams":["#.utf8
        for (index, hash) in hashes.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output += String(Int64(bitPattern: hash)).utf8
        }
        output.append(UInt8(ascii: "]"))
        if includesText {
            output += #","text":"#.utf8
            JSONValue.writeString(String(decoding: record.text, as: UTF8.self), to: &output)
        }
        output += "}\n".utf8
    }
}
