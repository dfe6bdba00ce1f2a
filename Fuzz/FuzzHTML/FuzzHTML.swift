import StemmaWeb

/// libFuzzer entry point: any bytes read as a web page, article and all text, must give valid
/// UTF-8 and never crash or hang. Built only by `Fuzz/run.sh html`, with -sanitize=fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    for mode in [ExtractionMode.article, .text] {
        let page = WebPage(html: bytes, mode: mode)
        if String(validating: page.text, as: UTF8.self) == nil { fatalError("extracted text is not UTF-8") }
    }
    return 0
}
