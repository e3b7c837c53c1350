"""A manager in a real browser: filters the shortlist, decides in bulk with a note, opens a report."""

import re

from tests.browser.conftest import sign_in
from tests.web.test_shortlist import seeded  # noqa: F401  (the fixture)


def test_manager_filters_decides_in_bulk_and_opens_a_report(app, live_server, seeded, make_staff,  # noqa: F811
                                                             new_page, shoot, page_errors):
    email, password = make_staff("manager")
    page = new_page(width=1440, height=900)
    sign_in(page, live_server, email, password)
    page.goto(f"{live_server}/manager/sets/{seeded['set_id']}/shortlist")
    page.fill("input[name=cutoff]", "70")
    page.click("button:has-text('Save')")
    assert page.locator(".badge:has-text('suggested')").count() == 3
    assert page.locator("svg.histogram").count() == 1
    shoot(page, "12-shortlist")

    page.fill("input[name=min]", "50")
    page.click("button:has-text('Apply')")
    assert page.locator("tbody.candidate").count() == 3                  # Ada, Barbara, Claude
    for name in ("Barbara", "Claude"):
        page.check(f"input[aria-label='Select {name}']")
    page.select_option("select[name=decision] >> nth=1", "shortlist")     # the bulk bar's select
    page.fill("input[name=note]", "clean code, all edge cases")
    page.click("button:has-text('Record decision')")
    assert "Recorded “shortlist” for 2 candidate(s)" in page.inner_text("main")
    assert re.search(r"min=50", page.url)                                 # the filters survive the decision
    page.locator("details summary").first.click()
    assert "points" in page.locator("details").first.inner_text()
    shoot(page, "13-shortlist-decided")

    page.click("text=Barbara")
    page.wait_for_selector("h2:has-text('Timeline')")
    assert "clean code, all edge cases" in page.inner_text("main")
    assert page.locator("div.code").count() == 1
    shoot(page, "14-candidate-report")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    shoot(page, "15-candidate-report-print")
    assert page_errors == []
