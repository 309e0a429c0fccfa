"""A file upload handler that stops reading a file as soon as it passes the hard ceiling.

Django would otherwise spool every byte of an oversized file to a temporary file before the
view could refuse it. This handler sits first in the chain: it counts each file's bytes and
skips the rest of a file that is too large (nothing of it is kept), remembering its name so
the page can say why the file is missing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class BoundedUploadHandler(FileUploadHandler):
    def __init__(self, request=None, limit: int | None = None):
        super().__init__(request)
        self.limit = limit if limit is not None else settings.BRANDKIT_MAX_UPLOAD_BYTES
        self.received = 0
        self.too_large: list[str] = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_large.append(self.file_name or "?")
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler builds the file
