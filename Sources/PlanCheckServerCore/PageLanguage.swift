/// The page's language: Chinese by default, English with `?lang=en`.
public enum PageLanguage: String, Sendable, CaseIterable {
    case zh, en

    public init(query: String?) { self = query.flatMap(PageLanguage.init(rawValue:)) ?? .zh }
}

/// Every fixed word on the page, in both languages. The script reads the same table (embedded as
/// JSON in the page) so the results it draws are in the page's language.
enum PageStrings {
    static let table: [String: (zh: String, en: String)] = [
        "title": ("方案检查", "Plan check"),
        "tagline": ("上传工作方案或任务台账，按本单位规则集检查责任、时限和指标。文件只在本次检查中使用，检查完即删除。",
                    "Upload a work plan or task ledger and check it against your office's rule set: owners, deadlines, targets. Files are used for this check only and deleted right after."),
        "switch": ("English", "中文"),
        "files": ("方案文件", "Plan files"),
        "filesHelp": ("可选多个文件：.docx .txt .md .xlsx .csv .yaml .json", "One or several files: .docx .txt .md .xlsx .csv .yaml .json"),
        "asOf": ("检查日期", "As of"),
        "asOfHelp": ("以该日期判断是否逾期", "Deadlines are judged on this date"),
        "ruleset": ("规则集", "Rule set"),
        "submit": ("开始检查", "Check"),
        "checking": ("正在检查…", "Checking…"),
        "summary": ("检查结果", "Result"),
        "errors": ("错误", "errors"),
        "warnings": ("警告", "warnings"),
        "info": ("提示", "info"),
        "files_checked": ("个文件", "files"),
        "inputErrors": ("无法读取的内容", "Input errors"),
        "noFindings": ("未发现问题。", "No findings."),
        "record": ("记录", "Record"),
        "line": ("行", "line"),
        "downloads": ("下载", "Downloads"),
        "dlReview": ("审阅版 .docx（批注）", "Reviewed .docx (comments)"),
        "dlAuditHTML": ("问责审计报告 HTML", "Audit report HTML"),
        "dlAuditCSV": ("问责审计 CSV", "Audit CSV"),
        "dlJSON": ("问题清单 JSON", "Findings JSON"),
        "dlCSV": ("问题清单 CSV", "Findings CSV"),
        "dlSARIF": ("问题清单 SARIF", "Findings SARIF"),
        "failed": ("检查未完成", "The check did not complete"),
        "chooseFiles": ("请先选择文件。", "Choose at least one file first."),
        "severity.error": ("错误", "error"),
        "severity.warning": ("警告", "warning"),
        "severity.info": ("提示", "info"),
        "footer": ("PlanCheck · 规则由本单位管理员配置 · API 文档：", "PlanCheck · rule sets chosen by your administrator · API: "),
    ]

    static func text(_ key: String, _ language: PageLanguage) -> String {
        guard let entry = table[key] else { return key }
        return language == .en ? entry.en : entry.zh
    }
}
