"""Admin strings of Django, django-axes and django-reversion that their own catalogues get
wrong in Latvian ("Pievienot raksts", "Pēc stāvoklis") or lack (axes and reversion have no
Latvian; Django 6.1's empty choice is new). Listed here so that `make messages` keeps them
in the project's catalogue, which comes first (LOCALE_PATHS); nothing imports this module."""

from django.utils.translation import gettext_noop

DJANGO_ADMIN = [
    gettext_noop("Add %(name)s"),
    gettext_noop("Add %s"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("- Select an option -"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Search"),
    # Django's Latvian keeps "(Single Sign-On)" in English.
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. "
        "If disabled, they may still be able to authenticate using other backends, "
        "such as Single Sign-On or LDAP."
    ),
]

AXES = [
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Attempt Time"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Expires At"),
    gettext_noop("Failed Logins"),
    gettext_noop("Form Data"),
    gettext_noop("GET Data"),
    gettext_noop("HTTP Accept"),
    gettext_noop("IP Address"),
    gettext_noop("Locked Out"),
    gettext_noop("Logout Time"),
    gettext_noop("Meta Data"),
    gettext_noop("Not set"),
    gettext_noop("POST Data"),
    gettext_noop("Path"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("User Agent"),
    gettext_noop("Username"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
]

REVERSION = [
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover deleted %(verbose_name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Recover %s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop(
        'The %(model)s "%(name)s" was reverted successfully. You may edit it again below.'
    ),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop(
        "This object doesn't have a change history. It probably wasn't added via this admin site."
    ),
    gettext_noop("Comment"),
]
