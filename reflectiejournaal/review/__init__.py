"""Long-term review: statistics, balance of aspects, themes and the terugblik."""
