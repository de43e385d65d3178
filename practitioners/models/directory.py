"""The directory page, /practitioners/: a routable page serving the search, the profiles, the
enquiry link and the "get listed" form.

The routes are the page's own methods, as Wagtail's routable pages have them; what they share
with the listing's preview (a profile's context and schema.org data) is in practitioners.profiles.
"""

from urllib.parse import quote, urlencode

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.meta_description import description_from
from cms.visibility import public_only
from practitioners import search
from practitioners.applications import notify_directory_managers, over_rate_limit
from practitioners.forms import (
    DEFAULT_RADIUS,
    RADIUS_CHOICES,
    DirectorySearchForm,
    PractitionerApplicationForm,
)
from practitioners.models.listing import Practitioner
from practitioners.profiles import breadcrumbs, profile_context, profile_url
from practitioners.verification import verification_cutoff
from research.models import ConditionIndexPage

# What search results say of the directory while its introduction is empty.
DIRECTORY_DESCRIPTION = (
    "Find a licensed acupuncturist near you, verified with the state board: search by ZIP code, "
    "condition and telehealth."
)


class MailtoRedirect(HttpResponseRedirect):
    allowed_schemes = ["mailto"]


def visible_profile(slug):
    listings = (
        Practitioner.objects.visible()
        .select_related("photo")
        .prefetch_related(
            Prefetch(
                "conditions",
                queryset=public_only(ConditionIndexPage.objects.live()).order_by("title"),
            ),
            "languages",
            "modalities",
        )
    )
    return get_object_or_404(listings, slug=slug)


class PractitionerDirectoryPage(RoutablePageMixin, Page):
    """/practitioners/: verified, licensed practitioners, searchable by place."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short explanation of who is listed and how listings are verified.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "practitioner directory"

    @classmethod
    def link_for_condition(cls, address, condition):
        """A call to action's link here from a condition's page (or an article under it) lands
        on the practitioners who treat that condition."""
        if condition is None:
            return address
        return f"{address}?{urlencode({'condition': condition.slug})}"

    def get_sitemap_urls(self, request=None):
        """The directory, then every profile a visitor may open, in one query however many."""
        urls = super().get_sitemap_urls(request)
        address = urls[0]["location"]
        profiles = Practitioner.objects.visible().values_list("slug", "last_published_at")
        return urls + [
            {"location": f"{address}{slug}/", "lastmod": last_published_at}
            for slug, last_published_at in profiles
        ]

    @path("")
    def directory(self, request):
        data = None
        if request.GET:
            data = request.GET.copy()
            data.setdefault("radius", str(DEFAULT_RADIUS))
        form = DirectorySearchForm(data)
        context = {
            "form": form,
            "results": None,
            "crumbs": breadcrumbs(request, self),
            "meta_description": description_from(self.intro, default=DIRECTORY_DESCRIPTION),
        }
        if not form.is_bound or form.is_valid():
            criteria = form.cleaned_data if form.is_bound else {}
            results = search.search(criteria, request.GET.get("page"))
            for practitioner in results:
                practitioner.profile_url = profile_url(request, self, practitioner.slug)
            context.update(
                results=results,
                place=criteria.get("place"),
                radius=criteria.get("radius"),
                condition=criteria.get("condition"),
                verification_cutoff=verification_cutoff(),
                wider_radius=next(
                    (value for value, _ in RADIUS_CHOICES if value > (criteria.get("radius") or 0)),
                    None,
                ),
            )
        return self.render(
            request,
            template="practitioners/practitioner_directory_page.html",
            context_overrides=context,
        )

    @path("apply/")
    def apply(self, request):
        thanks_url = self.get_url(request) + self.reverse_subpage("application_received")
        status = 200
        if request.method == "POST":
            form = PractitionerApplicationForm(request.POST, request.FILES)
            if form.is_spam:
                return redirect(thanks_url)
            if over_rate_limit(request):
                form.add_error(
                    None,
                    "We have had several applications from your connection in the last hour. "
                    "Please wait an hour and try again, or write to us.",
                )
                status = 429
            elif form.is_valid():
                with transaction.atomic():
                    application = form.save()
                    transaction.on_commit(lambda: notify_directory_managers(application))
                return redirect(thanks_url)
        else:
            form = PractitionerApplicationForm()
        response = self.render(
            request,
            template="practitioners/apply.html",
            context_overrides={"form": form, "crumbs": breadcrumbs(request, self, ("Apply", ""))},
        )
        response.status_code = status
        return response

    @path("apply/thanks/")
    def application_received(self, request):
        return self.render(
            request,
            template="practitioners/application_received.html",
            context_overrides={"crumbs": breadcrumbs(request, self, ("Application received", ""))},
        )

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        practitioner = visible_profile(slug)
        return self.render(
            request,
            template="practitioners/profile.html",
            context_overrides=profile_context(request, self, practitioner),
        )

    @path("<slug:slug>/email/", name="email")
    @method_decorator(require_POST)
    def email(self, request, slug):
        """Opens the visitor's mail program, so that the address never sits in the page for
        harvesters to read; a button that posts here is the only way to reach it."""
        practitioner = visible_profile(slug)
        if not practitioner.enquiry_email:
            raise Http404
        subject = quote(f"Enquiry from {request.get_host()}")
        return MailtoRedirect(f"mailto:{practitioner.enquiry_email}?subject={subject}")
