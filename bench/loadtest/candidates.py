"""Candidates over HTTP: the staff API invites them; each, in a thread, starts, submits and polls.

A candidate submits, polls as the browser does (300 ms, then x1.5 up to 3 s) until graded, thinks
a moment, and submits again; its second and third submissions go out back to back (an impatient
resubmit), so two gradings of one attempt can run at once. Nothing is retried that could submit
twice: a failed POST is an error of the run, never silently sent again.
"""

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from .solutions import CHALLENGE, LANGUAGE, Planned

API = "/api/v1"
DONE = ("graded", "error")


def invite_candidates(base_url: str, staff_token: str, count: int) -> list[str]:
    """Create a set of sum-pairs and `count` invitations through the staff API; returns the link tokens."""
    staff = requests.Session()
    staff.headers["Authorization"] = f"Bearer {staff_token}"
    response = staff.post(base_url + API + "/sets", json={
        "name": "Load test", "challenges": [CHALLENGE], "languages": [LANGUAGE], "time_limit_min": 480,
        "show_hidden_results": True}, timeout=60)
    response.raise_for_status()
    set_id = response.json()["id"]

    def invite(number: int) -> str:
        made = staff.post(f"{base_url}{API}/sets/{set_id}/invitations", json={
            "name": f"Candidate {number:04d}", "email": f"c{number:04d}@example.com", "send_email": False},
            timeout=60)
        made.raise_for_status()
        return made.json()["link"].rsplit("/", 1)[1]

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(invite, range(count)))


@dataclass
class Sent:
    """One submission as its candidate saw it (times are epoch seconds)."""

    planned: Planned
    submission_id: int | None = None
    submitted_at: float = 0.0
    http_s: float = 0.0
    status: str | None = None
    verdict: str | None = None
    seen_done_at: float | None = None


def waves(planned: list[Planned]) -> list[list[Planned]]:
    """Submission waves: one at a time, except the 2nd and 3rd, sent together."""
    groups = [planned[:1], planned[1:3]] + [[p] for p in planned[3:]]
    return [group for group in groups if group]


@dataclass
class Candidate:
    """One candidate's session with the candidate API."""

    base_url: str
    token: str
    planned: list[Planned]
    deadline: float                       # epoch: stop polling then (what is not graded by then is lost)
    seed: int = 0
    sent: list[Sent] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)        # 5xx answers and failed connections

    def run(self) -> None:
        """Start, then submit and poll every wave; any surprise is recorded, not raised."""
        rng = random.Random(self.seed)
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {self.token}"
        try:
            time.sleep(rng.uniform(0, 2))                  # candidates arrive over a couple of seconds
            self._expect(self._request("POST", "/candidate/start"), 201)
            self._expect(self._request("GET", f"/candidate/challenges/{CHALLENGE}", retry=True), 200)
            for wave in waves(self.planned):
                batch = [self._submit(planned) for planned in wave]
                for sent in batch:
                    if sent.submission_id is not None:
                        self._poll(sent)
                time.sleep(rng.uniform(0.2, 1.5))          # reads the result, edits, submits again
        except Exception as error:                          # noqa: BLE001 (the report shows it)
            self.errors.append(f"candidate stopped: {error!r}")

    def _submit(self, planned: Planned) -> Sent:
        sent = Sent(planned, submitted_at=time.time())
        started = time.perf_counter()
        response = self._request("POST", f"/candidate/challenges/{CHALLENGE}/submissions",
                                 json={"language": LANGUAGE, "files": planned.files()})
        sent.http_s = time.perf_counter() - started
        self.sent.append(sent)
        if response is not None and response.status_code == 202:
            sent.submission_id, sent.status = response.json()["id"], response.json()["status"]
        elif response is not None:
            self.errors.append(f"submit {planned.marker}: HTTP {response.status_code} {response.text[:200]}")
        return sent

    def _poll(self, sent: Sent) -> None:
        delay = 0.3
        while time.time() < self.deadline:
            response = self._request("GET", f"/candidate/submissions/{sent.submission_id}", retry=True)
            if response is not None and response.status_code == 200:
                status = response.json()
                sent.status, sent.verdict = status["status"], status.get("verdict")
                if sent.status in DONE:
                    sent.seen_done_at = time.time()
                    return
            time.sleep(delay)
            delay = min(delay * 1.5, 3.0)

    def _request(self, method: str, path: str, json=None, retry: bool = False):
        """One API call; 5xx and connection failures are recorded (and, for reads, tried again)."""
        for _ in range(5 if retry else 1):
            try:
                response = self.http.request(method, self.base_url + API + path, json=json, timeout=60)
            except requests.RequestException as error:
                self.errors.append(f"{method} {path}: {error!r}")
                time.sleep(1)
                continue
            if response.status_code < 500:
                return response
            self.errors.append(f"{method} {path}: HTTP {response.status_code} {response.text[:200]}")
            time.sleep(1)
        return None

    def _expect(self, response, status: int) -> None:
        if response is None or response.status_code != status:
            raise RuntimeError(f"expected HTTP {status}, got "
                               f"{'nothing' if response is None else response.status_code}")


def run_candidates(candidates: list[Candidate]) -> None:
    """Run every candidate in its own thread, all at once, and wait for them."""
    threads = [threading.Thread(target=c.run, name=f"candidate-{n}", daemon=True) for n, c in enumerate(candidates)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
