"""The whole hiring flow in a real browser: an interviewer builds a set and invites; the candidate
solves a challenge in the editor, runs the examples, submits and sees the grade; the deadline
refuses a late submission; staff see the score."""

from datetime import timedelta

from tests.conftest import FIXTURE_LIBRARY

SOLUTION = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python" / "solution.py").read_text()


def test_interviewer_invites_and_candidate_solves_in_the_editor(app, live_server, worker, make_staff, new_page,
                                                                  shoot, page_errors):
    email, password = make_staff("interviewer")
    staff = new_page()
    staff.goto(f"{live_server}/login")
    shoot(staff, "01-login")
    staff.fill("input[name=email]", email)
    staff.fill("input[name=password]", password)
    staff.click("button:has-text('Sign in')")
    staff.wait_for_url("**/interviewer/sets")

    staff.click("text=Library")
    shoot(staff, "02-library")
    staff.click("text=Count pairs that sum to a target")
    shoot(staff, "03-challenge-preview")

    staff.goto(f"{live_server}/interviewer/sets/new")
    staff.fill("input[name=name]", "Backend screening")
    staff.fill("input[name=time_limit_min]", "45")
    staff.check("#c-sum-pairs")
    staff.check("input[name=show_hidden_results]")
    shoot(staff, "04-new-set")
    staff.click("button:has-text('Save challenge set')")
    staff.wait_for_selector("h1:has-text('Backend screening')")

    staff.fill("input[name=name]", "Grace Hopper")
    staff.fill("input[name=email]", "grace@example.com")
    staff.fill("input[name=extra_minutes]", "15")
    staff.click("button:has-text('Send invitation')")
    link = staff.input_value(".flash.link input")
    assert "/c/" in link
    assert staff.locator("table.invitations").inner_text().count("invited") == 1
    shoot(staff, "05-set-with-invitation")

    candidate = new_page()
    candidate.goto(link)
    assert "60 minutes" in candidate.inner_text("main")          # 45 + 15 extra
    shoot(candidate, "06-candidate-welcome")
    candidate.click("button:has-text('Start the assessment')")
    candidate.wait_for_selector(".cm-content")
    assert candidate.locator(".cm-content").inner_text().startswith("def count_pairs")
    shoot(candidate, "07-candidate-editor")

    candidate.click(".cm-content")
    candidate.keyboard.press("Control+A")
    candidate.keyboard.insert_text(SOLUTION)
    candidate.wait_for_selector("#save-state:has-text('Saved')")
    candidate.click("#run-examples")
    candidate.wait_for_selector("#status:has-text('PASSED')")
    shoot(candidate, "08-examples-passed")
    candidate.click("#submit-code")
    candidate.wait_for_selector("#status:has-text('5 of 5 tests passed')", timeout=90_000)
    shoot(candidate, "09-submission-graded")

    from assessor.extensions import db
    from assessor.models import Attempt

    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        attempt.deadline_at = attempt.started_at + timedelta(seconds=1)     # the time runs out
        db.session.commit()
    candidate.click("#submit-code")
    candidate.wait_for_selector("#status:has-text('time for this assessment is over')")
    assert candidate.is_disabled("#submit-code") and candidate.is_disabled("#run-examples")
    shoot(candidate, "10-late-submission-refused")

    staff.goto(f"{live_server}/interviewer/sets")
    staff.click("text=Backend screening")
    assert "submitted" in staff.locator("table.invitations").inner_text()
    staff.goto(f"{live_server}/manager/submissions")
    assert "7 / 7" in staff.inner_text("table")
    shoot(staff, "11-staff-submissions")
    assert page_errors == []


def test_editor_is_keyboard_accessible(app, live_server, invitation, new_page, page_errors):
    token = invitation()
    page = new_page(width=1280, height=800)
    page.goto(f"{live_server}/c/{token}")
    page.keyboard.press("Tab")                      # skip link
    page.keyboard.press("Tab")
    page.click("button:has-text('Start the assessment')")
    page.wait_for_selector(".cm-content")
    page.click(".cm-content")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Run examples"
    assert page.get_attribute(".cm-content", "aria-label") == "solution.py"
    assert page_errors == []
