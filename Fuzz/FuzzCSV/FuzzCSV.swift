import StemmaIO

/// libFuzzer entry point: reading the input as CSV in small reads must agree with reading it
/// whole, and must never crash. Built only by `Fuzz/run.sh csv`, with -sanitize=fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    if let difference = CorpusReader.fuzzDisagreement(in: bytes, format: "csv", thorough: false) {
        fatalError("streamed CSV reading disagrees: \(difference)")
    }
    return 0
}
