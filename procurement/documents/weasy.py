"""The one place WeasyPrint is imported from, with Pillow's truncated-image guard restored.

Importing WeasyPrint runs ``ImageFile.LOAD_TRUNCATED_IMAGES = True`` (weasyprint/images.py, in
67.0): a process-wide Pillow setting. In the brandkit process that would silently switch off
the check engine's defence against truncated uploads (brandkit/checks/raster_decode.py relies
on it being False, and asserts so when it is imported, so importing it after WeasyPrint would
fail). Our documents only embed our own logos, so WeasyPrint does not need the lenient mode:
put Pillow back to its default right after the import.
"""

from PIL import ImageFile
from weasyprint import HTML
from weasyprint.urls import default_url_fetcher

ImageFile.LOAD_TRUNCATED_IMAGES = False

__all__ = ["HTML", "default_url_fetcher"]
