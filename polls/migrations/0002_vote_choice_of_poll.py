"""A vote's answer must belong to the vote's poll, enforced by PostgreSQL.

Django cannot declare a foreign key over two columns, so this one is written by hand:
(choice_id, poll_id) of every vote must be an (id, poll_id) pair of polls_choice. It is
checked at once, not at commit: Django deletes a poll's votes before its answers.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("polls", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=(
                "ALTER TABLE polls_vote ADD CONSTRAINT polls_vote_choice_of_poll "
                "FOREIGN KEY (choice_id, poll_id) REFERENCES polls_choice (id, poll_id)"
            ),
            reverse_sql="ALTER TABLE polls_vote DROP CONSTRAINT polls_vote_choice_of_poll",
        ),
    ]
