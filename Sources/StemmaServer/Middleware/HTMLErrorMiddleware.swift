import Hummingbird
import HTTPTypes
import NIOCore
import StemmaStore

/// Turns the errors of web pages into HTML pages with the same status, so a person sees a
/// message rather than JSON. API routes keep JSON errors.
struct HTMLErrorMiddleware: RouterMiddleware {
    typealias Context = StemmaRequestContext

    let pages: PageRenderer

    struct ErrorPage {
        var status: String
        var message: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            return page(for: error.httpError)
        } catch let error as HTTPError {
            return page(for: error)
        } catch let error as any HTTPResponseError {
            let status = "\(error.status.code) \(error.status.reasonPhrase)"
            return pages.page("error", title: status, object: ErrorPage(status: status, message: error.status.reasonPhrase), status: error.status)
        }
    }

    private func page(for error: HTTPError) -> Response {
        let status = "\(error.status.code) \(error.status.reasonPhrase)"
        var page = pages.page("error", title: status, object: ErrorPage(status: status, message: error.body ?? error.status.reasonPhrase),
                              status: error.status)
        page.headers.append(contentsOf: error.headers)  // Allow on a 405, WWW-Authenticate on a 401
        return page
    }
}
