"""Move the home page's intro and featured articles into the HomePageContent site setting,
which writers may edit, and give the Writers group that permission."""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models

from cms.roles import (
    WRITER_PERMISSIONS,
    WRITERS,
    grant_permissions,
    historical_role_models,
    revoke_permissions,
)


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
    grant_permissions(*historical_role_models(apps), WRITERS, WRITER_PERMISSIONS)


def move_back_to_page(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    for content in apps.get_model("home", "HomePageContent").objects.all():
        home = HomePage.objects.filter(pk=content.site.root_page_id).first()
        if home is not None:
            HomePage.objects.filter(pk=home.pk).update(intro=content.intro)
            content.featured_articles.update(page=home)
    apps.get_model("home", "FeaturedArticle").objects.filter(page__isnull=True).delete()
    revoke_permissions(*historical_role_models(apps), WRITERS, WRITER_PERMISSIONS)


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
