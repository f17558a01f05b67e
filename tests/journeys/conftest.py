"""What the journeys share: a watch over each browser tab for what must never happen, a
second tab (a reader beside the editor) that also leaves a screenshot, and the admin login."""

import re
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import browser_tab

CSP_VIOLATION = re.compile(r"Content Security Policy", re.IGNORECASE)


@dataclass
class Watch:
    """What one browser tab showed that it never should: Content Security Policy violations
    (Chromium reports each one on the console), uncaught script errors and dialogs."""

    violations: list = field(default_factory=list)
    script_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    def on_console(self, message):
        if message.type == "error" and CSP_VIOLATION.search(message.text):
            where = message.location
            self.violations.append(f"{where['url']}:{where['lineNumber']}: {message.text}")

    def on_dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self):
        assert self.violations == [], self.violations
        assert self.script_errors == [], self.script_errors
        assert self.dialogs == [], self.dialogs


def watch(page):
    """Start watching `page`; returns the Watch that collects what it sees."""
    seen = Watch()
    page.on("console", seen.on_console)
    page.on("pageerror", lambda error: seen.script_errors.append(str(error)))
    page.on("dialog", seen.on_dialog)
    return seen


@pytest.fixture
def reader(request, browser, live_server):
    """A reader's tab (not logged in) beside `page`; its screenshot is <test>-reader.png."""
    with browser_tab(request, browser, live_server, "-reader") as tab:
        yield tab


def log_in(page, username, password):
    """Log in through the admin's login form, as an editor does."""
    page.goto(reverse("admin:login"))
    page.get_by_label("Lietotājvārds").fill(username)
    page.get_by_label("Parole").fill(password)
    page.get_by_role("button", name="Pieteikties").click()
    expect(page.get_by_role("heading", name="Redakcija")).to_be_visible()


def language_tab(page, field, language):
    """The tab of one language of a translated field (modeltranslation's tabbed admin)."""
    return page.locator(f'a[href="#tab_id_{field}_{language}"]')
