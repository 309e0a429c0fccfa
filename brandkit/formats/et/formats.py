"""Estonian date formats: Django's et locale has no SHORT_DATETIME_FORMAT and would fall back
to the US "m/d/Y P"."""

DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
