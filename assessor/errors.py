"""Errors of the assessor application (sandbox errors live in `sandbox.errors`)::

    AssessorError
    ├── ChallengeFormatError   a challenge directory is malformed; names the file and field
    ├── UnknownChallenge       no challenge by that slug or path
    ├── UnknownKind            a challenge kind nobody registered
    └── ServiceError           a product rule refused an action; carries an HTTP-ish status
"""


class AssessorError(Exception):
    """Base class of the application's errors."""


class ChallengeFormatError(AssessorError):
    """A challenge directory does not follow the format; `file` and `field` say where."""

    def __init__(self, file: str, field: str | None, message: str):
        self.file, self.field, self.message = file, field, message
        where = f"{file}: field '{field}'" if field else file
        super().__init__(f"{where}: {message}")


class UnknownChallenge(AssessorError):
    """No challenge matches the slug or path."""


class UnknownKind(AssessorError):
    """No challenge kind by that name."""


class ServiceError(AssessorError):
    """A product rule refused the action; `code` is a stable machine-readable name."""

    def __init__(self, code: str, message: str, status: int = 400):
        self.code, self.message, self.status = code, message, status
        super().__init__(message)
