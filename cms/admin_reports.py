"""A report in the Wagtail admin: its page, its results (which the filters reload) and an item
under Reports, shown to the people the report's own view lets in."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class ReportMenuItem(MenuItem):
    def __init__(self, view_class, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.view_class = view_class

    def is_shown(self, request):
        view = self.view_class(request=request)
        return view.user_has_permission(view.permission_required)


def register_report(view_class, route, label, *, name, icon_name, order):
    """Add `view_class` (a ReportView naming its `index_url_name` and `index_results_url_name`)
    at `route` under /admin/, with a menu item under Reports."""

    @hooks.register("register_admin_urls")
    def report_urls():
        return [
            path(route, view_class.as_view(), name=view_class.index_url_name),
            path(
                f"{route}results/",
                view_class.as_view(results_only=True),
                name=view_class.index_results_url_name,
            ),
        ]

    @hooks.register("register_reports_menu_item")
    def report_menu_item():
        return ReportMenuItem(
            view_class,
            label,
            reverse(view_class.index_url_name),
            name=name,
            icon_name=icon_name,
            order=order,
        )
