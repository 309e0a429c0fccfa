"""Read-only JSON API for the website's CMS: approved assets, their texts and files.

Token-authenticated (``Authorization: Bearer <token>``); the OpenAPI description is generated
by django-ninja and served at ``/api/openapi.json``.
"""
