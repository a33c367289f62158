__version__ = "0.1.0"

# Bumped whenever a rule table changes what any function outputs; outputs that matter record it.
RULES_VERSION = "2026.12.1"
