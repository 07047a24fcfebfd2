"""Extraction stage: page-local people, mentions, claims and comment quotes from a PageStructure."""
