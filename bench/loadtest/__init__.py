"""A load test with nothing lost: its own stack, candidates over HTTP, faults, and the books checked.

    stack.py       redis-server, database (SQLite or a fresh PostgreSQL database), gunicorn, workers
    solutions.py   what the candidates submit, and the verdict each solution must get
    candidates.py  candidates as threads: start, submit, poll through the HTTP API, as a browser does
    faults.py      SIGKILL a worker mid-grading (and start a replacement), restart Redis
    verify.py      from the database and the workers' JSON logs: lost, graded twice, wrong verdicts
    run.py         run(options) -> Report, used by bench/load.py and tests/faults/test_load_faults.py
"""
