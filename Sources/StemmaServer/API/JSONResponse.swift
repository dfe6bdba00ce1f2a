import Hummingbird
import HTTPTypes
import NIOCore
import StemmaIO

/// A JSON response written by StemmaIO's record writer, so that the API and the CLI's `--format
/// json` write the same bytes for the same records.
///
/// Not `JSONEncoder`: on the load test (100k documents, wrk on /api/match) `JSONEncoder` took 5.6%
/// of the server's CPU for these few bytes, and its key order is not the records' sorted one.
struct JSONResponse: ResponseGenerator, Sendable {
    var value: JSONValue
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    init(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) {
        self.value = value
        self.status = status
        self.headers = headers
    }

    init(_ record: some JSONRecord, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) {
        self.init(record.jsonValue, status: status, headers: headers)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBytes.response(value.utf8(pretty: false), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
