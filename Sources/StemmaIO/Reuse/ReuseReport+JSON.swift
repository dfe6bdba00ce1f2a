import StemmaCore

/// JSON renderings: one record per line (`jsonl`), or one document (`json`).
///
/// ```
/// {"type":"passage","a":{"id":"x","bytes":[120,980],"words":140},"b":{…},"score":512,
///  "matches":131,"variants":4,"substitutions":3,"gapWords":2,"alignment":[{"op":"same","a":"…","b":"…"},…]}
/// {"type":"cluster","documents":3,"source":{"id":"x","date":"2022-03-01","bytes":[…],"words":140},"members":[…],"passages":[0,4]}
/// ```
extension ReuseReport {
    public static let schemaVersion = 1

    /// Passage lines, formula lines when shown, then cluster lines.
    public func jsonLines(alignment: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        for passage in result.passages + (showsFormulas ? result.formulas : []) {
            output += passageJSON(passage, alignment: alignment).utf8(pretty: false)
            output.append(UInt8(ascii: "\n"))
        }
        for cluster in clusters {
            output += clusterJSON(cluster).utf8(pretty: false)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    /// One JSON document: parameters, summary, passages and clusters.
    public func json(alignment: Bool = true) -> [UInt8] {
        let value = JSONValue.object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("parameters", .object([
                ("ngram", .int(parameters.ngram)), ("maxDF", .int(parameters.maximumDocumentFrequency)),
                ("minMatches", .int(parameters.minimumMatches)), ("minWords", .int(parameters.minimumWords)),
                ("maxGap", .int(parameters.maximumGap)), ("formulaDF", .int(parameters.formulaFrequency)),
            ])),
            ("summary", .object([
                ("documents", .int(documents.count)), ("words", .int(result.words)),
                ("candidatePairs", .int(result.candidatePairs)), ("anchors", .int(result.anchors)),
                ("passages", .int(result.passages.count)), ("pairs", .int(pairCount)), ("clusters", .int(clusters.count)),
                ("formulas", .int(result.formulas.count)), ("seconds", .double(seconds)),
            ])),
            ("passages", .array(result.passages.map { passageJSON($0, alignment: alignment) })),
        ] + (showsFormulas ? [("formulas", .array(result.formulas.map { passageJSON($0, alignment: alignment) }))] : []) + [
            ("clusters", .array(clusters.map(clusterJSON))),
        ])
        return value.utf8(pretty: true) + [UInt8(ascii: "\n")]
    }

    func passageJSON(_ passage: ReusePassage, alignment: Bool) -> JSONValue {
        let counts = passage.alignment.counts
        var members: [(String, JSONValue)] = [
            ("type", .string(passage.isFormula ? "formula" : "passage")),
            ("a", side(passage.a, passage.bytesA, passage.wordsA)),
            ("b", side(passage.b, passage.bytesB, passage.wordsB)),
            ("score", .int(passage.score)),
            ("matches", .int(counts.matches)), ("variants", .int(counts.variants)),
            ("substitutions", .int(counts.substitutions)), ("gapWords", .int(counts.gaps)),
        ]
        if alignment {
            members.append(("alignment", .array(segments(of: passage).map { segment in
                .object([("op", .string(segment.kind.rawValue)), ("a", .string(segment.a)), ("b", .string(segment.b))])
            })))
        }
        return .object(members)
    }

    func side(_ document: Int, _ bytes: Range<Int>, _ words: Range<Int>) -> JSONValue {
        .object([("id", .string(documents[document].id)), ("bytes", .range([bytes.lowerBound, bytes.upperBound])), ("words", .int(words.count))])
    }

    func clusterJSON(_ cluster: ReuseCluster) -> JSONValue {
        func member(_ member: ReuseCluster.Member) -> JSONValue {
            var fields: [(String, JSONValue)] = [("id", .string(documents[member.document].id))]
            if let date = documents[member.document].date { fields.append(("date", .string(date))) }
            fields += [("bytes", .range([member.bytes.lowerBound, member.bytes.upperBound])), ("words", .int(member.words.count))]
            return .object(fields)
        }
        return .object([
            ("type", .string("cluster")),
            ("documents", .int(cluster.documentCount)),
            ("source", member(cluster.members[cluster.source])),
            ("members", .array(cluster.members.map(member))),
            ("passages", .array(cluster.passages.map(JSONValue.int))),
        ])
    }
}
