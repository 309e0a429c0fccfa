"""The contracting authority named in every document: one setting for the app and the sample.

The address is the one the Social Insurance Board used in its own contracts (e.g. its 2020
data-exchange contract with Statistics Estonia: "Paldiski mnt 80 Tallinn 15092"); older pages
of its website gave Endla 8. It is TO BE CONFIRMED by the authority before documents go out:
a deployment overrides any key with the Django setting ``BRANDKIT_ORGANISATION`` (a dict), and
`procurement.models.organisation()` merges that over these values.
"""

from __future__ import annotations

DEFAULT_ORGANISATION = {
    "name": "Sotsiaalkindlustusamet",
    "address": "Paldiski mnt 80, 15092 Tallinn",
    "registry_code": "70001975",
}


def default_organisation() -> dict[str, str]:
    return dict(DEFAULT_ORGANISATION)
