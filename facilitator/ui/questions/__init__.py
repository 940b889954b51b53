"""The guiding questions tab: answers per question and their synthesis."""
