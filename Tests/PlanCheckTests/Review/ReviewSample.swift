import Foundation
import Testing
@testable import PlanCheck

/// The sample behind the pictures in docs/review.md: the opening of the Shenzhen 2011 action
/// programme as a draft with the slips a drafter makes (a unit's name cut short, a measure
/// without a deadline, a total that does not add up), reviewed both ways. Findings are written
/// in the checkers' own wording. Regenerate with
/// `PLANCHECK_REVIEW_SAMPLE=docs/review swift test --filter ReviewSample`.
@Suite struct ReviewSample {
    static let target = ProcessInfo.processInfo.environment["PLANCHECK_REVIEW_SAMPLE"]

    static let paragraphs: [(text: String, level: Int?, numbering: Int)] = [
        ("深圳市推进国际化城市建设行动纲要", nil, 0),
        ("为深入贯彻市第五次党代会精神，加快推进国际化城市建设，制定本行动纲要。本纲要共提出19项行动计划、52项具体措施。", nil, 0),
        ("四、深圳推进国际化城市建设行动计划", 1, 2),
        ("（一）提升城市综合经济实力。", 2, 3),
        ("行动计划1.提高城市的经济辐射带动能力和国际竞争力（牵头单位：市发展改革委，参加单位：市科工贸信委、文体旅游局、金融办）", 3, 0),
        ("（1）建设世界知名品牌之城。加快经济结构战略性调整，走高端化、集约化、创新型的发展道路，于2011年年底前提出品牌建设工作方案。", nil, 3),
        ("（2）优先发展现代服务业。大力发展创新金融、现代物流、电子商务、专业服务、会展等现代服务业。", nil, 3),
        ("行动计划2.加快发展开放型经济（牵头单位：市科工贸信，参加单位：市委组织部、市发展改革委、人力资源保障局、外办、金融办）", 3, 0),
        ("（6）全面打造具有国际影响力的总部基地。加大战略性招商力度，积极吸引国际知名大企业、金融机构落户深圳。", nil, 3),
        ("（7）支持本土企业实现国际化发展。着力培育一批本土跨国公司和国际知名品牌，于2011年6月31日前出台扶持办法。", nil, 3),
        ("五、保障措施", 1, 2),
        ("（一）加强宣传引导。市委宣传部牵头制定宣传工作方案，于2011年6月30日以前制定。", nil, 3),
    ]

    static let findings: [Finding] = [
        finding(2, .error, "total.declared-mismatch", "行动纲要: declared 52, counted 51 ($.measures[*])"),
        finding(7, .warning, "deadline.missing", "（2）: no deadline (`due`); a measure needs one (年底前, 2011年6月30日以前)"),
        finding(8, .error, "accountability.unknown-lead", "行动计划2: lead unit 市科工贸信 is not in the unit registry (did you mean 市科工贸信委?)"),
        finding(8, .warning, "accountability.unknown-participant", "行动计划2: participating unit 外办 is not in the unit registry (did you mean 市外办?)"),
        finding(9, .info, "task-owner", "（6）：未明确责任人（落实到人头）"),
        finding(10, .error, "deadline.invalid", "（7）: `2011年6月31日` is not a date (June has 30 days)"),
        finding(0, .warning, "permits.rate", "一书两证 execution rate is not stated for the plan's projects"),
    ]

    static func finding(_ line: Int, _ severity: Severity, _ rule: String, _ message: String) -> Finding {
        Finding(rule: rule, checker: rule.split(separator: ".").first.map(String.init) ?? rule, severity: severity,
                message: message, file: "深圳市推进国际化城市建设行动纲要.docx", line: line, column: 1, path: "$", record: "")
    }

    static var document: PlanDocument {
        PlanDocument(file: "深圳市推进国际化城市建设行动纲要.docx", paragraphs: paragraphs.enumerated().map { index, p in
            PlanParagraph(line: index + 1, text: p.text, numberingLength: p.numbering, outlineLevel: p.level)
        })
    }

    static var docx: [UInt8] {
        get throws {
            let body = paragraphs.enumerated().map { index, p in
                ReviewFixture.paragraph(p.text, style: index == 0 ? "a3" : p.level.map { $0 == 1 ? "1" : "2" })
            }.joined()
            return try ReviewFixture.package(document: ReviewFixture.document(body))
        }
    }

    @Test(.enabled(if: target != nil, "set PLANCHECK_REVIEW_SAMPLE=FOLDER to write the docs sample"))
    func writeSample() throws {
        let folder = try #require(Self.target)
        try FileSystem.writeAtomically(Array(AnnotatedView.html(document: Self.document, findings: Self.findings).utf8),
                                       to: folder + "/review-sample.html")
        try FileSystem.writeAtomically(try ReviewCopy.make(original: try Self.docx, file: "sample.docx", findings: Self.findings),
                                       to: folder + "/review-sample.审阅.docx")
    }

    /// The sample is what the docs show: every finding is a comment, on the paragraph it names.
    @Test func theSampleReviewsCleanly() throws {
        let back = try ReadBack(try ReviewCopy.make(original: try Self.docx, file: "sample.docx", findings: Self.findings))
        #expect(back.comments.count == Self.findings.count)
        #expect(back.starts.mapValues(\.count) == [1: 1, 2: 1, 7: 1, 8: 2, 9: 1, 10: 1])
    }
}
