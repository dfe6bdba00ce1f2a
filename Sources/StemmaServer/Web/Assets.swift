import Hummingbird
import HTTPTypes
import NIOCore
import StemmaIO

/// The stylesheets of the web pages, compiled in. `/assets/NAME` serves exactly these names and
/// nothing else: no path reaches the file system.
enum Assets {
    static let files: [String: String] = [
        "stemma.css": site,
        "diff.css": HTMLDiffWriter.stylesheet,
        "history.css": HistoryHTMLWriter.stylesheet,
    ]

    static func response(for name: String) -> Response? {
        guard let css = files[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600",
                                               .xContentTypeOptions: "nosniff"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: css)))
    }

    /// The site's own CSS. The diff and history pages add their writers' stylesheets, which set
    /// the body's font and width, so this one styles only what those do not.
    static let site = """
    body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:0 1rem 2rem;color:#1d1d1f;background:#fff}
    nav.site{display:flex;gap:1.2rem;align-items:baseline;padding:.7rem 0;border-bottom:1px solid #ddd;margin-bottom:1rem;font-family:system-ui,sans-serif}
    nav.site a{color:#2456a4;text-decoration:none}nav.site a.brand{font-weight:700;color:#1d1d1f;font-size:1.1rem}
    h1{font:600 1.3rem system-ui,sans-serif}.lead{color:#444}.muted{color:#888;font-weight:400}.title{color:#555;font-size:.9rem}
    form.search{display:grid;gap:.4rem;max-width:900px}form.search label{font-weight:600}form.search p{margin:.3rem 0}
    .limit input{width:5rem}
    textarea{width:100%;box-sizing:border-box;font:14px/1.4 ui-monospace,monospace;padding:.5rem}
    button{font:600 .95rem system-ui,sans-serif;padding:.35rem .9rem;border-radius:4px;border:1px solid #2456a4;background:#2f67c0;color:#fff;cursor:pointer}
    table.list{border-collapse:collapse;width:100%}
    table.list th{text-align:left;font-size:.8rem;border-bottom:2px solid #ccc;padding:.3rem .5rem}
    table.list td{border-bottom:1px solid #eee;padding:.4rem .5rem;vertical-align:top}
    .num{text-align:right;font-variant-numeric:tabular-nums}meter{width:4rem}
    dl.meta{display:grid;grid-template-columns:8rem 1fr;gap:.2rem .8rem}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
    pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:15px/1.5 Georgia,serif;background:#fafafa;border:1px solid #eee;padding:1rem}
    td.changes{font-size:.85rem;color:#444;max-width:22rem}
    .error{color:#82071e}
    article.change{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.2rem}article.change h2{font:600 1.05rem system-ui,sans-serif;margin:.2rem 0}
    article.change p.meta{color:#555;font-size:.85rem;margin:.2rem 0;overflow-wrap:anywhere}article.change p.summary{margin:.2rem 0 .5rem}
    a{color:#2456a4}
    """
}
