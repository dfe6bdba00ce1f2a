import Hummingbird
import HTTPTypes
import NIOCore
import Foundation
import MultipartKit
import StemmaIO
import StemmaWeb
import StemmaCore

/// The fields of a submitted HTML form, URL-encoded or multipart (a file upload).
struct FormFields: Sendable {
    /// Each field's value; for a file, its bytes.
    var values: [String: [UInt8]]
    /// The file name of each file field.
    var filenames: [String: String] = [:]

    static func read(_ request: Request, context: StemmaRequestContext) async throws -> FormFields {
        let body = try await JSONBody.collect(request, context: context)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = boundary(of: contentType) else {
                throw HTTPError(.badRequest, message: "a multipart form without a boundary")
            }
            return try multipart(body, boundary: boundary)
        }
        return urlEncoded(String(buffer: body))
    }

    static func urlEncoded(_ text: String) -> FormFields {
        var values: [String: [UInt8]] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            values[decoded(parts[0])] = Array(decoded(parts.count > 1 ? parts[1] : "").utf8)
        }
        return FormFields(values: values)
    }

    static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormFields {
        let parser = MultipartParser(boundary: boundary)
        var values: [String: [UInt8]] = [:]
        var filenames: [String: String] = [:]
        var name: String?
        var filename: String?
        var bytes: [UInt8] = []
        parser.onHeader = { field, value in
            if field.lowercased() == "content-disposition" {
                name = parameter("name", in: value)
                filename = parameter("filename", in: value)
            }
        }
        parser.onBody = { chunk in bytes += chunk.readableBytesView }
        parser.onPartComplete = {
            if let name {
                values[name] = bytes
                filenames[name] = filename
            }
            name = nil
            filename = nil
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "malformed multipart form: \(error)")
        }
        return FormFields(values: values, filenames: filenames)
    }

    /// A parameter of a header value such as `form-data; name="file"; filename="a.txt"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            return parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    static func boundary(of contentType: String) -> String? {
        parameter("boundary", in: contentType).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A field as text. Browsers send line ends in form fields as CRLF; the text is stored and
    /// diffed with the LF its author most likely had.
    func text(_ name: String) throws -> String? {
        guard let bytes = values[name], !bytes.isEmpty else { return nil }
        do {
            let text = try TextInput.decode(bytes, path: name, lossy: false).text
            return text.replacingOccurrences(of: "\r\n", with: "\n")
        } catch let error as ReadError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    /// A file field as text: an HTML page (named `.html`, `.htm` or `.xhtml`, or starting with
    /// `<!doctype html` or `<html`) gives its article, as `stemma extract` reads it.
    func pageOrText(_ name: String) throws -> String? {
        guard let bytes = values[name], !bytes.isEmpty else { return nil }
        guard Self.isPage(bytes, filename: filenames[name]) else { return try text(name) }
        do {
            let page = try WebReader().document(fromHTML: bytes, id: filenames[name] ?? name, url: nil)
            return String(decoding: page.text, as: UTF8.self)
        } catch let error as ReadError {
            throw HTTPError(.badRequest, message: "\(filenames[name] ?? name): \(error.reasonText)")
        }
    }

    static func isPage(_ bytes: [UInt8], filename: String?) -> Bool {
        if let filename, CorpusReader.isHTML(filename) { return true }
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }
}
