import Foundation
import Testing
@testable import PlanCheck

/// The recognition bar of issue 12, measured on the hand-labelled corpus (`PlanExcerpt`): over
/// all excerpts, at least 95 % of the lead / participants / responsible / due fields exact, and
/// no false items. A field counts when the reader or the tool fills it (two empty fields agree
/// trivially and would only flatter the rate); a missing record counts its filled fields wrong.
@Suite struct PlanCorpusEvaluationTests {
    static let corpus = PlanExcerpt.notices + PlanExcerpt.structures + PlanExcerpt.mixed
    static let fieldKinds = ["lead", "participants", "responsible", "due"]

    struct Score {
        var exact: [String: Int] = [:]
        var counted: [String: Int] = [:]
        var falseItems: [String] = []
        var misses: [String] = []

        func rate(_ kind: String) -> Double {
            let n = counted[kind] ?? 0
            return n == 0 ? 1 : Double(exact[kind] ?? 0) / Double(n)
        }
    }

    static func recognize(_ excerpt: PlanExcerpt) throws -> ImportedPlan {
        try PlanImport.recognize(bytes: excerpt.bytes(), file: "plan." + excerpt.format.rawValue)
    }

    static func units(_ value: ImportedValue?) -> [String] { value?.items.compactMap(\.stringValue) ?? [] }

    static func score(_ excerpt: PlanExcerpt, into score: inout Score) throws {
        let plan = try recognize(excerpt)
        var actual: [String: ImportedValue] = [:]
        for record in plan.actions + plan.tasks {
            if let id = record["id"]?.stringValue { actual[id] = record }
        }
        let expected = excerpt.records
        let expectedIds = Set(expected.map(\.id))
        for id in actual.keys.sorted() where !expectedIds.contains(id) {
            score.falseItems.append("\(excerpt.name): \(id) \(actual[id]?["title"]?.stringValue ?? "")")
        }
        for record in plan.sections + plan.actions + plan.tasks {
            let title = record["title"]?.stringValue ?? ""
            for line in excerpt.notItems where title == line {
                score.falseItems.append("\(excerpt.name): `\(line)` became a record")
            }
        }
        for (id, want) in expected {
            let got = actual[id]
            let fields: [(String, [String], [String])] = [
                ("lead", want.lead, units(got?["lead"])),
                ("participants", want.participants, units(got?["participants"])),
                ("responsible", want.responsible, units(got?["responsible"])),
                ("due", want.due.map { [$0] } ?? [], got?["due"]?.stringValue.map { [$0] } ?? []),
            ]
            for (kind, wanted, found) in fields where !(wanted.isEmpty && found.isEmpty) {
                score.counted[kind, default: 0] += 1
                if wanted == found {
                    score.exact[kind, default: 0] += 1
                } else {
                    score.misses.append("\(excerpt.name) \(id) \(kind): expected \(wanted), got \(got == nil ? "no record" : "\(found)")")
                }
            }
        }
    }

    @Test func theCorpusIsVaried() {
        #expect(Self.corpus.count >= 25)
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count)
        #expect(Set(Self.corpus.map(\.format)) == [.txt, .md, .docx])
        // Every excerpt holds records to score, and every expectation line parses.
        for excerpt in Self.corpus {
            let lines = excerpt.expected.split(separator: "\n").count
            #expect(excerpt.records.count == lines && lines >= 3, "\(excerpt.name)")
        }
    }

    @Test func fieldsAreExactAndNoItemIsFalse() throws {
        var score = Score()
        for excerpt in Self.corpus { try Self.score(excerpt, into: &score) }
        let summary = Self.fieldKinds.map { "\($0) \(score.exact[$0] ?? 0)/\(score.counted[$0] ?? 0)" }.joined(separator: ", ")
        for kind in Self.fieldKinds {
            #expect((score.counted[kind] ?? 0) >= 20, "too few \(kind) fields to measure")
            #expect(score.rate(kind) >= 0.95, "\(kind): \(summary)\n\(score.misses.joined(separator: "\n"))")
        }
        #expect(score.falseItems.isEmpty, "false items:\n\(score.falseItems.joined(separator: "\n"))")
    }

    /// Each excerpt on its own, so a regression names the style it broke.
    @Test(arguments: corpus)
    func excerpt(_ excerpt: PlanExcerpt) throws {
        var score = Score()
        try Self.score(excerpt, into: &score)
        #expect(score.falseItems.isEmpty, "\(score.falseItems)")
        #expect(score.misses.isEmpty, "\(score.misses.joined(separator: "\n"))")
    }
}
