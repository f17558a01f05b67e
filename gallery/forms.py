from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from gallery.models import DECODERS, Photo, clean_image

# Characters that make a file name a path: folders, a Windows drive, a hidden or parent dir.
PATH_CHARACTERS = ("/", "\\", ":", "\x00")


class PhotoAdminForm(forms.ModelForm):
    """The editors' upload form: only a safe JPEG, PNG or WebP gets through (issue 6).

    The file field is a plain FileField, so that `clean_image()` (size first, then the
    content, whatever the file is called) is the only thing that opens the upload.
    """

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

    @property
    def new_master(self):
        """The cleaned upload, with its decoded picture as `.image`; None if none came."""
        master = self.cleaned_data.get("image")
        return master if hasattr(master, "image") else None
