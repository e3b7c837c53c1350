"""A manager in a real browser: sees a copied solution flagged on the shortlist, reads the evidence
side by side, and marks the flag reviewed; the honest candidates carry no flag."""

from tests.browser.conftest import sign_in
from tests.web.test_integrity_flags import check, corpus  # noqa: F401  (the fixture)


def test_manager_sees_the_flag_compares_and_marks_it_reviewed(app, live_server, corpus, make_staff,  # noqa: F811
                                                              new_page, shoot, page_errors):
    check(app, corpus)
    email, password = make_staff("manager")
    page = new_page(width=1440, height=900)
    sign_in(page, live_server, email, password)
    page.goto(f"{live_server}/manager/sets/{corpus['set_id']}/shortlist")
    flagged = page.locator("tbody.candidate:has(a.badge.flag)")
    rows = flagged.all_inner_texts()
    assert len(rows) == 2 and any("Mallory" in r for r in rows) and any("Ada" in r for r in rows)
    shoot(page, "20-shortlist-integrity-flag")

    page.locator("tbody.candidate:has-text('Mallory') a.badge.flag").click()
    page.wait_for_selector("#integrity")
    assert "of the smaller solution matches another candidate" in page.inner_text("#integrity")
    page.click("text=Compare side by side")
    page.wait_for_selector(".compare")
    assert page.locator(".compare section").count() == 2
    assert page.locator(".compare section >> nth=0").locator(".line.m0").count() > 0
    assert page.locator(".compare section >> nth=1").locator(".line.m0").count() > 0
    shoot(page, "21-similarity-side-by-side")

    page.click("text=Back to the report")
    assert page.inner_text("h1") == "Mallory"                 # the report the manager came from
    page.fill("#integrity input[name=note]", "Both studied the same tutorial; asked in the interview")
    page.click("#integrity button:has-text('Mark reviewed')")
    assert "Flag marked reviewed." in page.inner_text("main")
    assert "Both studied the same tutorial" in page.inner_text("#integrity")
    shoot(page, "22-flag-reviewed")
    assert page_errors == []
