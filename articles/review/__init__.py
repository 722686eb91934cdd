"""Review records: the flags and claims the moderation engine raises on stored articles, the
reviewers' decisions on them, and the admin-editable rule settings and term lists."""
