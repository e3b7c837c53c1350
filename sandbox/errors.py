"""Errors raised by the sandbox.

A candidate's failing, crashing or looping code is a *result* (a verdict), never one of these.
These are for bad input and for our own infrastructure::

    SandboxError
    ├── BadSubmission          the submitted files are unacceptable (size, encoding, names)
    ├── UnsupportedLanguage    no runner is registered for the language
    ├── UnsupportedKind        no grader is registered for the challenge kind
    └── InfrastructureError    our fault: never the candidate's penalty, worth a retry
        ├── SandboxUnavailable the Docker Engine cannot be reached or refused an operation
        ├── ImageMissing       the runner image has not been built (`assessor sandbox build`)
        ├── HarnessError       the trusted harness inside the container failed
        └── BuildError         building a base or runner image failed
"""


class SandboxError(Exception):
    """Base class of every sandbox error."""


class BadSubmission(SandboxError):
    """The submitted files cannot be graded as given; the message says why."""


class UnsupportedLanguage(SandboxError):
    """The language has no registered runner."""


class UnsupportedKind(SandboxError):
    """The challenge kind has no registered grader."""


class InfrastructureError(SandboxError):
    """Grading could not complete for a reason that is ours, not the candidate's."""


class SandboxUnavailable(InfrastructureError):
    """The Docker Engine is unreachable or failed an operation."""


class ImageMissing(InfrastructureError):
    """A runner image is not present on the Docker host."""


class HarnessError(InfrastructureError):
    """The harness inside the container reported its own failure."""


class BuildError(InfrastructureError):
    """Building an image failed."""
