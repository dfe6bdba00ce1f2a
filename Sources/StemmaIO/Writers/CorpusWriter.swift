import StemmaCore
/// Writes corpus records as JSONL: `id`, `text`, the metadata present, then the members that
/// passed through from the input, in their input order.
public enum CorpusWriter {
    public static func jsonLine(_ record: CorpusRecord) -> [UInt8] {
        var members: [(String, JSONValue)] = [("id", .string(record.id)), ("text", .string(String(decoding: record.text, as: UTF8.self)))]
        for (key, value) in [("title", record.title), ("date", record.date), ("url", record.url), ("source", record.source)] {
            if let value { members.append((key, .string(value))) }
        }
        var line = JSONValue.object(members).utf8(pretty: false)
        if !record.extra.isEmpty {
            line.removeLast()  // the closing brace: raw members follow
            for member in record.extra {
                line += Array(",".utf8) + JSONValue.string(member.key).utf8(pretty: false) + Array(":".utf8) + member.json
            }
            line.append(UInt8(ascii: "}"))
        }
        line.append(0x0A)
        return line
    }
}
