/// Per-unit figures and the ranking.
///
/// A co-led task counts fully for each of its lead units: each is answerable for the whole task
/// (that is what 牵头 means), so unit counts may add up to more than the number of tasks. A task
/// that names responsible units (责任单位) and marks no lead counts for each of them the same way.
enum UnitAggregator {
    static func aggregate(tasks: [TaskAudit], registered: (String) -> Bool) -> [UnitAudit] {
        var order: [String] = []
        var byName: [String: UnitAudit] = [:]
        func touch(_ name: String) {
            guard byName[name] == nil else { return }
            order.append(name)
            byName[name] = UnitAudit(rank: 0, name: name, registered: registered(name), led: StatusCounts(),
                                     participated: StatusCounts(), onTimeRate: nil, findings: 0,
                                     overdueTasks: [], lateTasks: [])
        }
        for task in tasks {
            for lead in task.leads + (task.responsible ?? []) {
                touch(lead)
                byName[lead]!.led.add(task)
                byName[lead]!.findings += task.findings.count
                if let days = task.daysOverdue {
                    byName[lead]!.overdueTasks.append(UnitTaskRef(id: task.id, title: task.title, days: days))
                }
                if let days = task.daysLate {
                    byName[lead]!.lateTasks.append(UnitTaskRef(id: task.id, title: task.title, days: days))
                }
            }
            for participant in task.participants {
                touch(participant)
                byName[participant]!.participated.add(task)
            }
        }
        var units = order.map { name -> UnitAudit in
            var unit = byName[name]!
            unit.onTimeRate = unit.led.onTimeRate
            // Longest overdue first: the tasks a reader should chase first.
            unit.overdueTasks.sort { $0.days != $1.days ? $0.days > $1.days : $0.id < $1.id }
            unit.lateTasks.sort { $0.days != $1.days ? $0.days > $1.days : $0.id < $1.id }
            return unit
        }
        units.sort(by: worseThan)
        for i in units.indices { units[i].rank = i + 1 }
        return units
    }

    /// Worst first: more overdue tasks led, then more days overdue, more tasks done late, a lower
    /// on-time rate (no rate sorts after any rate), more findings, more overdue tasks joined;
    /// then by name so the order is deterministic.
    static func worseThan(_ a: UnitAudit, _ b: UnitAudit) -> Bool {
        if a.led.overdue != b.led.overdue { return a.led.overdue > b.led.overdue }
        if a.led.daysOverdue != b.led.daysOverdue { return a.led.daysOverdue > b.led.daysOverdue }
        if a.led.doneLate != b.led.doneLate { return a.led.doneLate > b.led.doneLate }
        switch (a.onTimeRate, b.onTimeRate) {
        case let (x?, y?) where x != y: return x < y
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if a.findings != b.findings { return a.findings > b.findings }
        if a.participated.overdue != b.participated.overdue { return a.participated.overdue > b.participated.overdue }
        return a.name < b.name
    }
}
