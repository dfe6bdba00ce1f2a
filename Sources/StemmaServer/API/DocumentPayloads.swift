import StemmaCore
import StemmaIO
import StemmaWeb

/// A document in the body of `POST /api/documents`, decoded into the one ``Document`` type.
///
/// It holds `text`, or `html`: a page whose article becomes the text, and whose title, date, URL
/// and site fill the fields the body leaves out.
struct DocumentBody: Decodable, Sendable {
    var document: Document

    private enum CodingKeys: String, CodingKey { case id, text, html, title, date, url, source }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let title = try container.decodeIfPresent(String.self, forKey: .title)
        let date = try container.decodeIfPresent(String.self, forKey: .date)
        let url = try container.decodeIfPresent(String.self, forKey: .url)
        let source = try container.decodeIfPresent(String.self, forKey: .source)
        let text = try PageText.text(container.decodeIfPresent(String.self, forKey: .text),
                                     html: container.decodeIfPresent(String.self, forKey: .html), id: id, url: url, at: decoder.codingPath)
        document = Document(id: id, text: text.bytes, title: title ?? text.page?.title, date: date ?? text.page?.date,
                            url: url ?? text.page?.url, source: source ?? text.page?.source)
    }
}

/// The text of a body that gives `text` or `html` (exactly one).
enum PageText {
    enum TextKey: String, CodingKey { case text }

    static func text(_ text: String?, html: String?, id: String, url: String?, at path: [any CodingKey]) throws -> (bytes: [UInt8], page: Document?) {
        switch (text, html) {
        case (let text?, nil): return (Array(text.utf8), nil)
        case (nil, let html?):
            do {
                let page = try WebReader().document(fromHTML: Array(html.utf8), id: id, url: url)
                return (page.text, page)
            } catch let error as ReadError {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: "html: \(error.reasonText)"))
            }
        case (nil, nil):
            throw DecodingError.keyNotFound(TextKey.text, DecodingError.Context(codingPath: path, debugDescription: "give \"text\" or \"html\""))
        case (.some, .some):
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: "give \"text\" or \"html\", not both"))
        }
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
