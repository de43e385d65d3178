"""Move the home page's intro and featured articles into the HomePageContent site setting,
which writers may edit, and give the Writers group that permission."""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models

WRITERS = "Writers"
# (app label, model, verbose name, actions) as they were when this migration was written.
WRITER_PERMISSIONS = [
    ("home", "homepagecontent", "home page content", ["change"]),
]


def writer_permissions(apps):
    """The permissions WRITER_PERMISSIONS names, made if missing under the names Django gives
    them: Django creates permissions only after all migrations have run."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, verbose_name, actions in WRITER_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            yield permission


def move_into_setting(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    HomePageContent = apps.get_model("home", "HomePageContent")
    FeaturedArticle = apps.get_model("home", "FeaturedArticle")
    for site in apps.get_model("wagtailcore", "Site").objects.all():
        home = HomePage.objects.filter(pk=site.root_page_id).first()
        if home is None:
            continue
        content, _ = HomePageContent.objects.get_or_create(site=site, defaults={"intro": home.intro})
        FeaturedArticle.objects.filter(page=home).update(content=content)
    # Featured articles of a home page that no site shows were never visible.
    FeaturedArticle.objects.filter(content__isnull=True).delete()
    writers, _ = apps.get_model("auth", "Group").objects.get_or_create(name=WRITERS)
    writers.permissions.add(*writer_permissions(apps))


def move_back_to_page(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    for content in apps.get_model("home", "HomePageContent").objects.all():
        home = HomePage.objects.filter(pk=content.site.root_page_id).first()
        if home is not None:
            HomePage.objects.filter(pk=home.pk).update(intro=content.intro)
            content.featured_articles.update(page=home)
    apps.get_model("home", "FeaturedArticle").objects.filter(page__isnull=True).delete()
    writers = apps.get_model("auth", "Group").objects.filter(name=WRITERS).first()
    if writers is not None:
        writers.permissions.remove(*writer_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("cms", "0001_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="HomePageContent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("intro", wagtail.fields.RichTextField(blank=True, help_text="One or two sentences under the site's name telling a visitor what the site offers, e.g. “Published research on acupuncture, explained in plain language.”")),
                ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
            ],
            options={
                "verbose_name": "home page content",
                "verbose_name_plural": "home page content",
            },
        ),
        migrations.AddField(
            model_name="featuredarticle",
            name="content",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="featured_articles", to="home.homepagecontent"),
        ),
        migrations.AlterField(
            model_name="featuredarticle",
            name="page",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="home.homepage"),
        ),
        migrations.RunPython(move_into_setting, move_back_to_page),
    ]
