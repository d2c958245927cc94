import Foundation
import PlanCheck

/// `GET /`: the page, in Chinese or English. Everything it needs comes from this server
/// (`/assets/page.css`, `/assets/page.js`); the form works with the keyboard and a screen reader
/// (every control labelled, results announced), and on a phone-width screen.
public struct PageRenderer: Sendable {
    public let catalog: RuleSetCatalog

    public init(catalog: RuleSetCatalog) { self.catalog = catalog }

    public func render(language: PageLanguage, today: PlanDate = .today()) -> String {
        func t(_ key: String) -> String { HTML.escape(PageStrings.text(key, language)) }
        let other: PageLanguage = language == .zh ? .en : .zh
        let accept = UploadFileName.acceptedExtensions.map { "." + $0 }.joined(separator: ",")
        let options = catalog.entries.map { entry in
            let selected = entry.name == catalog.defaultName ? " selected" : ""
            return "<option value=\"\(HTML.escape(entry.name))\"\(selected)>\(HTML.escape(entry.label.text(language)))</option>"
        }.joined(separator: "\n          ")
        let strings = JSONValue.object(PageStrings.table.keys.sorted().map { ($0, .string(PageStrings.text($0, language))) }).text(pretty: false)
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>PlanCheck · \(t("title"))</title>
        <link rel="stylesheet" href="/assets/page.css">
        </head>
        <body>
        <header>
          <h1>PlanCheck · \(t("title"))</h1>
          <a href="/?lang=\(other.rawValue)" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(t("switch"))</a>
        </header>
        <main>
        <p class="tagline">\(t("tagline"))</p>
        <form id="check-form" method="post" action="/api/v1/check" enctype="multipart/form-data">
          <div class="fields">
            <div class="field">
              <label for="files">\(t("files"))</label>
              <input type="file" id="files" name="file" multiple required accept="\(accept)" aria-describedby="files-help">
              <span class="help" id="files-help">\(t("filesHelp"))</span>
            </div>
            <div class="field">
              <label for="asOf">\(t("asOf"))</label>
              <input type="date" id="asOf" name="asOf" value="\(today)" required aria-describedby="asof-help">
              <span class="help" id="asof-help">\(t("asOfHelp"))</span>
            </div>
            <div class="field">
              <label for="ruleset">\(t("ruleset"))</label>
              <select id="ruleset" name="ruleset">
                  \(options)
              </select>
            </div>
          </div>
          <button type="submit" class="primary" id="submit">\(t("submit"))</button>
          <p id="status" role="status" aria-live="polite"></p>
        </form>
        <div id="results" aria-live="polite"></div>
        </main>
        <footer>\(t("footer"))<a href="/api/v1/openapi.json">/api/v1/openapi.json</a></footer>
        <script type="application/json" id="strings">\(strings.replacingOccurrences(of: "</", with: "<\\/"))</script>
        <script src="/assets/page.js"></script>
        </body>
        </html>

        """
    }
}

enum HTML {
    /// The library's one markup escaper, so the page escapes as the reports do.
    static func escape(_ text: String) -> String { StringEscaping.markup(text) }
}
