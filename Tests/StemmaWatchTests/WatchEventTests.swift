import Testing
@testable import StemmaWatch

@Suite struct WatchEventTests {
    @Test func aFailureCarriesItsURLAndDate() {
        let event = WatchEvent(kind: .failed, url: "http://127.0.0.1/a", date: "2026-12-02T10:00:00Z")
        #expect(event.kind == .failed)
        #expect(event.summary == nil)
    }
}
