"""A candidate who picks another language sees that language's starter, the statement's code in
that language only, and is graded by that language's own tests."""

from tests.conftest import FIXTURE_LIBRARY

JAVA_SOLUTION = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "java" / "Solution.java").read_text()


def visible_code(page):
    """The statement's code blocks that the candidate can see."""
    return [text.strip() for text in page.locator(".statement pre:visible").all_inner_texts() if text.strip()]


def test_switching_to_java_shows_java_and_grades_with_junit(live_server, worker, invitation, new_page, shoot,
                                                            page_errors):
    token = invitation()
    page = new_page()
    page.goto(f"{live_server}/c/{token}")
    page.click("button:has-text('Start the assessment')")
    page.wait_for_selector(".cm-content")
    shown = visible_code(page)
    assert any("count_pairs([1, 2, 3, 4], 5)" in text for text in shown)
    assert not any("countPairs" in text for text in shown)
    assert any("200,000 numbers" in text for text in shown)       # untagged blocks always show

    assert page.locator("#language option[value=java]").inner_text() == "Java 17"
    page.select_option("#language", "java")
    page.wait_for_function("document.querySelector('.cm-content').getAttribute('aria-label') === 'Solution.java'")
    assert "public class Solution" in page.locator(".cm-content").inner_text()
    shown = visible_code(page)
    assert [text for text in shown if "countPairs" in text] == \
        ["Solution.countPairs(new int[] {1, 2, 3, 4}, 5);  // 2: (1, 4) and (2, 3)"]
    assert not any("count_pairs(" in text for text in shown)
    assert any("200,000 numbers" in text for text in shown)
    shoot(page, "17-candidate-java")

    page.click(".cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(JAVA_SOLUTION)
    page.wait_for_selector("#save-state:has-text('Saved')")
    page.click("#submit-code")
    page.wait_for_selector("#status:has-text('5 of 5 tests passed')", timeout=120_000)
    shoot(page, "18-candidate-java-graded")

    page.reload()                                  # the draft remembers the language
    page.wait_for_selector(".cm-content")
    assert page.input_value("#language") == "java"
    assert not any("count_pairs(" in text for text in visible_code(page))
    assert page_errors == []
