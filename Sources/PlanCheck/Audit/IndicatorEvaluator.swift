#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Indicator attainment for the audit: met, missed, or — before the target year — on or behind
/// the path to the target.
///
/// The path is the compound path from the baseline (its `baselineYear`, else the year before the
/// plan period) to the target, the way growth targets (年均增长) are written; without a baseline
/// the reported average growth is compared with the target growth. The `indicator` checker
/// reports findings; this evaluation only places each indicator in the report.
enum IndicatorEvaluator {
    static func evaluate(_ node: Node, period: PlanDateInterval?) -> IndicatorAudit {
        let direction = AuditFields.direction(AuditFields.text(node["direction"]))
        let atMost = direction == "at-most"
        let target = AuditFields.number(node["target"])
        let actual = AuditFields.number(node["actual"])
        let baseline = AuditFields.number(node["baseline"])
        let targetYear = AuditFields.integer(node["targetYear"]) ?? period?.end.year
        let actualYear = AuditFields.integer(node["actualYear"])
        let growth = AuditFields.number(node["growth"])
        let actualGrowth = AuditFields.number(node["actualGrowth"])
        func meets(_ value: Double, _ goal: Double) -> Bool { atMost ? value <= goal : value >= goal }

        var gap: Double?, attainment: Double?
        if let target, let actual {
            gap = AuditMath.round2(actual - target)
            if atMost { attainment = actual == 0 ? nil : AuditMath.round1(target / actual * 100) }
            else { attainment = target == 0 ? nil : AuditMath.round1(actual / target * 100) }
        }
        // The target year has come when the actual is of that year or later (or years are unknown).
        let yearReached = targetYear == nil || actualYear == nil || actualYear! >= targetYear!
        var status = IndicatorAudit.Status.noData
        var basis = ""
        if let target, let actual, meets(actual, target) {
            status = .met
            basis = "actual \(fmt(actual)) vs target \(fmt(target))"
        } else if let target, let actual, yearReached {
            status = .missed
            basis = "actual \(fmt(actual)) vs target \(fmt(target))"
        } else if let target, let actual, let baseline, let ty = targetYear, let ay = actualYear,
                  baseline > 0, target > 0 {
            let by = AuditFields.integer(node["baselineYear"]) ?? (period.map { $0.start.year - 1 } ?? ay - 1)
            if ty > by, ay >= by {
                let share = Double(ay - by) / Double(ty - by)
                let path = baseline * pow(target / baseline, share)
                status = meets(actual, path) ? .onTrack : .behind
                basis = "actual \(fmt(actual)) in \(ay) vs \(fmt(AuditMath.round2(path))) on the path from \(fmt(baseline)) (\(by)) to \(fmt(target)) (\(ty))"
            }
        }
        if status == .noData, let growth, let actualGrowth {
            // Growth targets: the yearly rate is the trajectory.
            let ok = meets(actualGrowth, growth)
            status = ok ? .onTrack : (yearReached && actualYear != nil ? .missed : .behind)
            basis = "growth \(fmt(actualGrowth)) % vs \(fmt(growth)) % a year"
        }
        if status == .noData {
            basis = actual == nil && actualGrowth == nil ? "no actual reported" : "no target to compare with"
        }
        return IndicatorAudit(
            id: AuditFields.text(node["id"]) ?? node.normalizedPath,
            name: AuditFields.text(node["name"]) ?? "", kind: AuditFields.indicatorKind(AuditFields.text(node["kind"])),
            unit: AuditFields.text(node["unit"]), direction: direction, baseline: baseline, target: target,
            targetYear: targetYear, actual: actual, actualYear: actualYear, growth: growth, actualGrowth: actualGrowth,
            gap: gap, attainment: attainment, status: status, basis: basis)
    }

    static func fmt(_ value: Double) -> String { AuditFormat.number(value) }
}
