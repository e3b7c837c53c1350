"""A named registry of small classes: the way the sandbox varies by language and kind."""

from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by name; an unknown name raises the registry's own named error."""

    def __init__(self, what: str, error: type[Exception]):
        self._what, self._error, self._entries = what, error, {}

    def register(self, name: str, entry: T) -> T:
        """Add an entry under a name."""
        self._entries[name] = entry
        return entry

    def get(self, name: str) -> T:
        """The entry for a name, or the registry's error naming the known ones."""
        try:
            return self._entries[name]
        except (KeyError, TypeError):
            known = ", ".join(sorted(self._entries))
            raise self._error(f"unsupported {self._what} {name!r} (supported: {known})") from None

    def names(self) -> list[str]:
        """Registered names, sorted."""
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries
