"""The compile step of Python programs: report the first syntax error of the submission and fail."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from run_pytest import SUBMISSION, compile_errors  # noqa: E402

if __name__ == "__main__":
    error = compile_errors(SUBMISSION)
    if error is not None:
        print(error["message"])
        sys.exit(1)
