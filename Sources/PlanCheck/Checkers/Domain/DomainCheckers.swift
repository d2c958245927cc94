/// The domain checkers: deadline, accountability, ratio, indicator, total.
public enum DomainCheckers {
    public static let all: [any Checker.Type] = [
        DeadlineChecker.self,
        AccountabilityChecker.self,
        RatioChecker.self,
        IndicatorChecker.self,
        TotalChecker.self,
    ]
}
