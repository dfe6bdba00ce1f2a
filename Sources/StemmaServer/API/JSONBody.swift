import Hummingbird
import HTTPTypes
import NIOCore
import Foundation

/// Reading a JSON request body, with errors a client can act on: 413 past the body limit, 400
/// naming where in the document the JSON went wrong.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: StemmaRequestContext) async throws -> T {
        let buffer = try await collect(request, context: context)
        return try decode(type, from: Data(buffer.readableBytesView))
    }

    /// The whole body, or 413 with a message once it passes the limit (a chunked body has no
    /// `Content-Length` for ``BodyLimitMiddleware`` to check up front).
    static func collect(_ request: Request, context: StemmaRequestContext) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "request body is over the limit of \(context.maxUploadSize) bytes")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw HTTPError(.badRequest, message: "malformed JSON: the request body is empty") }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw HTTPError(.badRequest, message: "malformed JSON: \(syntaxError(in: data) ?? context.debugDescription)")
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: "malformed JSON: \(describe(error))")
        }
    }

    /// Where the JSON text itself is broken. `JSONDecoder` only says "not valid JSON";
    /// `JSONSerialization` says where ("Invalid value around character 13.").
    static func syntaxError(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    /// One line for a decoding error: where, and what was wrong there.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let parts = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            return "$" + parts.joined()
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(jsonName(of: type))"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(jsonName(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath)): missing field \"\(key.stringValue)\""
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? context.debugDescription : "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// JSON's name for the Swift type a field was decoded as.
    static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}

/// A JSON response of bytes written already (the diff report keeps its own key order).
enum JSONBytes {
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
