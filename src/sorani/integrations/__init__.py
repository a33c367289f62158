"""Adapters for other ecosystems; each module is imported only when its extra is installed."""
