"""Calls to action: which one a page shows (`selection`), the click redirect (`views`), the admin
report (`report`) and the `{% call_to_action %}` template tag (`tags`, registered as the
`calls_to_action` template library in settings).

The snippet itself is `cms.models.calls_to_action.CallToAction`. Nothing here knows the page
types above cms: a page says what a call to action needs by defining

- `call_to_action_condition()`: the condition page it belongs to (pages without it have none);
- `link_for_condition(address, condition)`, a classmethod: the address a call to action leading
  to this page uses when shown with `condition` (pages without it are linked as they are);
- `call_to_action_placement`, a class attribute: the placement whose preview it hosts (see
  `CallToAction.preview_host_page`).
"""
