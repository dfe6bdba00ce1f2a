import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

/// Issue 12: a store's errors become HTTP responses in one place, with the store's message,
/// rather than a bare 500.
@Suite struct StoreErrorResponseTests {
    @Test func issue12_aDamagedStoreIsA500WithTheStoresMessage() async throws {
        let seeded = try TestServer.seeded(onDisk: true)
        try await DatabaseQueue(path: seeded.store.path).write { db in
            try db.execute(sql: "UPDATE documentVersion SET bytes = -5 WHERE documentId = 'harbor-bridge/v1.txt'")
        }
        let server = TestServer(store: try Store.open(path: seeded.store.path))
        try await server.test { client in
            let api = try await client.get("/api/documents/harbor-bridge%2Fv1.txt")
            #expect(api.status == .internalServerError)
            let message = try #require((try api.json()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("bytes") && message.contains("-5"))

            let page = try await client.get("/document?id=harbor-bridge%2Fv1.txt")
            #expect(page.status == .internalServerError)
            #expect(String(buffer: page.body).contains(message.replacingOccurrences(of: "\"", with: "&quot;")))
        }
    }

    @Test(arguments: [
        (StoreError.invalidDocumentID(id: "a", reason: "NUL"), HTTPResponse.Status.badRequest),
        (StoreError.needsUpgrade(path: "x.db"), .serviceUnavailable),
        (StoreError.corruptTextBlock(id: 1, reason: "short"), .internalServerError),
    ])
    func issue12_eachStoreErrorHasTheStatusOfWhoseFaultItIs(error: StoreError, status: HTTPResponse.Status) {
        #expect(error.status == status)
    }
}
