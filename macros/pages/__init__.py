"""Page builders: HTML for figures, tables, charts, checks and citations; they take a page that can link and fail."""
