"""The API's URLs, mounted at /api/ by brandkit/urls.py.

The site's LoginRequiredMiddleware would send every request to the login page; API views
authenticate by token instead, so each of them is marked login_not_required here. Paths that
need a token get it checked by django-ninja (``auth=ApiTokenAuth()``) before the view runs.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from brandkit.api.auth import ApiTokenAuth
from brandkit.api.v1 import router as v1_router

api = NinjaAPI(
    title="brandkit API",
    version="1",
    description=(
        "Read-only access for the website's CMS to approved assets of the brand library: "
        "texts and alt texts in Estonian, English and Russian, renditions and file URLs; "
        "and a check of any file against the brand rules (`POST /api/v1/checks`, nothing "
        "is stored). "
        "Every request except this description needs `Authorization: Bearer <token>` "
        "(tokens are issued with `manage.py create_api_token`)."
    ),
    openapi_url="/openapi.json",
    docs_url=None,  # no Swagger UI: it would load scripts from a CDN
    docs_decorator=require_GET,
    auth=ApiTokenAuth(),
    urls_namespace="api",
)
api.add_router("/v1", v1_router)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    response = api.create_response(
        request,
        {"detail": "A valid API token is required: send 'Authorization: Bearer <token>'."},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="brandkit"'
    return response


def _exempt_from_login(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _exempt_from_login(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            login_not_required(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls
urlpatterns = [path("", include((_exempt_from_login(_patterns), _app_name), namespace=_namespace))]
