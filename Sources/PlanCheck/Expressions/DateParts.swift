/// Parts of a `date`, named and numbered as CEL's timestamp accessors are (a date is taken as
/// midnight UTC): `getMonth`, `getDayOfMonth` and `getDayOfYear` count from 0, `getDate`
/// from 1, `getDayOfWeek` from Sunday = 0.
enum DateParts {
    static func part(_ builtin: Builtin, of d: PlanDate) -> Int? {
        switch builtin {
        case .getFullYear: d.year
        case .getMonth: d.month - 1
        case .getDate: d.day
        case .getDayOfMonth: d.day - 1
        // Day 0 (1970-01-01) was a Thursday (4).
        case .getDayOfWeek: ((d.dayNumber % 7) + 7 + 4) % 7
        case .getDayOfYear: PlanDate(year: d.year, month: 1, day: 1).days(to: d)
        default: nil
        }
    }
}
