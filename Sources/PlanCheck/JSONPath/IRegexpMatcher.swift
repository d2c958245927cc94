/// Thompson simulation of an `IRegexp` program: the set of live program counters advances one
/// scalar at a time, so every subject is scanned once (no backtracking). Only a yes/no answer is
/// needed, so threads carry no captures.
struct IRegexpMatcher {
    let regex: IRegexp

    init(_ regex: IRegexp) { self.regex = regex }

    /// Anchored: the whole subject must match. Unanchored: a thread starts at every position and
    /// any match anywhere succeeds.
    func run(_ subject: ArraySlice<UInt8>, anchored: Bool) -> Bool {
        let program = regex.program
        var current = ThreadList(size: program.count)
        var next = ThreadList(size: program.count)
        var stack: [Int32] = []
        if Self.add(0, program, to: &current, &stack) && !anchored { return true }
        var iterator = subject.makeIterator()
        var decoder = UTF8()
        while true {
            let scalar: UInt32
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalar = s.value
            case .emptyInput: return current.reachedMatch
            case .error: scalar = 0xFFFD
            }
            if current.pcs.isEmpty && anchored { return false }
            next.clear()
            for pc in current.pcs {
                let accepts: Bool
                switch program[Int(pc)] {
                case .scalar(let v): accepts = v == scalar
                case .any: accepts = scalar != 0x0A && scalar != 0x0D
                case .set(let k): accepts = regex.sets[Int(k)].contains(scalar)
                case .match, .split, .jump: accepts = false
                }
                if accepts && Self.add(pc + 1, program, to: &next, &stack) && !anchored { return true }
            }
            swap(&current, &next)
            if !anchored && Self.add(0, program, to: &current, &stack) { return true }
        }
    }

    /// Adds `pc` and everything reachable through jumps and splits; true when that reaches `match`.
    private static func add(_ pc: Int32, _ program: [IRegexp.Instruction], to list: inout ThreadList, _ stack: inout [Int32]) -> Bool {
        var matched = false
        stack.append(pc)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[Int(pc)] {
            case .jump(let target): stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .match:
                list.reachedMatch = true
                matched = true
            default:
                list.pcs.append(pc)
            }
        }
        return matched
    }
}

/// A set of program counters with O(1) clear (generation-stamped membership).
private struct ThreadList {
    var pcs: [Int32] = []
    var stamps: [UInt32]
    var generation: UInt32 = 1
    var reachedMatch = false

    init(size: Int) {
        stamps = Array(repeating: 0, count: size)
        pcs.reserveCapacity(size)
    }

    mutating func clear() {
        pcs.removeAll(keepingCapacity: true)
        reachedMatch = false
        generation &+= 1
        if generation == 0 {
            for k in stamps.indices { stamps[k] = 0 }
            generation = 1
        }
    }

    /// False when already present.
    mutating func insert(_ pc: Int32) -> Bool {
        if stamps[Int(pc)] == generation { return false }
        stamps[Int(pc)] = generation
        return true
    }
}
