"""The rule functions, one module per flag category. Each rule takes a Document and yields Hits;
registry.py lists them with their metadata. A rule module reads detectors/ and claims.py, never
another rule module: what two modules need lives below both (see detectors/__init__.py)."""
