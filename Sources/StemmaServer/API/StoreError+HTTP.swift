public import Hummingbird
public import HTTPTypes
public import StemmaStore

/// The one place a store's errors become HTTP responses: the status says whose fault it is, the
/// body is the store's one-line message in the API's error shape (`{"error": {"message": …}}`),
/// and the HTML pages show the same message.
extension StoreError: HTTPResponseError {
    public var status: HTTPResponse.Status {
        switch self {
        // What the client sent.
        case .invalidDocumentID: .badRequest
        // The server may read its index but not write it.
        case .readOnly: .forbidden
        // The index cannot be used as it is: the server, not the request, must change.
        case .cannotOpen, .needsUpgrade, .notADatabase, .notAStemmaDatabase, .newerSchema, .parametersMismatch: .serviceUnavailable
        // A damaged file: the request was fine, the server failed it.
        case .corruptBucketBlock, .corruptTextBlock, .corruptCapture, .corruptValue: .internalServerError
        // Another writer got there first: the request may be tried again.
        case .removedMeanwhile: .conflict
        }
    }

    /// The error as Hummingbird's own, whose body is the message.
    var httpError: HTTPError { HTTPError(status, message: description) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try httpError.response(from: request, context: context)
    }
}
