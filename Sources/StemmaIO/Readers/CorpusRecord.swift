public import StemmaCore

/// One document of a corpus as read, with where it came from.
///
/// The document's fields read through the record (`record.id`, `record.text`), so that code
/// handling records says what it uses without unwrapping.
@dynamicMemberLookup
public struct CorpusRecord: Sendable {
    public var document: Document
    /// `file:line` for JSONL and CSV, the file path for a text file.
    public var location: String
    /// The line the record starts on, for JSONL and CSV inputs.
    public var line: Int?
    /// Where the record can be read again without reading the rest, when its input allows it.
    public var origin: RecordOrigin?
    /// A capture of a URL from a web archive: a repeated URL is a later capture of the same page,
    /// which ``CorpusOptions/capturesAreVersions`` keeps under the one id.
    public var isCapture = false

    public init(_ document: Document, location: String, origin: RecordOrigin? = nil) {
        self.document = document
        self.location = location
        self.origin = origin
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Document, Value>) -> Value {
        get { document[keyPath: keyPath] }
        set { document[keyPath: keyPath] = newValue }
    }
}

/// The bytes of one record in a plain file: a JSONL line, or a whole text file.
public struct RecordOrigin: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case jsonLine, textFile }
    public var path: String
    public var offset: Int
    public var length: Int
    public var kind: Kind
}

/// A problem with one record or file: skipped (the record is not read) or a warning (it is read,
/// changed as the message says).
public struct CorpusIssue: Sendable, CustomStringConvertible {
    public var error: ReadError
    public var isSkipped: Bool

    public var description: String { isSkipped ? "\(error) (skipped)" : "warning: \(error)" }

    public init(error: ReadError, isSkipped: Bool) {
        self.error = error
        self.isSkipped = isSkipped
    }
}

/// How to read a corpus.
public struct CorpusOptions: Sendable {
    /// The JSONL member or CSV column holding the id.
    public var idField = "id"
    /// The JSONL member or CSV column holding the text.
    public var textField = "text"
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the record.
    public var lossy = false
    /// Follow symbolic links met inside a directory (a symbolic link given as an input is always
    /// followed), as ripgrep's `--follow`. Unfollowed links are skipped without a word.
    public var followLinks = false
    /// The most bytes one record may hold: a text file, or a JSONL or CSV line or record. A larger
    /// record is reported and skipped, so that a gzip bomb (1 MB inflating to 1 GB) cannot take
    /// the memory of a whole input (issue 11).
    public var maxRecordBytes = CorpusOptions.defaultMaxRecordBytes
    /// 256 MiB: far above any news article, below what a laptop can hold several of.
    public static let defaultMaxRecordBytes = 256 << 20
    /// When not empty, the sizes of the reads from every input (cycled), for tests that cut
    /// records at every place; see ``ByteStream``.
    var readSizes: [Int] = []
    /// The bytes asked of an input per read, and a JSONL line buffer's first size. Small for
    /// fuzzing, where a 1 MiB buffer a stream (zeroed, under AddressSanitizer) cost more than the
    /// reading.
    var chunkSize = LineSplitter.chunk
    /// How the inputs named on the command line and standard input are read; see ``InputFormat``.
    public var inputFormat = InputFormat.auto
    /// Metadata for an input read as one text (the caller checks there is one such input); an
    /// input that turns out to hold JSONL or CSV records is then an error, since they carry their
    /// own ids and metadata.
    public var textMetadata: TextMetadata?
    /// What reads HTML pages and web archives; nil leaves them unread (see ``WebInputReader``).
    public var web: (any WebInputReader)?
    /// The JSONL member or CSV column holding a page's HTML, for crawl exports: the document's
    /// text is then the page's article, and its metadata fills the fields the record leaves out.
    public var htmlField: String?
    /// Whether archive captures of one URL keep the URL as their id (`index add`: they become
    /// successive versions of one document) instead of getting `URL#2`, `URL#3`.
    public var capturesAreVersions = false
    /// Whether a JSONL record without a `date` member takes the date of a leading
    /// `date YYYY-MM-DD` line in its text, as a text file does: for text files an engine such as
    /// Spark hands on as JSONL records (`stemma sketch --date-markers`).
    public var datesFromText = false
    /// Cores for work done while reading: the extraction of web pages. 0 is all cores.
    public var threads = 0

    /// The member or column a record's text is read from: the HTML one when there is one.
    var textKey: String { htmlField ?? textField }

    public init(idField: String = "id", textField: String = "text", lossy: Bool = false, followLinks: Bool = false,
                maxRecordBytes: Int = CorpusOptions.defaultMaxRecordBytes, inputFormat: InputFormat = .auto,
                textMetadata: TextMetadata? = nil) {
        self.inputFormat = inputFormat
        self.textMetadata = textMetadata
        self.idField = idField
        self.textField = textField
        self.lossy = lossy
        self.followLinks = followLinks
        self.maxRecordBytes = maxRecordBytes
    }
}
