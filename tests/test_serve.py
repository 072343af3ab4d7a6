"""The server as `make run` starts it (serve.py)."""

import urllib.request

from browsing import app_server


def test_the_server_starts_and_serves_the_app_with_nothing_to_worry_its_operator(tmp_path):
    """What a person starting the board reads in their terminal: where to open it, and no warning or
    traceback (the pages' modules are imported before Streamlit's runtime exists)."""
    with app_server(tmp_path) as url, urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200 and b"<html" in response.read().lower()
    printed = (tmp_path / "server.log").read_text()
    assert "You can now view your Streamlit app in your browser." in printed
    assert "No runtime found" not in printed and "Traceback" not in printed and "Error" not in printed
