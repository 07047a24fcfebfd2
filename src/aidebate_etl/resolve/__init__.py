"""Cross-page resolution, run once per batch: person ids across pages and claim groups."""

from aidebate_etl.resolve.claim_groups import claim_variants, resolve_claim_groups
from aidebate_etl.resolve.persons import resolve_people

__all__ = ["claim_variants", "resolve_claim_groups", "resolve_people"]
