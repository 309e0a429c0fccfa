"""Pure validators: decide whether a file follows the brand rules and say why not.

Entry point: `run(data, filename=..., brandbook=..., preset=...) -> Report`. No Django models
here: the brandbook is plain data as returned by `brandkit.brandbooks.parse_file`.
"""
