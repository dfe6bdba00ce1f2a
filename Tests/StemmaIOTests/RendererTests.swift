import Foundation
import StemmaCore
import StemmaIO
import StemmaTestSupport
import Testing

@Suite struct RendererTests {
    @Test func htmlEscapesDocumentTextAndIsSelfContained() {
        let diff = VersionDiff(old: "Safe text here.", new: "Safe text here. <script>alert('x')</script> & more.")
        let html = HTMLDiffWriter().render(diff, oldName: "<old>", newName: "new.txt")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more."))
        #expect(html.contains("&lt;old&gt;"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"))
        #expect(html.contains("<table class=\"diff\">") && html.contains("class=\"legend\""))
    }

    @Test func htmlMarksBillGertzAsInserted() throws {
        let diff = VersionDiff(old: AnalyzedText(try Fixtures.oldSeed()), new: AnalyzedText(try Fixtures.newSeed()))
        let html = HTMLDiffWriter().render(diff, oldName: "old", newName: "new")
        #expect(html.contains("<ins>, Bill Gertz</ins>") || html.contains("<ins>Bill Gertz"))
    }

    @Test func terminalPlainOutputUsesWordDiffMarkers() {
        let diff = VersionDiff(old: "The council voted Wednesday to close the bridge. It rained.",
                               new: "The council voted to close the old bridge. It rained.")
        let text = TerminalDiffWriter(useColor: false).render(diff)
        #expect(text.contains("- The council voted [-Wednesday-] to close the bridge."))
        #expect(text.contains("+ The council voted to close the {+old+} bridge."))
        #expect(text.contains("@@ edited · old 1 · new 1 · time-words-removed (Wednesday)"))
        #expect(text.contains("  It rained."))
        #expect(text.hasSuffix("1 unchanged, 1 edited, 0 split, 0 merged, 0 moved, 0 added, 0 deleted · Jaccard 0.00 · containment old→new 0.00, new→old 0.00\n"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func contextLimitsUnchangedSentences() {
        let old = (1...9).map { "Sentence \($0) is about the harbor." }.joined(separator: " ")
        let new = old.replacingOccurrences(of: "Sentence 5 is", with: "Sentence 5 was")
        let diff = VersionDiff(old: old, new: new)
        let onlyChanges = TerminalDiffWriter(useColor: false, context: 0).render(diff)
        #expect(!onlyChanges.contains("Sentence 4 is"))
        let withContext = TerminalDiffWriter(useColor: false, context: 1).render(diff)
        #expect(withContext.contains("Sentence 4 is") && withContext.contains("Sentence 6 is"))
        #expect(!withContext.contains("Sentence 3 is"))
        let colored = TerminalDiffWriter(useColor: true, context: 0).render(diff)
        #expect(colored.contains("\u{1B}["))
    }
}
