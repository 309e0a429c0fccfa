"""Visual orders, design briefs and tender documents (issue 5)."""
