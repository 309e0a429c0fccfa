"""Errors that name the place in the file and the reason, so an editor can fix them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class BrandbookError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(file)'}: {self.message}"


class BrandbookInvalid(Exception):
    """A brandbook file that cannot be loaded; `errors` lists every problem found."""

    def __init__(self, errors: list[BrandbookError], source: str = ""):
        self.errors = errors
        self.source = source
        where = f"{source}: " if source else ""
        lines = "\n".join(f"  - {error}" for error in errors)
        super().__init__(f"{where}invalid brandbook ({len(errors)} error(s)):\n{lines}")
