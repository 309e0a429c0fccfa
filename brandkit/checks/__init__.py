"""Pure validators: decide whether a file follows the brand rules and say why not.

Entry point: `run(data, filename=..., brandbook=..., preset=...) -> Report`. No Django models
here: the brandbook is plain data as returned by `brandkit.brandbooks.parse_file`.

`run` and `CHECKS` are imported lazily from `registry`, so that importing `report` or `types`
does not load Pillow, pypdf and pdfium.
"""

__all__ = ["CHECKS", "run"]


def __getattr__(name: str):
    if name in __all__:
        try:
            from brandkit.checks import registry
        except AttributeError as exc:  # would be hidden as "cannot import name"
            raise ImportError(f"brandkit.checks.registry failed to import: {exc!r}") from exc
        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
