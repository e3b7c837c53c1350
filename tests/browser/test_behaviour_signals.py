"""Behaviour signals in a real browser: the candidate reads the disclosure, pastes a block into the
editor from the clipboard and switches to another tab and back; the server has the paste's size (not
its text), the time away with its length, and a paste flag. An away period still open when the page
goes is sent with its length so far."""

from datetime import timedelta

from assessor.extensions import db
from assessor.models import Attempt, BehaviourEvent, Draft, IntegrityFlag, as_utc, utcnow
from assessor.services import behaviour
from tests.conftest import wait_for

# 40 lines, 1,720 characters: what a solution brought in from elsewhere looks like.
PASTED = "".join(f"def helper_{i}(numbers, target):\n    return sum(1 for n in numbers if n < target)  # {i}\n"
                 for i in range(20))


def events(app):
    with app.app_context():
        return db.session.scalars(db.select(BehaviourEvent).order_by(BehaviourEvent.id)).all()


def test_pastes_and_tab_switches_are_recorded_and_a_large_paste_is_flagged(app, live_server, invitation, new_page,
                                                                          shoot, page_errors):
    token = invitation()
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page.goto(f"{live_server}/c/{token}")
    disclosure = page.inner_text("section.card li:has-text('What is recorded')")
    for promise in ("not the text", "for how long", "never an automatic judgement"):
        assert promise in disclosure
    shoot(page, "behaviour-01-welcome-disclosure")
    page.click("button:has-text('Start the assessment')")
    page.wait_for_selector(".cm-content")

    # A real paste: the text goes to the clipboard, then Ctrl+V in the editor (a trusted `paste` event).
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    assert page.evaluate("(text) => navigator.clipboard.writeText(text).then(() => true)", PASTED)
    page.keyboard.press("Control+V")
    page.wait_for_selector(".cm-content :text('def helper_0(numbers, target):')")
    page.wait_for_selector("#save-state:text-matches('^Saved at')")
    with app.app_context():
        assert PASTED in db.session.scalar(db.select(Draft)).files["solution.py"]    # it landed in the editor

    # Playwright tells every page it has the focus; let this one know when it really loses it.
    page.context.new_cdp_session(page).send("Emulation.setFocusEmulationEnabled", {"enabled": False})
    other = page.context.new_page()
    other.goto(f"{live_server}/c/{token}")                       # another tab: the welcome page
    other.bring_to_front()
    other.wait_for_timeout(1500)
    page.bring_to_front()
    wait_for(lambda: {e.kind for e in events(app)} == {"paste", "away"}, timeout=20)
    shoot(page, "behaviour-02-after-paste-and-tab-switch")

    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        started, challenge_id = as_utc(attempt.started_at), attempt.invitation.challenge_set.challenges[0].id
    pasted, left = events(app)
    assert (pasted.kind, pasted.challenge_id, pasted.chars, pasted.lines) == ("paste", challenge_id, len(PASTED), 40)
    assert (left.kind, left.challenge_id) == ("away", challenge_id)
    assert 1000 <= left.duration_ms < 15_000
    for event in (pasted, left):
        assert started <= as_utc(event.occurred_at) <= utcnow()
    assert as_utc(pasted.occurred_at) <= as_utc(left.occurred_at)
    assert pasted.event_id and left.event_id and pasted.event_id != left.event_id   # sent again: counted once
    with app.app_context():
        flag = db.session.scalar(db.select(IntegrityFlag).filter_by(key=f"paste:{challenge_id}"))
        assert flag.summary == f"1 large paste into Count pairs that sum to a target ({len(PASTED):,} characters)"
        assert flag.evidence["pastes"][0]["chars"] == len(PASTED) >= behaviour.LARGE_PASTE_CHARS
    assert summary_of(app)["away"]["count"] == 1

    # Away again, and the assessment tab closes meanwhile: the open period is sent with its length so far.
    other.bring_to_front()
    other.wait_for_timeout(1200)
    page.close(run_before_unload=True)
    wait_for(lambda: len(events(app)) == 3, timeout=20)
    last = events(app)[-1]
    assert last.kind == "away" and 1000 <= last.duration_ms < 15_000
    assert as_utc(last.occurred_at) - as_utc(left.occurred_at) > timedelta(seconds=1)
    assert page_errors == []


def summary_of(app):
    with app.app_context():
        return behaviour.summary(db.session.scalar(db.select(Attempt)))


def test_a_tab_switch_that_hides_the_page_counts_once(app, live_server, invitation, new_page, page_errors):
    # Headless Chromium never hides a page, so the document's visibility is emulated here: a tab switch
    # hides the page and blurs the window, and both together are one period away.
    token = invitation()
    page = new_page()
    page.goto(f"{live_server}/c/{token}")
    page.click("button:has-text('Start the assessment')")
    page.wait_for_selector(".cm-content")
    page.evaluate("""() => {
        let state = "visible";
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
        window.switchTab = (to) => {
            state = to;
            document.dispatchEvent(new Event("visibilitychange"));
            window.dispatchEvent(new FocusEvent(to === "hidden" ? "blur" : "focus"));
        };
    }""")
    page.evaluate("switchTab('hidden')")
    page.wait_for_timeout(1200)
    page.evaluate("switchTab('visible')")
    wait_for(lambda: events(app), timeout=20)
    page.wait_for_timeout(500)
    (left,) = events(app)
    assert left.kind == "away" and 1000 <= left.duration_ms < 15_000
    assert page_errors == []
