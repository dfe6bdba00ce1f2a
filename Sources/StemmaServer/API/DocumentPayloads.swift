import StemmaCore

/// A document in the body of `POST /api/documents`, decoded into the one ``Document`` type.
struct DocumentBody: Decodable, Sendable {
    var document: Document

    private enum CodingKeys: String, CodingKey { case id, text, title, date, url, source }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = Document(
            id: try container.decode(String.self, forKey: .id), text: Array(try container.decode(String.self, forKey: .text).utf8),
            title: try container.decodeIfPresent(String.self, forKey: .title), date: try container.decodeIfPresent(String.self, forKey: .date),
            url: try container.decodeIfPresent(String.self, forKey: .url), source: try container.decodeIfPresent(String.self, forKey: .source))
    }
}

/// The body of `POST /api/documents`: one document, or an array of them (one transaction).
struct DocumentBatch: Decodable, Sendable {
    var documents: [Document]

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var documents: [Document] = []
            while !array.isAtEnd { documents.append(try array.decode(DocumentBody.self).document) }
            self.documents = documents
        } else {
            documents = [try DocumentBody(from: decoder).document]
        }
    }
}
