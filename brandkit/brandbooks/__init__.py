"""Brandbook files: parse, validate and write the YAML that carries the brand rules.

Pure code (no Django): the checks engine takes a parsed brandbook as plain data, and the rules
app stores the same data as models. `parse_file` is the only way a file becomes data, so every
consumer sees the same validation and the same defaults.
"""

from brandkit.brandbooks.errors import BrandbookError, BrandbookInvalid
from brandkit.brandbooks.parse import SKA_BRANDBOOK, dump_yaml, parse_file, parse_text

__all__ = [
    "SKA_BRANDBOOK",
    "BrandbookError",
    "BrandbookInvalid",
    "dump_yaml",
    "parse_file",
    "parse_text",
]
