"""What a call to action costs an article page: the seed article without one and with one."""

import io

from django.core.cache import cache
from django.core.management import call_command

from cms.models.calls_to_action import CallToAction
from tests.benchmarks.harness import format_rows, measure
from tests.cta_helpers import condition, make_call_to_action, seed_article


def run():
    call_command("seed_demo", stdout=io.StringIO())
    url = seed_article().url
    rows = [{"case": "seed article, with the seed call to action", **measure(url)}]
    # Many candidates for the condition: the choice must not grow with them.
    every_condition = list(condition("migraines").get_siblings().live().specific())
    for number in range(50):
        make_call_to_action(name=f"Candidate {number}", conditions=every_condition)
    cache.clear()
    rows.append({"case": "seed article, 52 live calls to action", **measure(url)})
    CallToAction.objects.all().delete()
    rows.append({"case": "seed article, no call to action", **measure(url)})
    return format_rows("Calls to action on the seed article", rows)
