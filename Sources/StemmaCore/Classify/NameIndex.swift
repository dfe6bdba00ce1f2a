/// The folded parts of every capitalised word of one version, to ask whether the version mentions
/// a name anywhere.
///
/// `names-added` means a name the old version never mentions: a sentence that now names the
/// United States as `U.S.` where it said `America’s`, or drops `Ukraine` from one sentence of a
/// story full of it, adds or removes no name. Built once per diff, not per group, so that
/// classifying stays linear in the length of the texts.
struct NameIndex: Sendable {
    let parts: KeySet

    init(_ text: AnalyzedText) {
        var parts: [UInt64] = []
        for token in text.tokens where token.kind == .word && token.isCapitalized {
            ChangeClassifier.appendFoldedParts(of: token, in: text.bytes, to: &parts)
        }
        self.parts = KeySet(parts)
    }

    /// Whether the version writes every part of a name, capitalised, somewhere.
    func mentions(_ name: NameMention) -> Bool {
        name.parts.allSatisfy(parts.contains)
    }
}
