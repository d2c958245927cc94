import PlanCheck

/// Parses the input as a deadline (`2024年6月底前`, `长期坚持`, `每季度`…), alone and within a
/// plan period.
struct DeadlineTarget: FuzzTarget {
    let period = PlanDateInterval.year(2024)

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = DeadlineParser.parse(text)
        _ = DeadlineParser.parse(text, planPeriod: period)
    }
}
