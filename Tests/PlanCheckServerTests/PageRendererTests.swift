import Testing
import PlanCheck
@testable import PlanCheckServerCore

@Suite struct PageRendererTests {
    let renderer = PageRenderer(catalog: ExampleServer.catalog)

    @Test func chineseByDefaultWithEveryRuleSet() {
        let page = renderer.render(language: .zh, today: PlanDate(year: 2026, month: 12, day: 1))
        #expect(page.contains("<html lang=\"zh\">"))
        #expect(page.contains("方案文件"))
        #expect(page.contains("value=\"2026-12-01\""))
        #expect(page.contains("<option value=\"shenzhen-2011\" selected>深圳市国际化城市建设行动纲要（2011）</option>"))
        #expect(page.contains("href=\"/?lang=en\""))
        for entry in ExampleServer.catalog.entries { #expect(page.contains("value=\"\(entry.name)\"")) }
    }

    @Test func englishSwitch() {
        let page = renderer.render(language: .en)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Plan files"))
        #expect(page.contains("Shenzhen internationalisation programme (2011)"))
        #expect(page.contains("href=\"/?lang=zh\""))
        #expect(PageLanguage(query: "en") == .en && PageLanguage(query: "fr") == .zh && PageLanguage(query: nil) == .zh)
    }

    /// Every control has a label, and nothing is loaded from another host.
    @Test func accessibleAndSelfContained() throws {
        let page = renderer.render(language: .zh)
        for id in ["files", "asOf", "ruleset"] {
            #expect(page.contains("<label for=\"\(id)\">"))
            #expect(page.contains("id=\"\(id)\""))
        }
        #expect(page.contains("name=\"viewport\""))
        #expect(page.contains("aria-live=\"polite\""))
        for text in [page, EmbeddedAssets.pageCSS, EmbeddedAssets.pageScript] {
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"))
            #expect(!text.contains("@import") && !text.contains("@font-face"))
        }
        for ext in UploadFileName.acceptedExtensions { #expect(page.contains("." + ext)) }
    }

    @Test func labelsAreEscaped() throws {
        var entry = try #require(ExampleServer.catalog.entries.first)
        entry.label = .init(zh: "<script>alert(1)</script>", en: "a&b")
        let page = PageRenderer(catalog: RuleSetCatalog(entries: [entry], defaultName: entry.name)).render(language: .zh)
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;"))
    }

    /// The script's words come from the same table, in the page's language.
    @Test func stringsTableIsEmbedded() {
        let page = renderer.render(language: .en)
        #expect(page.contains("\"noFindings\":\"No findings.\""))
        #expect(PageStrings.table.values.allSatisfy { !$0.zh.isEmpty && !$0.en.isEmpty })
    }
}
