"""The share block: the “Found this research helpful?” panel and the networks it offers."""

from urllib.parse import quote, urlencode

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class ShareBlockQuerySet(models.QuerySet):
    def default(self):
        """The share block pages show; None until an editor makes one."""
        return self.order_by("-is_default", "pk").first()


class ShareBlock(index.Indexed, models.Model):
    """Plain share links, no third-party script: each network is an ordinary link."""

    name = models.CharField(
        max_length=100,
        help_text="For editors only, e.g. “Standard share block”.",
    )
    is_default = models.BooleanField(
        "use on every article",
        default=True,
        help_text="Articles show the share block marked here. Only one can be marked.",
    )
    heading = models.CharField(
        max_length=120,
        default="Found this research helpful?",
        help_text="Shown above the share links at the end of an article.",
    )
    intro = models.CharField(
        max_length=255,
        blank=True,
        default="Share it with someone it could help.",
        help_text="One line under the heading. Leave empty for none.",
    )
    label = models.CharField(
        max_length=40,
        default="Share:",
        help_text="The word before the links, e.g. “Share:”.",
    )
    offer_x = models.BooleanField("X", default=True, help_text="A link to post on X.")
    x_label = models.CharField(
        "X link text",
        max_length=40,
        default="Post",
        help_text="The words on the X link, e.g. “Post”.",
    )
    offer_facebook = models.BooleanField("Facebook", default=True, help_text="Share on Facebook.")
    offer_linkedin = models.BooleanField("LinkedIn", default=True, help_text="Share on LinkedIn.")
    offer_email = models.BooleanField("Email", default=True, help_text="Send by email.")
    offer_copy_link = models.BooleanField(
        "Copy link",
        default=True,
        help_text="A link to the article the reader can copy; with JavaScript it copies itself.",
    )
    offer_share_sheet = models.BooleanField(
        "Device share sheet",
        default=True,
        help_text="A “Share” button that opens the phone's or computer's own sharing menu, "
        "shown only on devices that have one.",
    )

    objects = ShareBlockQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("intro"), FieldPanel("label")],
            heading="Words",
        ),
        MultiFieldPanel(
            [
                FieldPanel("offer_x"),
                FieldPanel("x_label"),
                FieldPanel("offer_facebook"),
                FieldPanel("offer_linkedin"),
                FieldPanel("offer_email"),
                FieldPanel("offer_copy_link"),
                FieldPanel("offer_share_sheet"),
            ],
            heading="Networks offered",
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("heading")]

    class Meta:
        verbose_name = "share block"
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_share_block",
                violation_error_message="Another share block is already used on every article. "
                "Untick it there first.",
            )
        ]

    def __str__(self):
        return self.name

    def links(self, url, title):
        """(network, link text, address) for a page at `url` titled `title`, as offered."""
        links = []
        for network, field, label, base, make_query in SHARE_NETWORKS:
            if not getattr(self, field):
                continue
            address = base + urlencode(make_query(url, title), quote_via=quote) if base else url
            links.append((network, self.x_label if network == "x" else label, address))
        return links


# network, the field that offers it, link text, share address, its query for (url, title).
# “Copy link” has no share address: its link is the page itself.
SHARE_NETWORKS = [
    ("x", "offer_x", "Post", "https://x.com/intent/post?",
     lambda url, title: {"url": url, "text": title}),
    ("facebook", "offer_facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?",
     lambda url, title: {"u": url}),
    ("linkedin", "offer_linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?",
     lambda url, title: {"url": url}),
    ("email", "offer_email", "Email", "mailto:?",
     lambda url, title: {"subject": title, "body": url}),
    ("copy", "offer_copy_link", "Copy link", "", None),
]  # fmt: skip
