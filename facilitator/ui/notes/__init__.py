"""Note-taking: the entry form, points, drafts, filters and the interventions table."""
