import PlanCheck
