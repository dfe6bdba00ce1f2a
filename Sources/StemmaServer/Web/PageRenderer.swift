import Hummingbird
import HTTPTypes
import NIOCore
import Mustache

/// Renders the web pages: a content template inside the layout, as an HTML response.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        // Registered before parsing: the parser looks the content type up by name.
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: ScalarHTMLEscaping.name)
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// The object the layout renders.
    struct Layout {
        var title: String
        var stylesheets: [String]
        var content: String
    }

    /// A template rendered into the layout.
    func page(_ template: String, title: String, object: Any, stylesheets: [String] = [], status: HTTPResponse.Status = .ok) -> Response {
        page(html: library.render(object, withTemplate: template) ?? "", title: title, stylesheets: stylesheets, status: status)
    }

    /// HTML built and escaped already (the diff and history writers) placed in the layout.
    func page(html content: String, title: String, stylesheets: [String] = [], status: HTTPResponse.Status = .ok) -> Response {
        let layout = Layout(title: title, stylesheets: stylesheets, content: content)
        let html = library.render(layout, withTemplate: "layout") ?? ""
        return Response(status: status, headers: Self.headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Defence in depth: even if some text escaped escaping, the browser would run no script
    /// and load nothing from elsewhere.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
    ]
}
