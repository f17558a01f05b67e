import errno

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from gallery.images import DECODERS, clean_image
from gallery.models import Photo

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


class PhotoAdminForm(forms.ModelForm):
    """The editors' upload form: only a safe JPEG, PNG or WebP gets through (issue 6).

    The file field is a plain FileField, so that `clean_image()` (size first, then the
    content, whatever the file is called) is the only thing that opens the upload.
    """

    # The OSError with which the storage refused this very upload, when PhotoAdmin shows
    # the form again after it (see PhotoAdmin.changeform_view).
    storage_error = None

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

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if not isinstance(upload, UploadedFile):
            return upload  # no new file: the stored one stays
        if upload.name.startswith(".") or any(c in upload.name for c in PATH_CHARACTERS):
            raise ValidationError(
                _("The file name must be a plain name, without folders or a drive."),
                code="path_in_name",
            )
        return clean_image(upload)

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
