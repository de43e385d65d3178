"""The intro and featured articles now live in HomePageContent (see 0003). A migration of its own,
because PostgreSQL will not alter a table in the transaction that has just updated its rows."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_home_page_content_setting"),
        ("research", "0001_initial"),
    ]

    operations = [
        migrations.RemoveField(model_name="featuredarticle", name="page"),
        migrations.AlterField(
            model_name="featuredarticle",
            name="content",
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="featured_articles", to="home.homepagecontent"),
        ),
        migrations.AlterField(
            model_name="featuredarticle",
            name="article",
            field=models.ForeignKey(help_text="A published article to feature on the home page.", on_delete=django.db.models.deletion.CASCADE, related_name="+", to="research.researcharticlepage"),
        ),
        migrations.RemoveField(model_name="homepage", name="intro"),
    ]
