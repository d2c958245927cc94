# The 8 plan rules in Rego (OPA 1.x syntax). Input: the plan in its JSON form.
# data.plancheck.config.as_of: the date "overdue" is judged at (ISO).
package plancheck

required_fields := ["id", "title", "lead", "status"]

permit_names := ["siteSelection", "landUse", "construction"]

empty_values := {null, "", [], {}}


leads(task) := task.lead if is_array(task.lead)

leads(task) := [trim_space(s) | some s in split(task.lead, "、"); trim_space(s) != ""] if is_string(task.lead)

# A complete rule (computed once), not a partial set: `registry[x]` on a partial set
# re-evaluates its rule for every lookup.
registry := {unit.name | some unit in input.units} | {alias | some unit in input.units; some alias in unit.aliases}

# ISO dates compare as strings.
period := input.plan.period

# 1. required fields
missing_field contains [i, field] if {
	some i, task in input.tasks
	some field in required_fields
	empty_values[object.get(task, field, null)]
}

# 2. lead in the registry, by name or alias
unknown_lead contains [i, j] if {
	some i, task in input.tasks
	some j, lead in leads(task)
	not registry[lead]
}

# 3. unique ids: every occurrence after the first
positions_of_id := {id: positions |
	some i
	id := input.tasks[i].id
	positions := [j | some j; input.tasks[j].id == id]
}

duplicate_id contains i if {
	some i, task in input.tasks
	positions_of_id[task.id][0] != i
}

# 4. due within the plan period
due_outside_period contains i if {
	some i, task in input.tasks
	is_string(task.due)
	not within_period(task.due)
}

within_period(date) if {
	date >= period.start
	date <= period.end
}

# 5. overdue as of the date
overdue contains i if {
	some i, task in input.tasks
	is_string(task.due)
	task.status != "done"
	task.due < data.plancheck.config.as_of
}

# 6. done late
done_late contains i if {
	some i, task in input.tasks
	task.status == "done"
	is_string(task.due)
	is_string(task.completed)
	task.completed > task.due
}

# 7. the permit set complete (100 %)
incomplete_permits contains i if {
	some i, project in input.projects
	some name in permit_names
	project.permits[name] != true
}

incomplete_permits contains i if {
	some i, project in input.projects
	some name in permit_names
	not project.permits[name]
}

# 8. binding indicators met
missed_indicator contains i if {
	some i, ind in input.indicators
	ind.kind == "binding"
	missed(ind)
}

missed(ind) if {
	ind.direction == "at-most"
	ind.actual > ind.target
}

missed(ind) if {
	ind.direction != "at-most"
	ind.actual < ind.target
}

counts := {
	"required": count(missing_field),
	"reference": count(unknown_lead),
	"unique": count(duplicate_id),
	"period": count(due_outside_period),
	"overdue": count(overdue),
	"done-late": count(done_late),
	"permits": count(incomplete_permits),
	"indicator": count(missed_indicator),
}
