"""Who is looking: a person signed in with Streamlit's OIDC sign-in (`st.login`, `st.user`) and given
a role by the roles file, or, with no `[auth]` section in the secrets, the one person using the app
on their own machine. Every page asks `current_user()`; anyone else sees a page that says why and
nothing more."""

from __future__ import annotations

import logging
import os

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from empathy.access import Roles, RolesError, User, loopback, open_user, read_roles, roles_path
from ui.text import literal

LOGGER = logging.getLogger(__name__)
OPEN_MARK = "Open: no sign-in configured"


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
    if st.user.get("email_verified") is False:
        no_role_page(email, "Your sign-in provider says this e-mail address is not verified yet.")
        st.stop()
    user = roles_or_stop().user_for(email, str(st.user.get("name") or ""))
    if user is None:
        no_role_page(email, "You are signed in, but nobody has given you a role on this board yet.")
        st.stop()
    return user


def roles_or_stop() -> Roles:
    try:
        return read_roles()
    except RolesError as error:
        LOGGER.error("The roles file cannot be used: %s", error)
        st.error("**The roles file cannot be used**, so nobody can be let in. An admin or the server's "
                 f"operator must fix `{roles_path().name}` (the server log says where).")
        st.stop()


def refuse_open_on_network() -> None:
    """With no sign-in, the app is one person's tool: it serves only on a loopback address unless
    EMPATHY_OPEN=1 says that an open board on the network is meant."""
    address = st.get_option("server.address")
    if loopback(address) or os.environ.get("EMPATHY_OPEN") == "1":
        return
    LOGGER.error("Refusing to serve: no sign-in is configured and the server listens on %s.", address or "all addresses")
    st.error(f"**This board is not served on {literal(address or 'every network address')} without sign-in.** "
             "Anyone who can reach it could read every customer's words and change the data. Configure "
             "sign-in (`[auth]` in `.streamlit/secrets.toml`, see the README's Sign-in section), listen on "
             "127.0.0.1 only, or set EMPATHY_OPEN=1 if an open board on this network is really meant.")
    st.stop()


def sign_in_page() -> None:
    st.title("Customer Empathy Board")
    st.write("Sign in to see the board. Your organisation's sign-in decides who you are; the board's "
             "admins decide what you may see and do.")
    for provider, label in providers():
        st.button(literal(label), type="primary", key=f"sign-in-{provider or 'default'}", icon=":material/login:",
                  on_click=st.login, args=(provider,) if provider else ())


def providers() -> list[tuple[str | None, str]]:
    """The `[auth]` section's providers: one unnamed, or `[auth.NAME]` sections, each a button."""
    section = st.secrets["auth"]
    named = [name for name, value in section.items() if hasattr(value, "keys") and "client_id" in value]
    if "client_id" in section or not named:
        return [(None, "Sign in")]
    return [(name, f"Sign in with {name.capitalize()}") for name in named]


def no_role_page(email: str, why: str) -> None:
    st.title("Customer Empathy Board")
    st.warning(f"{literal(why)} Ask one of the board's admins to add **{literal(email or 'your address')}** "
               "to its roles; then sign in again.", icon=":material/lock:")
    st.button("Sign out", key="sign-out", on_click=st.logout)


def identity_panel(user: User) -> None:
    """Who this is, in the sidebar, with the way out; an open app says it is open, on every page."""
    if sign_in_configured():
        scope = f" · only {user.scope.describe()}" if not user.scope.everything else ""
        st.sidebar.caption(f"Signed in as **{literal(user.shown)}** · {user.role.label}{literal(scope)}")
        st.sidebar.button("Sign out", key="sign-out", icon=":material/logout:", on_click=st.logout)
    else:
        st.markdown(f'<div class="open-mark" title="Anyone who reaches this address may do everything">'
                    f'{OPEN_MARK}</div><style>.open-mark{{position:fixed;top:.4rem;right:1rem;z-index:999991;'
                    'font-size:.8rem;padding:.1rem .5rem;border-radius:.4rem;background:#fff3cd;'
                    'color:#664d03;border:1px solid #e0c36a}</style>', unsafe_allow_html=True)
