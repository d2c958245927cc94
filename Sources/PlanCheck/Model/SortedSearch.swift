extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// The last position whose element is at or before `value`, for elements in increasing
    /// order; nil when every element is after it. The one binary search behind node lookups in
    /// a document (roots, children, quoted scalars, positions that do not pack).
    @inline(__always)
    func lastIndex(atOrBefore value: Element) -> Int? {
        var low = startIndex, high = endIndex - 1
        var found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if self[mid] <= value {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return found
    }
}
