import PlanCheck

/// Parses the input as a deadline (`2024年6月底前`, `长期坚持`, `每季度`…), alone and within a
/// plan period.
let period = PlanDateInterval.year(2024)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeadline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DeadlineParser.parse(text)
    _ = DeadlineParser.parse(text, planPeriod: period)
    return 0
}
