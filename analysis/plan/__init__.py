"""Planning: the what-if planner, published norms, before/after periods, a coach's caseload."""
