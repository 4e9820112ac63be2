"""newsx: news articles from HTML pages and raw text dumps, as records.

Use ``newsx.extract(data)`` from Python, or the ``newsx`` command.
"""

from newsx.api import extract
from newsx.errors import InputError
from newsx.record import Block, Body, Header, Record, RelatedItem

__version__ = "0.1.0"
__all__ = [
    "Block", "Body", "Header", "InputError", "Record", "RelatedItem", "__version__", "extract",
]
