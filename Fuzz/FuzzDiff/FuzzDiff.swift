import StemmaIO

/// libFuzzer entry point: any two texts diff losslessly, and their JSON report rebuilds the new
/// one through `stemma patch`'s checks. Built only by `Fuzz/run.sh diff`, with -sanitize=fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiff(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    if let failure = DiffReport.fuzzRoundTripFailure(in: bytes) {
        fatalError("diff round trip: \(failure)")
    }
    return 0
}
