import ArgumentParser
import Foundation
import StemmaCore
import StemmaIO
import StemmaStore

extension Stemma {
    /// The one line `stemma:` prints for an error that ends a run.
    ///
    /// Stemma's own errors describe themselves; Foundation's and the decoders' would otherwise print
    /// as raw dumps (`Error Domain=NSCocoaErrorDomain Code=4 …`), so they are said in words here;
    /// parsing errors get argument-parser's message.
    static func oneLineMessage(for error: any Error) -> String {
        switch error {
        case let error as ReadError: return error.description
        case let error as StoreError: return error.description
        case let error as WriteError: return error.description
        case let error as DateRange.InvalidDate: return error.description
        case let error as CocoaError: return describe(error)
        case let error as DecodingError: return describe(error)
        case let error as POSIXError: return String(cString: strerror(error.code.rawValue))
        default: return message(for: error).split(separator: "\n").joined(separator: " ")
        }
    }

    private static func describe(_ error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
        let reason: String
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file"
        case .fileReadNoPermission, .fileWriteNoPermission: reason = "permission denied"
        case .fileWriteOutOfSpace: reason = "no space left on device"
        case .fileWriteVolumeReadOnly: reason = "read-only file system"
        case .fileReadCorruptFile: reason = "not in the expected format"
        default: reason = underlying ?? "file operation failed (code \(error.code.rawValue))"
        }
        return [path, reason].compactMap { $0 }.joined(separator: ": ")
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return "invalid JSON\(at(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "missing member '\(key.stringValue)'\(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "invalid JSON"
        }
    }
}
