"""budgetkg: Chinese budget-performance filings as a linked-data knowledge graph."""

__version__ = "0.1.0"
