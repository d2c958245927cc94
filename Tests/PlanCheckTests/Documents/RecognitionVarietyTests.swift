import Foundation
import Testing
@testable import PlanCheck

/// Forms other offices write that the seeds do not: one behaviour each (the corpus in
/// `Corpus/` measures them together).
@Suite struct RecognitionVarietyTests {
    func recognize(_ text: String, file: String = "plan.txt") throws -> ImportedPlan {
        try PlanImport.recognize(bytes: Array(text.utf8), file: file)
    }

    func record(_ plan: ImportedPlan, _ id: String) -> ImportedValue? {
        (plan.tasks + plan.actions).first { $0["id"]?.stringValue == id }
    }

    func units(_ value: ImportedValue?) -> [String] { value?.items.compactMap(\.stringValue) ?? [] }

    @Test func everyCityAndCountyGovernmentIsOneUnit() throws {
        let plan = try recognize("一、任务\n1.推进建设。（责任单位：省财政厅，各市、县（市、区）人民政府）\n2.其他。（责任单位：各区、各部门）\n")
        #expect(units(record(plan, "1.1")?["responsible"]) == ["省财政厅", "各市、县（市、区）人民政府"])
        #expect(units(record(plan, "1.2")?["responsible"]) == ["各区", "各部门"])
    }

    /// The notice's closing block is no item's text: `附件：<one attachment>`, `抄送：…` and the
    /// `…日印发` line end the body, so the last item keeps only its own text.
    @Test func theClosingBlockEndsTheBody() throws {
        let plan = try recognize("""
        一、任务
        （一）强化保护。（各区人民政府按职责分工负责）
        附件：重点任务清单
        抄送：市委各部门，市人大常委会办公厅。
        某市人民政府办公室　　2024年3月5日印发
        """)
        #expect(record(plan, "1.1")?["text"]?.stringValue == "强化保护。（各区人民政府按职责分工负责）")
        let noAttachment = try recognize("一、任务\n（一）强化保护。（市科技局负责）\n抄送：市委各部门。\n")
        #expect(record(noAttachment, "1.1")?["text"]?.stringValue == "强化保护。（市科技局负责）")
        #expect(units(record(noAttachment, "1.1")?["responsible"]) == ["市科技局"])
        // A sentence that merely mentions an attachment stays in its item.
        let mention = try recognize("一、任务\n（一）编制清单。\n附件中的清单由市发展改革委汇总\n")
        #expect(record(mention, "1.1")?["text"]?.stringValue?.contains("附件中的清单") == true)
    }

    /// A month or a year followed by the work's completion is a deadline without 底 or 前;
    /// what was done (`完成了`, `已完成`) and targets (`到2025年`) are not.
    @Test func aMonthOrYearBeforeCompletionIsADeadline() throws {
        let plan = try recognize("""
        一、任务
        （一）建设平台。2023年6月完成平台建设。（责任单位：市数据局）
        （二）修订办法。于2024年3月完成。（市司法局负责）
        （三）推广应用。2024年完成全市推广。（市数据局负责）
        （四）总结经验。2022年6月完成了试点，2022年9月已完成验收。（市数据局负责）
        （五）建设示范区。到2025年完成示范区建设。（市发展改革委负责）
        """)
        #expect(record(plan, "1.1")?["due"]?.stringValue == "2023年6月")
        #expect(record(plan, "1.2")?["due"]?.stringValue == "2024年3月")
        #expect(record(plan, "1.3")?["due"]?.stringValue == "2024年")
        #expect(record(plan, "1.4")?["due"] == nil)
        #expect(record(plan, "1.5")?["due"] == nil)
    }

    /// `（财政部、税务总局）` closing an item: units without a role word are the responsible
    /// (no lead is guessed) and noted; brackets that are no unit list are left alone.
    @Test func aBareUnitBracketNamesTheResponsible() throws {
        let plan = try recognize("""
        一、任务
        （一）完善税收政策。研究出台支持措施。（财政部、税务总局）
        （二）推进改革（2023—2025年）。（国家发展改革委、各省级人民政府）
        （三）出台办法（试行），明确标准（以下简称标准）。
        """)
        #expect(units(record(plan, "1.1")?["responsible"]) == ["财政部", "税务总局"])
        #expect(record(plan, "1.1")?["lead"] == nil)
        #expect(units(record(plan, "1.2")?["responsible"]) == ["国家发展改革委", "各省级人民政府"])
        #expect(units(record(plan, "1.3")?["responsible"]) == [])
        #expect(plan.notes.contains { $0.rule == "import.unlabelled-units" && $0.position.line == 2 })
    }

    @Test func roleSentencesOutsideBracketsButNotExhortations() throws {
        let plan = try recognize("""
        一、任务
        （一）完善服务。扩大供给。由市教育局牵头，市财政局配合。
        （二）保障健康。市卫生健康委负责。
        （三）营造氛围。各区、各部门要加强宣传引导，抓好落实。
        """)
        #expect(units(record(plan, "1.1")?["lead"]) == ["市教育局"])
        #expect(units(record(plan, "1.1")?["participants"]) == ["市财政局"])
        #expect(units(record(plan, "1.2")?["responsible"]) == ["市卫生健康委"])
        #expect(record(plan, "1.3") == nil)
    }

    @Test func roleBracketsWithDeadlineAndLabelledClauses() throws {
        let plan = try recognize("一、任务\n1.改造管网。（市水务局负责，2024年12月底前完成）\n2.宣传推广。（市委宣传部牵头，市外办配合；完成时限：2023年12月底前）\n")
        #expect(units(record(plan, "1.1")?["responsible"]) == ["市水务局"])
        #expect(record(plan, "1.1")?["due"]?.stringValue == "2024年12月底前")
        #expect(units(record(plan, "1.2")?["lead"]) == ["市委宣传部"])
        #expect(units(record(plan, "1.2")?["participants"]) == ["市外办"])
        #expect(record(plan, "1.2")?["due"]?.stringValue == "2023年12月底前")
    }

    @Test func recurringDeadlinesKeepTheirFirstYear() throws {
        let plan = try recognize("一、任务（牵头单位：市统计局）\n1.报送数据，2024年起每年6月底前完成。\n2.进度安排：2025年起每年\n")
        #expect(record(plan, "1.1")?["due"]?.stringValue == "2024年起每年6月底前")
        #expect(record(plan, "1.2")?["due"]?.stringValue == "2025年起每年")
    }

    @Test func anItemMayStartWithAYearButAnAmountIsNoLabel() throws {
        let plan = try recognize("一、任务（牵头单位：市城管局）\n1.完善体系。\n2.2023年12月底前建成处理厂。\n1.5亿元用于补助。\n")
        #expect(record(plan, "1.2")?["due"]?.stringValue == "2023年12月底前")
        #expect(plan.tasks.count == 2)
    }

    @Test func targetsUnderFramingHeadingsAreNotTasks() throws {
        let plan = try recognize("一、总体要求\n（一）工作目标。2025年底前基本解决住房困难。\n二、任务\n（一）建设住房。（责任单位：市住建局）\n")
        #expect(plan.tasks.compactMap { $0["id"]?.stringValue } == ["2.1"])
    }

    @Test func anAttachmentListIsNoItemsAndAnAttachmentClosesTheBody() throws {
        let plan = try recognize("""
        一、任务
        1.开展抽查。（责任单位：区市场监管局）
        附件：1.抽查计划表
        2.联系人名单
        附件
        | 序号 | 工作任务 | 牵头单位 | 完成时限 |
        | 1 | 校园食品安全守护 | 市教育局 | 2023年9月底前 |
        """)
        let titles = (plan.sections + plan.actions + plan.tasks).compactMap { $0["title"]?.stringValue }
        #expect(!titles.contains("联系人名单"))
        // The attached table's rows stand on their own, not under the last item.
        #expect(units(record(plan, "1")?["lead"]) == ["市教育局"])
        #expect(record(plan, "1.1")?["parent"]?.stringValue == "1")
    }

    @Test func aMarkdownTitleHeadingIsThePlansTitleNotAnItem() throws {
        let plan = try recognize("# 某市2024年工作要点\n\n## 一、任务\n\n1. 建设平台。（责任单位：市大数据局）\n", file: "plan.md")
        #expect(record(plan, "1.1") != nil)
        #expect(plan.root["plan"]?["title"]?.stringValue == "某市2024年工作要点")
    }

    @Test func aHeaderOverTwoRowsAndTaskAndMeasureColumns() throws {
        let plan = try recognize("""
        | 序号 | 重点任务 | 具体措施 | 责任分工 |  | 时间安排 |
        |  |  |  | 牵头单位 | 责任单位 |  |
        | 1 | 扩大投资 | 加快项目前期工作 | 市发展改革委 | 市自然资源局 | 2023年12月底前 |
        """)
        let row = try #require(record(plan, "1"))
        #expect(row["title"]?.stringValue == "加快项目前期工作")
        #expect(row["area"]?.stringValue == "扩大投资")
        #expect(units(row["lead"]) == ["市发展改革委"])
        #expect(units(row["participants"]) == ["市自然资源局"])
        #expect(row["due"]?.stringValue == "2023年12月底前")
        #expect(plan.tasks.count == 1)
    }
}

/// Tables copied from Word into text, and deadlines written without 前.
@Suite struct RecognitionTextTableTests {
    func recognize(_ text: String) throws -> ImportedPlan {
        try PlanImport.recognize(bytes: Array(text.utf8), file: "plan.txt")
    }

    @Test func tabSeparatedRowsUnderAKnownHeaderAreATable() throws {
        let plan = try recognize("某区安排\n序号\t项目名称\t牵头单位\t完成时限\n1.\t新建社区食堂\t区民政局\t2024年9月底前\n某区人民政府办公室\n")
        let row = try #require(plan.tasks.first)
        #expect(row["id"]?.stringValue == "1")
        #expect(row["number"]?.stringValue == "1.")
        #expect(row["lead"]?.items.compactMap(\.stringValue) == ["区民政局"])
        #expect(row["lead"]?.items.first?.position == SourcePosition(line: 3, column: 11))
        #expect(plan.tasks.count == 1)
        // Tabs in prose are not a table.
        let prose = try recognize("一、任务\n1.建设\t平台。（责任单位：市大数据局）\n")
        #expect(prose.tasks.count == 1 && prose.tasks[0]["id"]?.stringValue == "1.1")
    }

    @Test(arguments: [
        ("1.改造小区，2023年11月底完成。", "2023年11月底"),
        ("1.于2023年5月底建成监测平台。", "2023年5月底"),
        ("1.到2025年底实现全覆盖。", nil),
        ("1.截至2022年底已建成30个。", nil),
        ("1.2023年6月底前完成。", "2023年6月底前"),
        ("1.2023年三季度末前完成。", "2023年三季度末前"),
        ("1.2024年上半年前出台。", "2024年上半年前"),
        ("1.2024年第4季度前上线。", "2024年第4季度前"),
    ] as [(String, String?)])
    func monthAndYearEndsFollowedByCompletion(_ item: String, _ due: String?) throws {
        let plan = try recognize("一、任务（牵头单位：市住建局）\n" + item + "\n")
        #expect(plan.tasks.first { $0["id"]?.stringValue == "1.1" }?["due"]?.stringValue == due)
    }

    @Test func unitsSeparatedBySpacesInATableCell() throws {
        let plan = try recognize("| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| 1 | 任务 | 市教育局 市财政局 | 市人社局\u{3000}市卫健委 |\n")
        let row = try #require(plan.tasks.first)
        #expect(row["lead"]?.items.compactMap(\.stringValue) == ["市教育局", "市财政局"])
        #expect(row["participants"]?.items.compactMap(\.stringValue) == ["市人社局", "市卫健委"])
    }

    @Test func aRowNumberedInChineseWithoutUnitsIsTheAreaOfTheRowsBelow() throws {
        let plan = try recognize("""
        | 序号 | 重点任务 | 牵头单位 | 完成时限 |
        | 一 | 产业发展 |  |  |
        | 1 | 培育龙头企业 | 市工信局 | 2023年底前 |
        | 2 | 建设产业园区 |  |  |
        """)
        #expect(plan.tasks.compactMap { $0["id"]?.stringValue } == ["1", "2"])
        #expect(plan.tasks.first?["area"]?.stringValue == "产业发展")
    }

    @Test func leadingOfficialsAreOwnersNotUnits() throws {
        let plan = try recognize("一、任务\n1.建设平台。\n牵头领导：张某某\n牵头单位：市大数据局\n")
        let record = try #require(plan.tasks.first)
        #expect(record["owner"]?.stringValue == "张某某")
        #expect(record["lead"]?.items.compactMap(\.stringValue) == ["市大数据局"])
    }

    @Test func unitsNamedAsLeadOrResponsibleUnits() throws {
        let plan = try recognize("一、任务\n1.改造小区。（市住建局为牵头单位，各区人民政府为责任单位）\n")
        let record = try #require(plan.tasks.first)
        #expect(record["lead"]?.items.compactMap(\.stringValue) == ["市住建局"])
        #expect(record["participants"]?.items.compactMap(\.stringValue) == ["各区人民政府"])
    }
}
