public import StemmaCore
import Foundation

/// `stemma sketch`: every document of a corpus as one JSON line holding what `stemma dedup` keeps
/// of it (its size, shingle count, MinHash signature and LSH band keys), so that another engine
/// (Spark, see `spark/stemma_spark.py`) can group the band keys and find the pairs.
///
/// Documents are read and sketched exactly as `stemma dedup` reads and sketches them (the same
/// batches on the same threads), and written in input order as each batch finishes: memory holds
/// two batches, whatever the corpus size.
///
/// ```
/// {"id":"a","line":1,"bytes":5120,"shingles":842,"signature":"…","bands":["9f3c…",…]}
/// {"id":"b","line":2,"bytes":20,"shingles":3,"setAside":true}
/// ```
public struct SketchStream {
    public let inputs: [String]
    public let options: DedupOptions

    /// What a run read and wrote.
    public struct Counts: Sendable, Equatable {
        public var documents = 0
        public var setAside = 0
        public var skippedRecords = 0
        public var bytes = 0
    }

    public init(inputs: [String], options: DedupOptions) {
        self.inputs = inputs
        self.options = options
    }

    /// Reads the corpus and hands the records' JSON lines to `write`, a batch at a time.
    public func run(report: (CorpusIssue) throws -> Void, write: ([UInt8]) throws -> Void) throws -> Counts {
        let (sketcher, search) = try options.validated()
        let layout = SketchRecordLayout(parameters: search.parameters, minimumShingles: options.minimumShingles)
        var batches = SketchBatches(sketcher: sketcher, options: options)
        var counts = Counts()
        func emit(_ job: SketchJob) throws {
            var output: [UInt8] = []
            output.reserveCapacity(job.batch.count * layout.estimatedBytes)
            for (record, sketch) in zip(job.batch, job.wait()) {
                let isSetAside = layout.append(record, sketch, to: &output)
                counts.documents += 1
                if isSetAside { counts.setAside += 1 }
            }
            counts.bytes += job.bytes
            try write(output)
        }
        try CorpusReader(inputs: inputs, options: options.corpus).forEach(report: { issue in
            if issue.isSkipped { counts.skippedRecords += 1 }
            try report(issue)
        }) { record in
            if let job = batches.add(record) { try emit(job) }
        }
        for job in batches.flush() { try emit(job) }
        return counts
    }
}

/// The bytes of one sketch record.
///
/// The signature is base64 of its values as little-endian 32-bit integers, permutation 0 first
/// (the layout ``MinHasher`` documents). Each band key is 16 lowercase hexadecimal digits of
/// ``LSHParameters/bandKey(_:rows:of:)``, band 0 first: JSON numbers past 2⁵³ lose digits in many
/// readers, strings do not.
struct SketchRecordLayout {
    let parameters: LSHParameters
    let minimumShingles: Int

    var estimatedBytes: Int { 96 + (parameters.permutations * 4 + 2) / 3 * 4 + parameters.bands * 19 }

    /// Appends the record's line; returns whether the document was set aside.
    func append(_ record: CorpusRecord, _ sketch: DocumentSketcher.Sketch, to output: inout [UInt8]) -> Bool {
        let isSetAside = sketch.shingles < minimumShingles
        output += #"{"id":"#.utf8
        JSONValue.writeString(record.id, to: &output)
        if let line = record.line { output += #","line":\#(line)"#.utf8 }
        output += #","bytes":\#(record.text.count),"shingles":\#(sketch.shingles)"#.utf8
        if let date = record.date {
            output += #","date":"#.utf8
            JSONValue.writeString(date, to: &output)
        }
        if isSetAside {
            output += #","setAside":true}"#.utf8
            output.append(0x0A)
            return true
        }
        output += #","signature":""#.utf8
        Self.appendBase64(of: sketch.signature, to: &output)
        output += #"","bands":["#.utf8
        sketch.signature.withUnsafeBufferPointer { signature in
            for band in 0..<parameters.bands {
                if band > 0 { output.append(UInt8(ascii: ",")) }
                output.append(UInt8(ascii: "\""))
                Self.appendHex(LSHParameters.bandKey(band, rows: parameters.rows, of: signature), to: &output)
                output.append(UInt8(ascii: "\""))
            }
        }
        output += "]}".utf8
        output.append(0x0A)
        return false
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let base64Digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func appendHex(_ value: UInt64, to output: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) { output.append(hexDigits[Int((value >> UInt64(shift)) & 0xF)]) }
    }

    /// Standard base64 (RFC 4648, padded) of the values' little-endian bytes.
    static func appendBase64(of values: [UInt32], to output: inout [UInt8]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for value in values { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) } }
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(base64Digits[Int((group >> UInt32(shift)) & 0x3F)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let group = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output.append(base64Digits[Int(group >> 18 & 0x3F)])
            output.append(base64Digits[Int(group >> 12 & 0x3F)])
            output.append(rest == 2 ? base64Digits[Int(group >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
        }
    }
}
