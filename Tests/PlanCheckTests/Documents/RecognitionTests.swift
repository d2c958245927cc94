import Foundation
import Testing
@testable import PlanCheck

/// Recognition of the forms plans write, one small document each.
@Suite struct RecognitionTests {
    func recognize(_ text: String, file: String = "plan.txt") throws -> ImportedPlan {
        try PlanImport.recognize(bytes: Array(text.utf8), file: file)
    }

    func strings(_ value: ImportedValue?) -> [String] { value?.items.compactMap(\.stringValue) ?? [] }

    func task(_ plan: ImportedPlan, _ id: String) -> ImportedValue? {
        (plan.tasks + plan.actions).first { $0["id"]?.stringValue == id }
    }

    @Test func numberingHierarchyGivesIdsLevelsAndParents() throws {
        let plan = try recognize("""
        某市2023年重点工作实施方案
        一、总体要求
        二、重点任务
        （一）优化营商环境
        1.深化改革。推进“一网通办”。（牵头单位：市政务服务局）
        2.加强监管（责任单位：市市场监管局）
        （1）开展检查。（责任单位：市商务局）
        ①建立台账（牵头单位：市统计局）
        (二)加快项目建设
        1、推进重大项目（牵头单位：市发展改革委）
        """)
        let tasks = plan.tasks.map { [$0["id"]?.stringValue ?? "", $0["number"]?.stringValue ?? "", $0["parent"]?.stringValue ?? "-"] }
        #expect(tasks == [["2.1.1", "1.", "2.1"], ["2.1.2.1.1", "①", "2.1.2.1"], ["2.2.1", "1、", "2.2"]])
        let levels = (plan.sections + plan.actions + plan.tasks).map { $0["level"].flatMap { if case .integer(let n, _) = $0 { n } else { nil } } ?? 0 }
        #expect(levels.max() == 5)
        #expect(task(plan, "2.1.1")?["title"]?.stringValue == "深化改革")
        #expect(task(plan, "2.1.2")?["title"]?.stringValue == "加强监管")
        #expect(plan.root["plan"]?["title"]?.stringValue == "某市2023年重点工作实施方案")
    }

    @Test(arguments: [
        ("（牵头单位：市发展改革委、市财政局；参加单位：市统计局）", ["市发展改革委", "市财政局"], ["市统计局"], [String]()),
        ("（牵头单位：市发展改革委　责任单位：市财政局）", ["市发展改革委"], ["市财政局"], []),
        ("[牵头单位:市教育局;责任单位:市人社局、市财政局]", ["市教育局"], ["市人社局", "市财政局"], []),
        ("〔责任单位：市住建局、各县（市、区）人民政府〕", [], [], ["市住建局", "各县（市、区）人民政府"]),
        ("（市公安局牵头，市交通运输局配合）", ["市公安局"], ["市交通运输局"], []),
        ("（市民政局、市卫健委牵头，各有关部门按职责分工负责）", ["市民政局", "市卫健委"], ["各有关部门"], []),
        ("（市生态环境局负责）", [], [], ["市生态环境局"]),
        ("（牽頭單位：市發展改革委；協辦單位：市財政局）", ["市發展改革委"], ["市財政局"], []),
        ("(牵头单位:市科工贸信委,参加单位:市委组织部,市发展改革委、外办)", ["市科工贸信委"], ["市委组织部", "市发展改革委", "外办"], []),
        ("（责任单位：市发展改革委、科工贸信委等有关部门）", [], [], ["市发展改革委", "科工贸信委等有关部门"]),
        ("（责任单位：市发展改革委（牵头）、市财政局）", ["市发展改革委"], ["市财政局"], []),
        ("（责任单位：市财政局，2023年底前完成）", [], [], ["市财政局"]),
    ])
    func accountabilityForms(_ written: String, _ lead: [String], _ participants: [String], _ responsible: [String]) throws {
        let plan = try recognize("一、重点任务\n1.建立工作机制\(written)\n2.完善制度\(written)\n")
        let record = try #require(task(plan, "1.1"))
        #expect(strings(record["lead"]) == lead)
        #expect(strings(record["participants"]) == participants)
        #expect(strings(record["responsible"]) == responsible)
    }

    @Test func unitLinesUnderTheItemAndOwners() throws {
        let plan = try recognize("""
        一、重点任务
        1.建设智慧城市平台。
        牵头单位：市大数据局
        配合单位：市财政局、市通信管理局
        责任人：张三
        完成时限：2023年12月底
        2.其他
        """)
        let record = try #require(task(plan, "1.1"))
        #expect(strings(record["lead"]) == ["市大数据局"])
        #expect(strings(record["participants"]) == ["市财政局", "市通信管理局"])
        #expect(record["owner"]?.stringValue == "张三")
        #expect(record["due"]?.stringValue == "2023年12月底")
        // Every field points at its own line and column.
        #expect(record["lead"]?.items.first?.position == SourcePosition(line: 3, column: 6))
        #expect(record["due"]?.position == SourcePosition(line: 6, column: 6))
    }

    @Test func measuresInheritTheUnitsOfTheirActionMarkedAsInherited() throws {
        let plan = try recognize("""
        四、行动计划
        行动计划1.提高竞争力(牵头单位:市发展改革委,参加单位:市科工贸信委、金融办)
        (1)建设品牌之城。加快调整。
        (2)发展现代服务业。
        行动计划2.发展开放型经济(牵头单位:市科工贸信委)
        (3)打造总部基地。（牵头单位：市投资推广署）
        """)
        #expect(plan.actions.map { $0["id"]?.stringValue } == ["4.1", "4.2"])
        let m1 = try #require(task(plan, "4.1.1"))
        #expect(m1["action"]?.stringValue == "4.1")
        #expect(strings(m1["lead"]) == ["市发展改革委"])
        #expect(strings(m1["participants"]) == ["市科工贸信委", "金融办"])
        #expect(m1["unitsFrom"]?.stringValue == "4.1")
        let m3 = try #require(task(plan, "4.2.3"))
        #expect(strings(m3["lead"]) == ["市投资推广署"])
        #expect(m3["unitsFrom"] == nil)
    }

    @Test(arguments: [
        ("1.完成普查。2022年10月底前完成。", "2022年10月底前"),
        ("1.制定方案。年底前报市政府。", "年底前"),
        ("1.建立机制，6月底前完成。", "6月底前"),
        ("1.宣传计划于2011年6月30日以前制定。", "2011年6月30日以前"),
        ("1.报推进委员会审议（于2011年年底前）。", "2011年年底前"),
        ("1.实施期限至2025年12月31日前。", nil),
        ("1.在14个工作日内办结。", nil),
        ("1.到2025年，覆盖率达到90%。", nil),
        ("1.保持全国前列。", nil),
        ("1.完善制度（责任单位：市财政局，2023年底前完成）", "2023年底前"),
    ] as [(String, String?)])
    func deadlines(_ item: String, _ due: String?) throws {
        let plan = try recognize("一、任务（牵头单位：市政府办公室）\n" + item + "\n")
        #expect(task(plan, "1.1")?["due"]?.stringValue == due)
    }

    @Test func aWrappedLineStartingWithALabelContinuesItsParagraph() throws {
        let plan = try recognize("""
        一、目标
        到2050年,在“一国两制”框架下,深圳与香港开展更加紧密的合作,深港两地紧紧围绕经济发展、城市规划等方面开展合作,携手成为世界的经济中心之
        一、跨国公司总部集聚地、世界文化、创意、时尚的重要来源地和导引地。
        二、原则
        """)
        let records = plan.sections + plan.tasks
        #expect(records.map { $0["number"]?.stringValue } == ["一、", "二、"])
        #expect(plan.notes.allSatisfy { $0.rule != "import.ambiguous-numbering" })
        let text = try #require(records.first?["text"]?.stringValue)
        #expect(text.contains("经济中心之一、跨国公司"))
    }

    @Test func outOfSequenceNumberingIsNoted() throws {
        let plan = try recognize("一、甲（牵头单位：A局）\n二、乙（牵头单位：B局）\n二、丙（牵头单位：C局）\n")
        #expect(plan.tasks.map { $0["id"]?.stringValue } == ["1", "2", "2-2"])
        #expect(plan.notes.contains { $0.rule == "import.ambiguous-numbering" && $0.position.line == 3 })
    }

    @Test func chaptersArticlesAndActionLabels() throws {
        let plan = try recognize("""
        第一章 总则
        第一条 为规范管理，制定本办法。（责任单位：市司法局）
        第二章 任务
        第二条 专项行动。
        专项行动一：环境整治（牵头单位：市城管局）
        1.清理垃圾。
        第三条 附则。
        """)
        let numbers = (plan.sections + plan.actions + plan.tasks).compactMap { $0["number"]?.stringValue }
        #expect(Set(numbers) == ["第一章", "第一条", "第二章", "第二条", "专项行动一：", "1.", "第三条"])
        let cleanup = try #require(plan.tasks.first { $0["number"]?.stringValue == "1." })
        #expect(cleanup["parent"]?.stringValue == "2.2.1")
        #expect(strings(cleanup["lead"]) == ["市城管局"])
    }

    @Test func pipeTablesReadThroughTheirHeaders() throws {
        let plan = try recognize("""
        # 任务分解表
        | 序号 | 任务 | 牵头单位 | 责任单位 | 完成时限 |
        |---|---|---|---|---|
        | 1 | 建立台账。逐项销号 | 市发展改革委 | 市财政局、市统计局 | 2023年6月底前 |
        | 2 | 开展督查 | 市政府督查室 |  | 长期坚持 |
        """, file: "plan.md")
        #expect(plan.tasks.count == 2)
        let first = try #require(plan.tasks.first)
        // `# 任务分解表` names the document (a title, not an item): the rows are top-level.
        #expect(first["id"]?.stringValue == "1")
        #expect(first["title"]?.stringValue == "建立台账")
        #expect(strings(first["lead"]) == ["市发展改革委"])
        #expect(strings(first["participants"]) == ["市财政局", "市统计局"])
        #expect(first["due"]?.stringValue == "2023年6月底前")
        #expect(first["lead"]?.items.first?.position == SourcePosition(line: 4, column: 19))
        #expect(plan.tasks[1]["due"]?.stringValue == "长期坚持")
    }

    @Test func docxTablesWithMergedAreasAndResponsibleColumns() throws {
        func cell(_ text: String, _ props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(DocxFixture.paragraph(text))</w:tc>" }
        let body = DocxFixture.paragraph("重点任务分解表") + "<w:tbl>"
            + "<w:tr>\(cell("序号"))\(cell("领域"))\(cell("工作任务"))\(cell("责任单位"))</w:tr>"
            + "<w:tr>\(cell("1"))\(cell("营商环境", "<w:vMerge w:val=\"restart\"/>"))\(cell("压减审批时限"))\(cell("市政务服务局"))</w:tr>"
            + "<w:tr>\(cell("2"))<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>\(cell("推行告知承诺"))\(cell("市司法局、市政务服务局"))</w:tr>"
            + "</w:tbl>"
        let plan = try PlanImport.recognize(bytes: DocxFixture.package(body: body), file: "tasks.docx")
        try #require(plan.tasks.count == 2)
        #expect(plan.tasks.map { $0["area"]?.stringValue } == ["营商环境", "营商环境"])
        #expect(plan.tasks.map { strings($0["responsible"]) } == [["市政务服务局"], ["市司法局", "市政务服务局"]])
        #expect(plan.tasks.allSatisfy { $0["lead"] == nil })
        // A cell's value is located at its paragraph.
        #expect(plan.tasks[1]["responsible"]?.items.first?.position.line == 13)
    }

    @Test func planFactsFromThePreamble() throws {
        let plan = try recognize("""
        某某市人民政府办公室
        关于印发某某市“十四五”数字经济发展规划（2021—2025年）的通知
        （2021年9月3日）
        一、总体要求
        """)
        let facts = try #require(plan.root["plan"])
        #expect(facts["title"]?.stringValue == "关于印发某某市“十四五”数字经济发展规划（2021—2025年）的通知")
        #expect(facts["issuer"]?.stringValue == "某某市人民政府办公室")
        #expect(facts["issued"]?.stringValue == "2021-09-03")
        #expect(facts["period"]?["start"]?.stringValue == "2021-01-01")
        #expect(facts["period"]?["end"]?.stringValue == "2025-12-31")
    }

    @Test func periodSpansThePhasesWhenTheTitleNamesNone() throws {
        let plan = try recognize("""
        某某市推进国际化城市建设行动纲要
        第一阶段（2011—2020年），打好基础。
        第二阶段（2021—2050年），全面建成。
        一、总体要求
        """)
        let facts = try #require(plan.root["plan"])
        #expect(facts["phases"]?.items.count == 2)
        #expect(facts["period"]?["start"]?.stringValue == "2011-01-01")
        #expect(facts["period"]?["end"]?.stringValue == "2050-12-31")
        // A period the title names wins over the phases.
        let titled = try recognize("某某市发展规划（2021—2025年）\n第一阶段（2021—2022年），试点。\n一、总体要求\n")
        #expect(titled.root["plan"]?["period"]?["end"]?.stringValue == "2025-12-31")
    }

    @Test func aDeadlineBeforeTheDocumentsOwnDateIsAPastReference() throws {
        let plan = try recognize("""
        某某市就业工作情况汇报
        一、主要成效
        （一）就业。2009年以前登记毕业生全部实现就业。
        （二）社保。2014年6月底前完成社保卡发放。
        某某市人力资源和社会保障局　二〇一三年八月十二日
        """)
        #expect(plan.root["plan"]?["issued"]?.stringValue == "2013-08-12")
        #expect(plan.tasks.map { $0["due"]?.stringValue } == [nil, "2014年6月底前"])
        // A closing deadline clause is not the document's date.
        let undated = try recognize("某某市工作方案\n一、主要任务\n（一）建设平台，2012年12月31日前完成\n")
        #expect(undated.root["plan"]?["issued"] == nil)
        #expect(undated.tasks.first?["due"]?.stringValue == "2012年12月31日前")
        #expect(DeadlineReader.year(of: "２００９年以前") == 2009 && DeadlineReader.year(of: "年底前") == nil)
    }
}
