"""Supervision and intervision: what is due, intentions and contact hours, over the journal."""
