import datetime
import errno
import logging
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from gallery.images import DECODERS, clean_image
from gallery.models import Photo

logger = logging.getLogger(__name__)

KEPT_SALT = "gallery.kept_upload"
KEPT_FOR_SECONDS = 24 * 60 * 60


def kept_uploads():
    """Where chosen files wait for a form's next submit: not the media storage, which readers
    can read (the file still has its EXIF, GPS position included)."""
    return FileSystemStorage(location=settings.KEPT_UPLOADS_ROOT)


def clear_expired_kept_uploads(storage):
    """Delete kept files whose token has expired: an editor who gave up leaves nothing."""
    expired = timezone.now() - datetime.timedelta(seconds=KEPT_FOR_SECONDS)
    try:
        names = storage.listdir("")[1]
    except FileNotFoundError:
        return
    for name in names:
        try:
            if storage.get_modified_time(name) < expired:
                storage.delete(name)
        except FileNotFoundError:
            pass  # another process cleared it first


# Characters that make a file name a path: folders, a Windows drive, a hidden or parent dir.
PATH_CHARACTERS = ("/", "\\", ":", "\x00")
# OSErrors of a storage with no room left; any other one means it cannot be written to.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT}


def storage_refusal(error):
    """The form error for an upload the media storage refused with OSError `error`."""
    if error.errno in NO_SPACE:
        message = _(
            "The photo could not be saved: the server's disk is full. Nothing was saved; "
            "please tell the site's administrator."
        )
        return ValidationError(message, code="storage_full")
    message = _(
        "The photo could not be saved: the server cannot write to its photo folder. "
        "Nothing was saved; please tell the site's administrator."
    )
    return ValidationError(message, code="storage_not_writable")


def check_file_name(name):
    """ValidationError unless `name` is a plain file name."""
    if name.startswith(".") or any(c in name for c in PATH_CHARACTERS):
        raise ValidationError(
            _("The file name must be a plain name, without folders or a drive."),
            code="path_in_name",
        )


def clean_upload(upload):
    """An uploaded file as a clean master (see `clean_image()`), or ValidationError: its
    name must be a plain file name, its content a safe JPEG, PNG or WebP."""
    check_file_name(upload.name)
    return clean_image(upload)


class PhotoAdminForm(forms.ModelForm):
    """The editors' upload form: only a safe JPEG, PNG or WebP gets through (issue 6).

    The file field is a plain FileField, so that `clean_image()` (size first, then the
    content, whatever the file is called) is the only thing that opens the upload.
    """

    # The OSError with which the storage refused this very upload, when PhotoAdmin shows
    # the form again after it (see PhotoAdmin.changeform_view).
    storage_error = None

    # A chosen file survives a form that comes back with errors (a photo-of-the-day date
    # already taken, issue 14): it waits in kept_uploads() for a day, named by
    # this signed token, and the next submit without a new file takes it back.
    kept_upload = forms.CharField(
        label=_("file kept from the previous try"), widget=forms.HiddenInput, required=False
    )

    class Meta:
        model = Photo
        fields = ["image", "title", "alt_text", "caption", "credit", "shown_on", "taken_on"]
        field_classes = {"image": forms.FileField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept = ",".join(f"image/{name.lower()}" for name in DECODERS)
        self.fields["image"].widget.attrs["accept"] = accept
        # The files of the photo as it was, to delete once a replacement is committed.
        self.replaced_names = self.instance.stored_names() if self.instance.pk else []
        self.kept_name = self._take_back_kept_upload() if self.is_bound else None

    def _take_back_kept_upload(self):
        """Put the file kept from the previous submit back among the uploads, unless a new
        one came; returns its original name, or None."""
        field = self.add_prefix("image")
        token = self.data.get(self.add_prefix("kept_upload"))
        if not token or self.files.get(field):
            return None
        try:
            kept = signing.loads(token, salt=KEPT_SALT, max_age=KEPT_FOR_SECONDS)
            with kept_uploads().open(kept["stored"]) as stored:
                content = stored.read()
        except (signing.BadSignature, KeyError, TypeError, OSError):
            return None  # expired, tampered with or gone: the editor chooses the file again
        kept_uploads().delete(kept["stored"])
        self.files = self.files.copy()
        self.files[field] = SimpleUploadedFile(kept["name"], content)
        return kept["name"]

    def _post_clean(self):
        super()._post_clean()
        upload = self.files.get(self.add_prefix("image"))
        if self.errors and "image" not in self.errors and isinstance(upload, UploadedFile):
            self._keep(upload)

    def _keep(self, upload):
        """Keep the checked upload for the form's next submit, and say so by the file."""
        upload.seek(0)
        storage = kept_uploads()
        try:
            clear_expired_kept_uploads(storage)
            stored = storage.save(uuid.uuid4().hex, upload)
        except OSError:
            logger.exception("The media storage refused to keep an upload for the next try.")
            return
        token = signing.dumps({"stored": stored, "name": upload.name}, salt=KEPT_SALT)
        self.data = self.data.copy()
        self.data[self.add_prefix("kept_upload")] = token
        self.kept_name = upload.name
        help_text = _(
            "“%(name)s” is kept: correct what is marked and save again, it goes with the "
            "form. Choose a file only to replace it."
        ) % {"name": escape(upload.name)}  # the admin shows help texts as HTML
        self.fields["image"].help_text = self["image"].help_text = help_text
        if "shown_on" in self.errors:
            self.add_error(
                "shown_on",
                _("Choose another day, or leave the date empty for an article photo."),
            )

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if not isinstance(upload, UploadedFile):
            return upload  # no new file: the stored one stays
        return clean_upload(upload)

    def clean(self):
        cleaned_data = super().clean()
        if self.storage_error is not None:
            self.add_error("image", storage_refusal(self.storage_error))
        return cleaned_data

    @property
    def new_master(self):
        """The cleaned upload, with its decoded picture as `.image`; None if none came."""
        master = self.cleaned_data.get("image")
        return master if hasattr(master, "image") else None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files, each checked later by itself (one bad file refuses only it)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [upload for upload in files if upload]
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return files


class PhotoUploadForm(forms.Form):
    """Many photos at once: one credit for all, their texts filled in afterwards."""

    files = MultipleFileField(label=_("photos"))
    credit = forms.CharField(
        label=_("credit"),
        max_length=Photo._meta.get_field("credit").max_length,
        required=False,
        help_text=_("The photographer as printed under every one of them, e.g. “Jura Rogas foto”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept = ",".join(f"image/{name.lower()}" for name in DECODERS)
        self.fields["files"].widget.attrs["accept"] = accept

    def save(self, user, title):
        """Store each good file as a photo titled `title` (and so described until an editor
        writes better); returns (photos, refused) with refused as (file name, message)."""
        photos, refused = [], []
        for upload in self.cleaned_data["files"]:
            try:
                check_file_name(upload.name)
                photos.append(
                    Photo.objects.create_from_image(  # checks the content, stores all or nothing
                        upload,
                        title_lv=title,
                        alt_text_lv=title,
                        credit_lv=self.cleaned_data["credit"],
                        created_by=user,
                    )
                )
            except ValidationError as error:
                refused.append((upload.name, " ".join(error.messages)))
            except OSError as error:
                logger.exception("The media storage refused a photo; it was not saved.")
                refused.append((upload.name, " ".join(storage_refusal(error).messages)))
        return photos, refused


# The texts of photos just uploaded together, filled in on one page.
# Only the photos the view gives it: a forged form count cannot add photos without a file.
PhotoTextsFormSet = forms.modelformset_factory(
    Photo, fields=["title_lv", "alt_text_lv", "caption_lv", "caption_ru"], extra=0, edit_only=True
)
