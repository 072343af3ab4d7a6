"""Who is looking: a person signed in with Streamlit's OIDC sign-in (`st.login`, `st.user`) and given
a role by the roles file, or, with no `[auth]` section in the secrets, the one person using the app
on their own machine. Every page asks `current_user()`; anyone else sees a page that says why and
nothing more."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import streamlit as st
from itsdangerous import BadSignature, URLSafeTimedSerializer
from streamlit.auth_util import get_cookie_with_chunks
from streamlit.errors import StreamlitSecretNotFoundError
from streamlit.web.server.server_util import get_cookie_secret

from empathy.access.roles import Roles, RolesError, User, loopback, open_user, read_roles, roles_path
from empathy.language import N_, _
from empathy.store import Store, StoreError, people
from ui.text import literal

LOGGER = logging.getLogger(__name__)
SIGN_IN_COOKIE = "_streamlit_user"  # Streamlit's own, signed with the secrets' cookie_secret
COOKIE_DAYS = 31  # as long as Streamlit accepts its cookie (30 days and a day's grace)
OPEN_MARK = N_("Open: no sign-in configured")


def sign_in_configured() -> bool:
    """An `[auth]` section in the secrets Streamlit reads (`st.login` reads the same)."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def current_user() -> User:
    """The person this session acts as; stops the page with the sign-in page, the "ask an admin"
    page or the refusal to run open on a network address when there is none."""
    if not sign_in_configured():
        refuse_open_on_network()
        return open_user()
    if not st.user.is_logged_in:
        sign_in_page()
        st.stop()
    email = str(st.user.get("email") or "")
    if signed_out():
        sign_in_page(_("You were signed out (here, or everywhere by an admin). Sign in again to see the board."))
        st.stop()
    if st.user.get("email_verified") is False:
        no_role_page(email, _("Your sign-in provider says this e-mail address is not verified yet."))
        st.stop()
    user = roles_or_stop().user_for(email, str(st.user.get("name") or ""))
    if user is None:
        no_role_page(email, _("You are signed in, but nobody has given you a role on this board yet."))
        st.stop()
    return user


def roles_or_stop() -> Roles:
    try:
        return read_roles()
    except RolesError as error:
        LOGGER.error("The roles file cannot be used: %s", error)
        st.error(_("**The roles file cannot be used**, so nobody can be let in. An admin or the server's operator must "
                   "fix `{file}` (the server log says where).").format(file=roles_path().name))
        st.stop()


def refuse_open_on_network() -> None:
    """With no sign-in, the app is one person's tool: it serves only on a loopback address unless
    EMPATHY_OPEN=1 says that an open board on the network is meant."""
    address = st.get_option("server.address")
    if loopback(address) or os.environ.get("EMPATHY_OPEN") == "1":
        return
    LOGGER.error("Refusing to serve: no sign-in is configured and the server listens on %s.", address or "all addresses")
    st.error(_("**This board is not served on {address} without sign-in.** Anyone who can reach it could read every "
               "customer's words and change the data. Configure sign-in (`[auth]` in `.streamlit/secrets.toml`, see "
               "docs/sign-in-and-roles.md), listen on 127.0.0.1 only, or set EMPATHY_OPEN=1 if an open board on this "
               "network is really meant.").format(address=literal(address or _("every network address"))))
    st.stop()


@dataclass(frozen=True)
class SignIn:
    """A browser's sign-in as its cookie (Streamlit's `_streamlit_user`, signed with the secrets'
    cookie_secret) says it: whose, a fingerprint of the cookie, and when it was issued (the signature's
    time stamp)."""

    email: str
    session: str
    issued_at: datetime


def sign_in_of(cookies: Mapping[str, str]) -> SignIn | None:
    """The sign-in a request's cookies carry, checked as Streamlit checks them; None without one."""
    main = cookies.get(SIGN_IN_COOKIE)
    if not main:
        return None

    def signed(name: str) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(get_cookie_secret(), salt=name)

    def single(name: str) -> bytes | None:
        try:
            return signed(name).loads(cookies[name], max_age=COOKIE_DAYS * 86400).encode()
        except (KeyError, BadSignature):
            return None

    try:
        _, issued_at = signed(SIGN_IN_COOKIE).loads(main, max_age=COOKIE_DAYS * 86400, return_timestamp=True)
        info = json.loads(get_cookie_with_chunks(single, SIGN_IN_COOKIE) or b"{}")
    except (BadSignature, ValueError):
        return None
    if not info.get("is_logged_in") or not info.get("email"):
        return None
    return SignIn(str(info["email"]).strip().lower(), hashlib.sha256(main.encode()).hexdigest(), issued_at)


def signed_out_session(sign_in: SignIn) -> bool:
    """Whether that sign-in was ended, by its own sign-out or an admin's "everywhere" (the store keeps
    both), so a copied or kept cookie is refused once its person signed out."""
    return people.signed_out(Store.open(), sign_in.email, sign_in.session, sign_in.issued_at)


def signed_out() -> bool:
    """This browser's sign-in ended: asked on every run. A test's simulated sign-in has no cookie."""
    sign_in = sign_in_of(st.context.cookies)
    return sign_in is not None and signed_out_session(sign_in)


def sign_out(user: User) -> None:
    """End this browser's sign-in in the store (so its cookie is refused anywhere), then at Streamlit
    and the provider."""
    if (sign_in := sign_in_of(st.context.cookies)) is not None:
        try:
            people.sign_out(Store.open(), user, sign_in.session)
        except StoreError as error:  # a read-only or damaged store: the cookie still goes
            LOGGER.error("The sign-out of %s could not be kept: %s", user.identity, error)
    st.logout()


def sign_in_page(why: str = "") -> None:
    st.title(_("Customer Empathy Board"))
    if why:
        st.info(literal(why), icon=":material/logout:")
    st.write(_("Sign in to see the board. Your organisation's sign-in decides who you are; the board's admins decide "
               "what you may see and do."))
    for provider, label in providers():
        st.button(literal(label), type="primary", key=f"sign-in-{provider or 'default'}", icon=":material/login:",
                  on_click=st.login, args=(provider,) if provider else ())


def providers() -> list[tuple[str | None, str]]:
    """The `[auth]` section's providers: one unnamed, or `[auth.NAME]` sections, each a button."""
    section = st.secrets["auth"]
    named = [name for name, value in section.items() if hasattr(value, "keys") and "client_id" in value]
    if "client_id" in section or not named:
        return [(None, _("Sign in"))]
    return [(name, _("Sign in with {provider}").format(provider=name.capitalize())) for name in named]


def no_role_page(email: str, why: str) -> None:
    st.title(_("Customer Empathy Board"))
    st.warning(literal(why) + " " + _("Ask one of the board's admins to add **{address}** to its roles; then sign in "
                                      "again.").format(address=literal(email or _("your address"))),
               icon=":material/lock:")
    st.button(_("Sign out"), key="sign-out", on_click=st.logout)


def identity_panel(user: User) -> None:
    """Who this is, in the sidebar, with the way out; an open app says it is open, on every page."""
    if sign_in_configured():
        scope = _(" · only {scope}").format(scope=user.scope.describe()) if not user.scope.everything else ""
        st.sidebar.caption(_("Signed in as **{person}** · {role}").format(person=literal(user.shown), role=user.role.label)
                           + literal(scope))
        st.sidebar.button(_("Sign out"), key="sign-out", icon=":material/logout:", on_click=sign_out, args=(user,))
    else:
        st.markdown('<div class="open-mark" title="Anyone who reaches this address may do everything">'
                    + _(OPEN_MARK) + '</div><style>.open-mark{position:fixed;top:.4rem;right:1rem;z-index:999991;'
                    'font-size:.8rem;padding:.1rem .5rem;border-radius:.4rem;background:#fff3cd;'
                    'color:#664d03;border:1px solid #e0c36a}</style>', unsafe_allow_html=True)
