import StemmaCore
/// How an input named on the command line, or standard input, is read.
///
/// `auto` goes by the file's extension (`.jsonl`, `.csv`, `.txt`, …, optionally `.gz`) and, for
/// standard input or an unknown extension, by the first byte: JSONL if it is `{`, else one text.
/// CSV has no such mark, so CSV on standard input is read as CSV only when asked (issue 12).
/// Files found inside a directory always go by their extension.
public enum InputFormat: String, Sendable, CaseIterable {
    case auto, text, jsonl, csv, html, warc

    /// The format every named input is read as, or nil to go by each one's name and content.
    var forced: CorpusReader.Format? {
        switch self {
        case .auto: return nil
        case .text: return .text
        case .jsonl: return .jsonl
        case .csv: return .csv
        case .html: return .html
        case .warc: return .archive
        }
    }
}

/// Metadata given on the command line for the one text an input holds (`--id`, `--title`,
/// `--date`, `--source`): it replaces what the reader would give (the path as id, a date marker).
public struct TextMetadata: Sendable, Equatable {
    public var id: String?
    public var title: String?
    public var date: String?
    public var source: String?

    public init(id: String? = nil, title: String? = nil, date: String? = nil, source: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
    }

    public var isEmpty: Bool { id == nil && title == nil && date == nil && source == nil }

    func applied(to record: CorpusRecord) -> CorpusRecord {
        var record = record
        if let id { record.id = id }
        if let title { record.title = title }
        if let date { record.date = date }
        if let source { record.source = source }
        return record
    }
}
