"""The summary tab: take-aways proposed from the points, curated for the report."""
