"""`{{ data|json_ld }}`: schema.org data as a ld+json script element (cms.structured_data)."""

from django import template

from cms.structured_data import json_ld_script

register = template.Library()
register.filter("json_ld", json_ld_script)
