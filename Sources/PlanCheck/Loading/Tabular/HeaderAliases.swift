/// The headers Chinese task ledgers (任务分解表, 工作台账) commonly use, mapped to the field names
/// of the plan dataset shape (docs/dataset-schema.md), so a ledger checks with the same rules
/// as a YAML plan without any column mapping. They are the bottom layer of a table's
/// `FieldMapping`: a `tables:` entry's `columns:` and the config's `mapping:` win over them.
enum HeaderAliases {
    /// The aliases and status words as one mapping (the layer the table mapper uses).
    static let mapping: FieldMapping = {
        var result = FieldMapping()
        for (header, field) in fields.sorted(by: { $0.key < $1.key }) { result.addField(written: header, canonical: field) }
        for (field, table) in values { for (written, value) in table { result.addValue(field: field, written: written, canonical: .string(value)) } }
        return result
    }()

    static let fields: [String: String] = {
        var map: [String: String] = [:]
        func add(_ field: String, _ headers: [String]) { for h in headers { map[h] = field } }
        add("id", ["序号", "序", "编号", "任务编号", "措施编号", "ID", "id"])
        add("title", ["任务", "任务名称", "工作任务", "重点任务", "主要任务", "任务内容", "工作内容", "措施", "工作措施", "具体措施", "主要措施", "项目名称",
                      "工作措施及要求", "工作举措", "重点工作", "目标任务", "具体任务"])
        add("action", ["行动", "所属行动", "行动计划", "专项行动"])
        add("area", ["领域", "类别", "分类"])
        add("lead", ["牵头单位", "牵头部门", "牵头责任单位", "主责单位", "主办单位"])
        add("responsible", Array(responsibleHeaders))
        add("participants", ["参加单位", "参与单位", "配合单位", "配合部门", "协办单位", "协助单位", "协同单位", "参与部门", "协办部门"])
        add("owner", ["责任人", "负责人", "具体负责人", "责任领导", "牵头领导"])
        add("due", ["完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时间要求", "完成时限要求", "时间安排", "截止时间", "截止日期", "计划完成时间",
                    "进度安排", "完成时间节点", "办理时限", "时限"])
        add("status", ["状态", "完成情况", "进展情况", "进度", "进展", "推进情况", "完成状态", "工作进展"])
        add("completed", ["完成日期", "实际完成时间", "实际完成日期"])
        add("budget", ["预算", "资金", "投资", "资金预算"])
        add("note", ["备注", "说明"])
        return map
    }()

    /// Unit columns that name no leading role (责任单位). What they hold depends on the table:
    /// see `responsibleRole(besides:)`.
    static let responsibleHeaders: Set<String> = ["责任单位", "责任部门", "责任主体", "实施单位", "承办单位", "落实单位"]

    /// The field of a responsible-units column, given the fields of the table's other columns:
    /// beside a lead column (牵头单位) they are the other units — participants — unless a
    /// participants column is there too; alone they are `responsible`: the table marks no lead,
    /// and none is guessed. Ledgers and plan-document tables read them the same way.
    static func responsibleRole(besides fields: some Sequence<String>) -> String {
        var hasLead = false, hasParticipants = false
        for field in fields {
            if field == "lead" { hasLead = true }
            if field == "participants" { hasParticipants = true }
        }
        return hasLead && !hasParticipants ? "participants" : "responsible"
    }

    /// Fields whose cells name several units: split into lists (as `lead: [市发展改革委]` in YAML).
    static let splitFields: Set<String> = ["lead", "participants", "responsible"]

    /// Separators used between unit names in one cell: 、 ， , ； ; and line breaks.
    static let separators: Set<Character> = ["、", "，", ",", "；", ";", "\n", "\r\n", "\r"]

    /// Status words as ledgers write them → the dataset's status values.
    static let values: [String: [String: String]] = [
        "status": [
            "已完成": "done", "完成": "done", "已办结": "done", "办结": "done",
            "进行中": "in-progress", "推进中": "in-progress", "正在推进": "in-progress", "在建": "in-progress",
            "未开始": "not-started", "未启动": "not-started", "尚未启动": "not-started",
        ],
    ]
}
