import StemmaWeb

/// libFuzzer entry point: any bytes read as a web archive must end, with records and problems at
/// offsets inside the input, and never crash. Built only by `Fuzz/run.sh warc`, with
/// -sanitize=fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    if let problem = ArchiveReader.fuzzProblem(in: bytes) { fatalError(problem) }
    return 0
}
