"""Analyses that more than one module reads: dose finding, disease-claim matching, the statistic
pattern, absorption wording, selling language and product-like names.

They sit below both claims.py and the rules, so dependencies point one way:
base, patterns, language, quantities, triggers, document <- detectors <- claims <- rules <- registry
<- engine. A rule module imports detectors (and claims), never another rule module; a detector
imports neither claims nor rules. Each analysis that runs over a whole document is memoized on it
(Document.memo), so a rule and claims.py asking for the same one pay for it once per scan.
"""
