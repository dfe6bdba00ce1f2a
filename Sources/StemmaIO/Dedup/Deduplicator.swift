import StemmaCore
import Foundation

/// Finds the documents of a corpus that are versions or copies of each other.
///
/// Pass 1 streams the corpus in batches, sketching each batch on all cores, and keeps only each
/// document's id, facts and signature: memory grows with the number of documents, not with their
/// text. LSH then proposes candidate pairs, which are verified by their signatures or, with
/// `--verify exact`, by re-reading the corpus (pass 2). Families are the connected components.
public final class Deduplicator {
    public let inputs: [String]
    public let options: DedupOptions
    /// Called after every batch with the documents and bytes read so far.
    public var progress: ((_ documents: Int, _ bytes: Int) -> Void)?

    static let batchDocuments = 4_096
    static let batchBytes = 32 << 20

    public init(inputs: [String], options: DedupOptions) {
        self.inputs = inputs
        self.options = options
    }

    /// Runs the whole search. `report` receives every bad record; it may throw to stop (`--strict`).
    public func run(report: (CorpusIssue) throws -> Void) throws -> DedupResult {
        let started = ContinuousClock.now
        let (sketcher, search) = try options.validated()
        var pass = SketchPass(sketcher: sketcher, options: options, progress: progress)
        var skipped = 0, warnings = 0
        try CorpusReader(inputs: inputs, options: options.corpus).forEach(report: { issue in
            if issue.isSkipped { skipped += 1 } else { warnings += 1 }
            try report(issue)
        }) { record in
            pass.add(record)
        }
        pass.flush()

        let rowFacts = pass.rows.map { pass.documents[$0].facts }
        var candidates = search.candidates(in: pass.matrix)
        if options.containment != nil {
            // Short texts inside long ones: candidates from shared bottom-k samples, checked exactly.
            candidates = Array(Set(candidates).union(ContainmentCandidates.find(samples: pass.samples)))
                .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        }
        var pairs: [SimilarPair]
        var exactChecks = 0
        switch options.effectiveVerification {
        case .estimate:
            pairs = search.verifiedPairs(candidates, matrix: pass.matrix, facts: rowFacts)
        case .exact:
            pairs = try exactPairs(candidates, pass: pass)
            exactChecks = candidates.count
        case .auto:
            // Within three standard errors of the threshold the estimate cannot decide.
            let (accepted, uncertain) = search.triage(candidates, matrix: pass.matrix, facts: rowFacts, margin: search.uncertaintyMargin)
            pairs = (accepted + (try exactPairs(uncertain, pass: pass))).sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            exactChecks = uncertain.count
        }
        let families = search.families(of: pairs, facts: rowFacts, matrix: pass.matrix).map { family in
            Family(representative: pass.rows[family.representative],
                   members: family.members.map { Family.Member(document: pass.rows[$0.document], similarity: $0.similarity) })
        }
        pairs = pairs.map { pair in
            var pair = pair
            (pair.a, pair.b) = (pass.rows[pair.a], pass.rows[pair.b])
            return pair
        }
        let elapsed = ContinuousClock.now - started
        return DedupResult(
            documents: pass.documents, pairs: pairs, families: families, parameters: search.parameters,
            candidates: candidates.count, exactChecks: exactChecks, skippedRecords: skipped, warnings: warnings, bytesRead: pass.bytesRead,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            verification: options.effectiveVerification)
    }
}

extension Deduplicator {
    /// Exact verification of candidate rows by a second pass, returned in row indices.
    func exactPairs(_ candidates: [DocumentPair], pass: SketchPass) throws -> [SimilarPair] {
        guard !candidates.isEmpty else { return [] }
        let documentPairs = candidates.map { DocumentPair(pass.rows[$0.a], pass.rows[$0.b]) }
        return try ExactVerifier(inputs: inputs, options: options).verify(documentPairs, origins: pass.origins).map { pair in
            var pair = pair
            (pair.a, pair.b) = (pass.rowOfDocument[pair.a] ?? 0, pass.rowOfDocument[pair.b] ?? 0)
            return pair
        }
    }
}

/// Pass 1: batches of records sketched in parallel, in input order, kept as signature rows.
struct SketchPass {
    let options: DedupOptions
    let progress: ((Int, Int) -> Void)?
    var documents: [DedupDocument] = []
    var matrix: SignatureMatrix
    /// The document of each signature row; set-aside documents have no row.
    var rows: [Int] = []
    var rowOfDocument: [Int: Int] = [:]
    /// Where each document can be read again, for exact verification.
    var origins: [RecordOrigin?] = []
    /// The texts of records without an origin of their own, when exact checks may need them.
    let spool: TextSpool?
    /// Bottom-k samples per row, kept only when searching for containment.
    var samples: [[UInt64]] = []
    var bytesRead = 0
    private var batches: SketchBatches

    init(sketcher: DocumentSketcher, options: DedupOptions, progress: ((Int, Int) -> Void)?) {
        self.options = options
        self.progress = progress
        matrix = SignatureMatrix(permutations: sketcher.hasher.permutations)
        spool = options.effectiveVerification == .estimate ? nil : TextSpool()
        batches = SketchBatches(sketcher: sketcher, options: options)
    }

    mutating func add(_ record: CorpusRecord) {
        if let job = batches.add(record) { collect(job) }
    }

    /// Sketches what is left and waits for every batch.
    mutating func flush() {
        for job in batches.flush() { collect(job) }
    }

    private mutating func collect(_ job: SketchJob) {
        let sketches = job.wait()
        let batch = job.batch
        // By index, not `zip`: a record copied out of the batch cost a retain and release per field.
        for index in sketches.indices {
            let sketch = sketches[index]
            let isSetAside = sketch.shingles < options.minimumShingles
            let facts = DocumentFacts(shingles: sketch.shingles, bytes: batch[index].document.text.count, date: batch[index].document.date)
            if !isSetAside {
                rowOfDocument[documents.count] = rows.count
                rows.append(documents.count)
                matrix.append(sketch.signature)
                if options.containment != nil { samples.append(sketch.bottom) }
            }
            documents.append(DedupDocument(id: batch[index].document.id, facts: facts, isSetAside: isSetAside, contentHash: job.contentHashes?[index]))
            origins.append(batch[index].origin ?? (isSetAside ? nil : spool?.append(batch[index].document.text)))
        }
        bytesRead += job.bytes
        progress?(documents.count, bytesRead)
    }
}

/// Records gathered into batches, each sketched in the background while the next one is read,
/// so reading (one core) and sketching (the others) overlap; at most two batches are in memory.
/// `stemma dedup` keeps what the batches give; `stemma sketch` writes it out.
struct SketchBatches {
    let sketcher: DocumentSketcher
    let options: DedupOptions
    private var batch: [CorpusRecord] = []
    private var batchBytes = 0
    private var inFlight: SketchJob?

    init(sketcher: DocumentSketcher, options: DedupOptions) {
        self.sketcher = sketcher
        self.options = options
    }

    /// Adds a record; returns the batch before it once a new batch starts sketching.
    mutating func add(_ record: CorpusRecord) -> SketchJob? {
        batch.append(record)
        batchBytes += record.text.count
        guard batch.count >= Deduplicator.batchDocuments || batchBytes >= Deduplicator.batchBytes else { return nil }
        return submit()
    }

    /// Starts sketching the current batch and returns the one before it.
    private mutating func submit() -> SketchJob? {
        guard !batch.isEmpty else { return nil }
        // The reading thread is busy too: sketching takes the other cores (measured: 2 sketch
        // threads beside the reader on 2 cores were 20% slower than 1).
        let job = SketchJob(batch: batch, bytes: batchBytes, sketcher: sketcher, threads: max(1, options.threads - 1),
                            bottomCount: options.containment == nil ? 0 : ContainmentCandidates.sampleSize,
                            hashesContent: options.hashesContent)
        batch.removeAll(keepingCapacity: true)
        batchBytes = 0
        let previous = inFlight
        inFlight = job
        return previous
    }

    /// Sketches what is left; returns the batches still to collect, in order.
    mutating func flush() -> [SketchJob] {
        var jobs: [SketchJob] = []
        if let previous = submit() { jobs.append(previous) }
        if let last = inFlight { jobs.append(last) }
        inFlight = nil
        return jobs
    }
}

/// One batch being sketched on a background queue.
final class SketchJob: @unchecked Sendable {
    let batch: [CorpusRecord]
    let bytes: Int
    private let group = DispatchGroup()
    // Written once by the background task before `group` leaves, read after `wait`: the group
    // orders the write before the read.
    private var sketches: [DocumentSketcher.Sketch] = []
    private var hashes: [UInt64]?

    init(batch: [CorpusRecord], bytes: Int, sketcher: DocumentSketcher, threads: Int, bottomCount: Int, hashesContent: Bool) {
        self.batch = batch
        self.bytes = bytes
        DispatchQueue.global().async(group: group) { [self] in
            sketches = Self.sketch(batch, sketcher: sketcher, threads: threads, bottomCount: bottomCount)
            if hashesContent { hashes = ParallelMap.map(batch, minimumCount: 64, threads: threads) { LaneHash.hash($0.document.text) } }
        }
    }

    /// The sketches of `batch` in order, in one contiguous run of records per thread, each with
    /// one scratch buffer: mapping record by record copied each record (a retain per field) and
    /// made a scratch buffer per record, 3% of `stemma dedup`'s CPU on the 100k corpus (perf).
    private static func sketch(_ batch: [CorpusRecord], sketcher: DocumentSketcher, threads: Int, bottomCount: Int) -> [DocumentSketcher.Sketch] {
        let runs = max(1, min(threads, batch.count / 8))
        let bounds = (0..<runs).map { run in (batch.count * run / runs)..<(batch.count * (run + 1) / runs) }
        return ParallelMap.map(bounds, minimumCount: 2, threads: threads) { bounds in
            var scratch = DocumentSketcher.Scratch()
            return bounds.map { index in
                batch[index].document.text.withUnsafeBufferPointer { sketcher.sketch($0, scratch: &scratch, bottomCount: bottomCount) }
            }
        }.flatMap { $0 }
    }

    /// The texts' hashes, when asked for; read after ``wait()``.
    var contentHashes: [UInt64]? { hashes }

    func wait() -> [DocumentSketcher.Sketch] {
        group.wait()
        return sketches
    }
}
