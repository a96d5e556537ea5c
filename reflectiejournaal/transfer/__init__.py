"""Everything out and back: the open export and its import into a vault."""
