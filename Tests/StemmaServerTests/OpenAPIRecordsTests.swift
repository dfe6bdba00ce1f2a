import Foundation
import HTTPTypes
import HummingbirdTesting
import StemmaServer
import StemmaStore
import StemmaTestSupport
import Testing

/// Issue 12: the records are written down once, in openapi.yaml, and the server writes exactly
/// those: every required member, and no member the schema does not list.
@Suite struct OpenAPIRecordsTests {
    /// A schema's member names: those listed under `properties`, and those `required`.
    struct Schema {
        var properties: Set<String> = []
        var required: Set<String> = []
    }

    /// The object schemas of `components.schemas`, read by indentation: the file keeps each
    /// schema's `required: [...]` on one line and each property on a line of its own.
    static func schemas() throws -> [String: Schema] {
        let path = Fixtures.packageRoot.appendingPathComponent("Sources/StemmaServer/openapi.yaml").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var schemas: [String: Schema] = [:]
        var inSchemas = false, current: String?, inProperties = false
        for line in lines {
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if indent == 2 { inSchemas = text == "schemas:"; current = nil; continue }
            if indent == 0 && !text.isEmpty { inSchemas = false }
            guard inSchemas else { continue }
            if indent == 4, text.hasSuffix(":") {
                current = String(text.dropLast())
                schemas[current ?? ""] = Schema()
                inProperties = false
            } else if indent == 6, let name = current {
                inProperties = text == "properties:"
                if text.hasPrefix("required: [") {
                    let list = text.dropFirst("required: [".count).prefix { $0 != "]" }
                    schemas[name]?.required = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                }
            } else if indent == 8, inProperties, let name = current, let colon = text.firstIndex(of: ":") {
                schemas[name]?.properties.insert(String(text[..<colon]))
            }
        }
        return schemas
    }

    func check(_ object: [String: Any], against name: String, in schemas: [String: Schema], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = try #require(schemas[name], "openapi.yaml has no schema \(name)", sourceLocation: sourceLocation)
        let keys = Set(object.keys)
        #expect(schema.required.isSubset(of: keys), "\(name) lacks \(schema.required.subtracting(keys).sorted())", sourceLocation: sourceLocation)
        #expect(keys.isSubset(of: schema.properties), "\(name) has undocumented \(keys.subtracting(schema.properties).sorted())",
                sourceLocation: sourceLocation)
    }

    @Test func issue12_responsesHoldExactlyTheDocumentedMembers() async throws {
        let schemas = try Self.schemas()
        #expect(schemas["Match"]?.properties.contains("containmentOfQuery") == true)
        let server = try TestServer.seeded()
        try await server.test { client in
            let document = try await client.get("/api/documents/\(pathEncoded(TestServer.oldSeedID))").json()
            try check(document, against: "Document", in: schemas)

            let added = try await client.post("/api/documents", json: ["id": "new", "text": "A new text about something else."]).json()
            try check(added, against: "DocumentOutcomes", in: schemas)
            try check(try #require((added["documents"] as? [[String: Any]])?.first), against: "DocumentOutcome", in: schemas)

            let matches = try await client.post("/api/match", json: ["text": try Fixtures.newSeed(), "summary": true]).json()
            try check(try #require((matches["matches"] as? [[String: Any]])?.first), against: "Match", in: schemas)

            let families = try await client.get("/api/families").json()
            try check(try #require((families["families"] as? [[String: Any]])?.first), against: "Family", in: schemas)

            let history = try await client.get("/api/families/\(pathEncoded(TestServer.newSeedID))/history").json()
            try check(history, against: "History", in: schemas)
            for version in try #require(history["versions"] as? [[String: Any]]) {
                try check(version, against: "HistoryVersion", in: schemas)
            }
        }
    }
}
