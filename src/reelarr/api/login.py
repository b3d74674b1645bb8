"""First account, login, logout and the UI's bootstrap document."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import Field, ValidationError

from reelarr import __version__
from reelarr.api.auth_middleware import CSRF_COOKIE, SESSION_COOKIE, same_origin
from reelarr.api.deps import Principal, get_principal, get_services
from reelarr.api.errors import message_response, validation_response
from reelarr.api.json import JsonResponse
from reelarr.api.resource import StrictResource
from reelarr.auth.passwords import HashingBusy
from reelarr.auth.sessions import NewSession
from reelarr.auth.throttle import Throttled, throttle_keys
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.services import Services

router = APIRouter(include_in_schema=False)
ServicesDep = Annotated[Services, Depends(get_services)]
PrincipalDep = Annotated[Principal | None, Depends(get_principal)]


class Credentials(StrictResource):
    """A username and password, as the login and first-account forms send them."""

    username: str = Field(max_length=200)
    password: str = Field(max_length=1024)
    remember_me: bool = False


def _client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def _cookie_path(request: Request) -> str:
    return request.scope.get("root_path", "") or "/"


def _safe_return_url(value: str | None) -> str:
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def set_session_cookies(request: Request, response: Response, new: NewSession, services: Services) -> None:
    """Put the session token (HttpOnly) and the CSRF token (readable by the UI) on the response."""
    secure = request.url.scheme == "https"
    max_age = int(services.sessions.lifetime.total_seconds()) if new.info.remember else None
    path = _cookie_path(request)
    response.set_cookie(
        SESSION_COOKIE, new.token, max_age=max_age, path=path, secure=secure, httponly=True, samesite="lax"
    )
    response.set_cookie(
        CSRF_COOKIE,
        new.info.csrf_token,
        max_age=max_age,
        path=path,
        secure=secure,
        httponly=False,
        samesite="strict",
    )


def _clear_session_cookies(request: Request, response: Response) -> None:
    path = _cookie_path(request)
    response.delete_cookie(SESSION_COOKIE, path=path)
    response.delete_cookie(CSRF_COOKIE, path=path)


async def _read_credentials(request: Request) -> tuple[Credentials | None, list[ValidationFailure], bool]:
    """The posted credentials, from JSON or a form; the flag says whether the form way was used."""
    is_form = request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    )
    raw: Any
    if is_form:
        form = await request.form()
        raw = {
            "username": form.get("username", ""),
            "password": form.get("password", ""),
            "rememberMe": str(form.get("rememberMe", "")).lower() in ("on", "true", "1"),
        }
    else:
        try:
            raw = await request.json()
        except ValueError:
            return None, [ValidationFailure("", "The request body is not valid JSON")], False
    try:
        return Credentials.model_validate(raw), [], is_form
    except ValidationError as error:
        return None, ValidationFailed.from_pydantic(error).failures, is_form


@router.get("/initialize.json")
async def initialize(request: Request, services: ServicesDep, principal: PrincipalDep) -> Response:
    """What the UI needs before it draws anything: setup and login state, version; a session's API key."""
    body: dict[str, Any] = {
        "apiRoot": "/api/v3",
        "urlBase": services.settings.url_base,
        "version": __version__,
        "instanceName": services.host.instance_name,
        "needsSetup": not await services.users.any_exist(),
        "authenticated": principal is not None,
    }
    if principal is not None and principal.session is not None:
        body["username"] = principal.session.username
        # As Radarr's bootstrap: the signed-in UI shows the key (Settings, iCal link); never anonymously.
        body["apiKey"] = await services.api_keys.current()
    response = JsonResponse(body, headers={"Cache-Control": "no-store"})
    if principal is not None and principal.session is not None:
        response.set_cookie(
            CSRF_COOKIE,
            principal.session.csrf_token,
            path=_cookie_path(request),
            secure=request.url.scheme == "https",
            httponly=False,
            samesite="strict",
        )
    return response


@router.post("/setup")
async def create_first_account(request: Request, services: ServicesDep) -> Response:
    """Create the first account (only while there is none) and log it in."""
    if not same_origin(request.headers):
        return message_response(403, "Cross-site requests are not allowed")
    credentials, failures, _ = await _read_credentials(request)
    if credentials is None:
        return validation_response(failures)
    try:
        user = await services.users.create(credentials.username, credentials.password, only_if_first=True)
    except HashingBusy as busy:
        return _too_many(str(busy), 1)
    new = await services.sessions.create(
        user.id,
        remember=credentials.remember_me,
        user_agent=request.headers.get("user-agent"),
        remote_ip=_client_ip(request),
    )
    response = JsonResponse({"username": user.username}, status_code=201)
    set_session_cookies(request, response, new, services)
    return response


def _too_many(message: str, retry_after: int) -> Response:
    return JsonResponse({"message": message}, status_code=429, headers={"Retry-After": str(retry_after)})


@router.post("/login")
async def login(request: Request, services: ServicesDep) -> Response:
    """Log in with a username and password; JSON answers status codes, a form answers redirects."""
    if not same_origin(request.headers):
        return message_response(403, "Cross-site requests are not allowed")
    credentials, failures, is_form = await _read_credentials(request)
    return_url = _safe_return_url(request.query_params.get("returnUrl"))
    root = request.scope.get("root_path", "")
    if credentials is None:
        if is_form:
            return RedirectResponse(f"{root}/login?loginFailed=true", status_code=303)
        return validation_response(failures)
    try:
        attempt = await services.throttle.begin(throttle_keys(credentials.username, _client_ip(request)))
    except Throttled as refused:
        return _too_many(str(refused), refused.retry_after)
    try:
        user = await services.users.authenticate(credentials.username, credentials.password)
    except HashingBusy as busy:
        await services.throttle.forget(attempt)
        return _too_many(str(busy), 1)
    if user is None:
        if is_form:
            return RedirectResponse(f"{root}/login?loginFailed=true", status_code=303)
        return Response(status_code=401)
    await services.throttle.succeeded(attempt)
    new = await services.sessions.create(
        user.id,
        remember=credentials.remember_me,
        user_agent=request.headers.get("user-agent"),
        remote_ip=_client_ip(request),
    )
    response: Response
    if is_form:
        response = RedirectResponse(f"{root}{return_url}", status_code=303)
    else:
        response = JsonResponse({"username": user.username})
    set_session_cookies(request, response, new, services)
    return response


@router.post("/logout")
async def logout(request: Request, services: ServicesDep) -> Response:
    """End the session."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await services.sessions.end(token)
    response = Response(status_code=200)
    _clear_session_cookies(request, response)
    return response


@router.get("/logout")
async def logout_page(request: Request) -> Response:
    """Back to the UI, still logged in: logging out is a POST with the CSRF token.

    Radarr's `GET /logout` ended the session, so any site could log its visitors out with a link.
    """
    return RedirectResponse(f"{request.scope.get('root_path', '')}/", status_code=303)
