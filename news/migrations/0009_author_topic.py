"""Authors and topics (issue 16); the free-text byline moves over in 0010, and goes in 0011."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('gallery', '0002_one_photo_per_day_error_at_the_date'),
        ('news', '0008_photo_label'),
    ]

    operations = [
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('name_lv', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ru', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_en', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('slug', models.SlugField(blank=True, help_text="The topic page's address; made from the Latvian name when left empty.", max_length=100, unique=True, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='A sentence or two, shown on the topic page.', verbose_name='description')),
                ('description_lv', models.TextField(blank=True, help_text='A sentence or two, shown on the topic page.', null=True, verbose_name='description')),
                ('description_ru', models.TextField(blank=True, help_text='A sentence or two, shown on the topic page.', null=True, verbose_name='description')),
                ('description_en', models.TextField(blank=True, help_text='A sentence or two, shown on the topic page.', null=True, verbose_name='description')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name_lv', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Author',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='As signed, e.g. Inese Kalniņa.', max_length=100, verbose_name='full name')),
                ('name_lv', models.CharField(help_text='As signed, e.g. Inese Kalniņa.', max_length=100, null=True, verbose_name='full name')),
                ('name_ru', models.CharField(help_text='As signed, e.g. Inese Kalniņa.', max_length=100, null=True, verbose_name='full name')),
                ('name_en', models.CharField(help_text='As signed, e.g. Inese Kalniņa.', max_length=100, null=True, verbose_name='full name')),
                ('slug', models.SlugField(blank=True, help_text="The author page's address; made from the Latvian name when left empty.", max_length=100, unique=True, verbose_name='slug')),
                ('role', models.CharField(blank=True, help_text='E.g. journalist.', max_length=100, verbose_name='role')),
                ('role_lv', models.CharField(blank=True, help_text='E.g. journalist.', max_length=100, null=True, verbose_name='role')),
                ('role_ru', models.CharField(blank=True, help_text='E.g. journalist.', max_length=100, null=True, verbose_name='role')),
                ('role_en', models.CharField(blank=True, help_text='E.g. journalist.', max_length=100, null=True, verbose_name='role')),
                ('bio', models.TextField(blank=True, help_text='A sentence or two, shown on the author page.', verbose_name='short biography')),
                ('bio_lv', models.TextField(blank=True, help_text='A sentence or two, shown on the author page.', null=True, verbose_name='short biography')),
                ('bio_ru', models.TextField(blank=True, help_text='A sentence or two, shown on the author page.', null=True, verbose_name='short biography')),
                ('bio_en', models.TextField(blank=True, help_text='A sentence or two, shown on the author page.', null=True, verbose_name='short biography')),
                ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='gallery.photo', verbose_name='photo')),
            ],
            options={
                'verbose_name': 'author',
                'verbose_name_plural': 'authors',
                'ordering': ['name_lv', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ArticleAuthor',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='byline_items', to='news.article')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='byline_items', to='news.author', verbose_name='author')),
            ],
            options={
                'verbose_name': 'author',
                'verbose_name_plural': 'byline',
                'ordering': ['position', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='article',
            name='authors',
            field=models.ManyToManyField(blank=True, related_name='articles', through='news.ArticleAuthor', to='news.author', verbose_name='authors'),
        ),
        migrations.AddField(
            model_name='article',
            name='topics',
            field=models.ManyToManyField(blank=True, help_text='What the article is about, across sections.', related_name='articles', to='news.topic', verbose_name='topics'),
        ),
        migrations.AddConstraint(
            model_name='articleauthor',
            constraint=models.UniqueConstraint(fields=('article', 'author'), name='article_author_once'),
        ),
    ]
