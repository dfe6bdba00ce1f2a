import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore

/// A document in the body of `POST /api/documents`.
struct DocumentInput: Decodable, Sendable {
    var id: String
    var text: String
    var title: String?
    var date: String?
    var url: String?
    var source: String?

    var storeDocument: StoreDocument {
        StoreDocument(id: id, text: Array(text.utf8), title: title, date: date, url: url, source: source)
    }
}

/// The body of `POST /api/documents`: one document, or an array of them (one transaction).
struct DocumentBatch: Decodable, Sendable {
    var documents: [DocumentInput]

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var documents: [DocumentInput] = []
            while !array.isAtEnd { documents.append(try array.decode(DocumentInput.self)) }
            self.documents = documents
        } else {
            documents = [try DocumentInput(from: decoder)]
        }
    }
}

/// What indexing one document did.
struct DocumentOutcome: Encodable, Sendable {
    var id: String
    /// `added`, `newVersion` or `unchanged`.
    var outcome: String
    /// The document's version that holds this text.
    var version: Int
}

struct DocumentOutcomes: ResponseEncodable, Sendable {
    var documents: [DocumentOutcome]
}

/// `GET /api/documents/{id}`: one stored version and the document's metadata.
struct DocumentResponse: ResponseEncodable, Sendable {
    var id: String
    var version: Int
    var latestVersion: Int
    var family: String
    var date: String?
    var title: String?
    var url: String?
    var source: String?
    var bytes: Int
    var text: String?

    init(_ stored: StoredVersion) {
        id = stored.documentID
        version = stored.version
        latestVersion = stored.latestVersion
        family = stored.family
        date = stored.date
        title = stored.title
        url = stored.url
        source = stored.source
        bytes = stored.bytes
        text = stored.text
    }
}
