"""The rule functions, one module per flag category. Each rule takes a Document and yields Hits;
registry.py lists them with their metadata."""
