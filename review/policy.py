"""What the public "How we review" page says, read from the live configuration: the rules that
run (after the admin's switches and severities), the standards behind them, the roles and what
each may do, the publish gate and the re-review interval. Nothing on that page is typed by hand,
so it cannot drift from what the site actually checks."""

from collections import OrderedDict

from moderation import Category, effective_rules
from review import workflow
from review.models import RuleSetting
from review.roles import ROLE_PERMISSIONS

CATEGORY_INTRO = {
    Category.PROMOTIONAL: "Product promotion dressed as advice",
    Category.UNSUPPORTED: "Claims with no source, or too weak a source",
    Category.DISEASE_CLAIM: "Claims that a supplement cures, treats or prevents a disease",
    Category.DOSAGE_RISK: "Doses above the safe upper limit",
    Category.CONTRADICTION: "Statements that contradict our reference data",
    Category.CITATION: "Citations that go nowhere",
}

ROLE_DUTIES = {
    "Editor": "Writes and edits articles and submits them for review. Cannot approve claims, settle blocker flags or publish.",
    "Reviewer": "A qualified medical reviewer: approves or rejects each claim with a note, settles flags with a "
                "written reason, requests changes and signs the article off. Never reviews an article they wrote, "
                "and does not edit the text.",
    "Managing editor": "Assigns the reviewer and publishes, schedules, unpublishes or archives — and only through "
                       "the publish gate.",
}


def review_policy():
    overrides = RuleSetting.objects.overrides()
    by_category = OrderedDict((c, []) for c in CATEGORY_INTRO)
    standards = set()
    for rule, severity in effective_rules(overrides):
        by_category.setdefault(rule.category, []).append({"rule": rule, "severity": str(severity)})
        standards.update(part.strip() for part in rule.standard.split(";"))
    roles = []
    # The same table the role groups are built from (review.roles.ensure_roles).
    for name, by_app in ROLE_PERMISSIONS.items():
        allowed = set(by_app.get("articles", []))
        actions = [t.label for t in workflow.TRANSITIONS.values() if t.permission in allowed]
        roles.append({"name": name, "duties": ROLE_DUTIES.get(name, ""), "actions": actions})
    return {
        "rule_groups": [{"category": c, "title": CATEGORY_INTRO.get(c, str(c)), "rules": rules}
                        for c, rules in by_category.items() if rules],
        "rule_count": sum(len(r) for r in by_category.values()),
        "standards": sorted(standards),
        "roles": roles,
        "gate_conditions": workflow.GATE_CONDITIONS,
        "review_interval_months": round(workflow.REVIEW_INTERVAL.days / 30.4),
    }
