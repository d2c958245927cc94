/// Dates in spreadsheets are numbers (days since an epoch) that a number format displays as
/// dates; a checker needs `2011-06-30`, not `40724`. The format decides, as it does on screen.
enum SpreadsheetDates {
    enum FormatKind: UInt8 { case number, date, time, dateTime }

    /// Built-in number formats are not written in styles.xml: 14–22 are the standard date and
    /// time formats, 27–36 and 50–58 the East Asian date formats (`yyyy年m月d日` in a Chinese
    /// Excel), 45–47 durations.
    static func kind(builtIn id: Int) -> FormatKind {
        switch id {
        case 14...17, 27...36, 50...58: .date
        case 18...21, 45...47: .time
        case 22: .dateTime
        default: .number
        }
    }

    /// Classifies a custom format code: a date when it shows years, months or days, a time when
    /// it shows hours or seconds. Quoted text, `\x` escapes and `[...]` tags (colours, locales
    /// like `[$-804]`) are not format letters; `[h]`-style elapsed times are.
    static func kind(code: String) -> FormatKind {
        let lower = code.lowercased()
        if lower == "general" || lower == "@" { return .number }
        var hasDate = false, hasTime = false
        var quoted = false, escaped = false, bracket = false
        var bracketText = ""
        loop: for ch in lower {
            if escaped { escaped = false; continue }
            if quoted { if ch == "\"" { quoted = false }; continue }
            if bracket {
                if ch == "]" {
                    bracket = false
                    if let first = bracketText.first, "hms".contains(first) { hasTime = true }
                } else { bracketText.append(ch) }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case "\\": escaped = true
            case "[": bracket = true; bracketText = ""
            case ";": break loop // the first (positive-number) section decides
            case "y", "d", "m": hasDate = true
            case "h", "s": hasTime = true
            default: break
            }
        }
        // `mm` next to hours or seconds is minutes, not months.
        if hasTime && !lower.contains("y") && !lower.contains("d") { hasDate = false }
        return hasDate && hasTime ? .dateTime : hasDate ? .date : hasTime ? .time : .number
    }

    /// The ISO 8601 text for a serial number shown with a format of `kind`.
    static func iso(serial: Double, kind: FormatKind, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil } // Excel's last day is 9999-12-31
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { seconds -= 86_400; days += 1 }
        let time = two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
        if kind == .time { return time }
        let date: String
        if date1904 {
            date = civil(daysSince1970: days + daysFrom1970(1904, 1, 1))
        } else if days == 60 {
            date = "1900-02-29" // Lotus 1-2-3's leap-year bug, kept by Excel: the day exists only there
        } else {
            // Serial 1 is 1900-01-01; from 61 on, the phantom 29 February shifts the count by one.
            date = civil(daysSince1970: days + daysFrom1970(1899, 12, days < 60 ? 31 : 30))
        }
        if kind == .dateTime, seconds != 0 { return date + "T" + time }
        return date
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysFrom1970(_ y: Int, _ m: Int, _ d: Int) -> Int { PlanDate(year: y, month: m, day: d).dayNumber }

    static func civil(daysSince1970 days: Int) -> String { PlanDate(dayNumber: days).description }
}
