import StemmaCore
import StemmaIO
import StemmaWeb

/// The one text that `diff` and `match` take: a text file, or a web page (an `.html`, `.htm` or
/// `.xhtml` file), whose text is its article (`--extract`) and whose metadata comes along.
enum TextOrPage {
    static func read(_ path: String, lossy: Bool, extract: ExtractionMode) throws -> (TextInput, Document?) {
        guard path != "-", CorpusReader.isHTML(path) else { return (try TextInput.read(path, lossy: lossy), nil) }
        let bytes = try TextInput.readBytes(path)
        do {
            let page = try WebReader(mode: extract).document(fromHTML: bytes, id: path, url: nil)
            return (try TextInput.decode(page.text, path: path, lossy: true), page)
        } catch var error as ReadError {
            error.file = path
            throw error
        }
    }
}
