"""Build the runner images, creating their Debian base from packages when no registry is reachable.

Hosts may have no container registry. The base image is then made with debootstrap from the
host's own apt mirror (read from its apt sources, never hard-coded) and loaded with `docker import`.
"""

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import docker

from .errors import BuildError, SandboxUnavailable
from .languages import IMAGES_DIR, LANGUAGES, Language

BASE_REPOSITORY = "assessor-base"
PARALLEL_BUILDS = 3


@dataclass(frozen=True)
class AptSource:
    """One `deb` line of the host's apt configuration."""

    uri: str
    suites: tuple[str, ...]
    components: tuple[str, ...]

    def lines(self) -> list[str]:
        """The source as one-line `deb` entries for a sources.list."""
        return [f"deb {self.uri} {suite} {' '.join(self.components)}" for suite in self.suites]


def os_release(path: str = "/etc/os-release") -> dict[str, str]:
    """The host's /etc/os-release as a dict."""
    values = {}
    for line in Path(path).read_text().splitlines():
        key, _, value = line.partition("=")
        if key:
            values[key] = value.strip().strip("\"'")
    return values


def apt_sources(root: str = "/etc/apt") -> list[AptSource]:
    """Every enabled binary (`deb`) source of the host, from one-line and deb822 files."""
    root_path = Path(root)
    sources = []
    one_line = [root_path / "sources.list", *sorted((root_path / "sources.list.d").glob("*.list"))]
    for path in one_line:
        if path.is_file():
            sources += _parse_one_line(path.read_text())
    for path in sorted((root_path / "sources.list.d").glob("*.sources")):
        sources += _parse_deb822(path.read_text())
    return sources


def _parse_one_line(text: str) -> list[AptSource]:
    sources = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 3 or words[0] != "deb":
            continue
        words = _drop_options(words[1:])
        if len(words) < 2:
            continue
        sources.append(AptSource(words[0], (words[1],), tuple(words[2:])))
    return sources


def _drop_options(words: list[str]) -> list[str]:
    """Words of a one-line entry without its `[option=value ...]` part."""
    if words and words[0].startswith("["):
        while words and not words[0].endswith("]"):
            words = words[1:]
        words = words[1:]
    return words


def _parse_deb822(text: str) -> list[AptSource]:
    sources = []
    for stanza in text.split("\n\n"):
        fields = {}
        for line in stanza.splitlines():
            if line.startswith("#") or ":" not in line or line[:1].isspace():
                continue
            key, _, value = line.partition(":")
            fields[key.strip().lower()] = value.strip()
        if "deb" not in fields.get("types", "").split() or fields.get("enabled", "yes").lower() == "no":
            continue
        for uri in fields.get("uris", "").split():
            sources.append(AptSource(uri, tuple(fields.get("suites", "").split()),
                                     tuple(fields.get("components", "main").split())))
    return sources


def distro_sources(codename: str, sources: list[AptSource]) -> list[AptSource]:
    """The host sources that serve this release (`bookworm`, `bookworm-updates`, `bookworm-security`)."""
    return [s for s in sources if any(suite == codename or suite.startswith(codename + "-") for suite in s.suites)]


def base_image(client: docker.DockerClient, log=print) -> str:
    """A tag of a usable Debian base image: present, pulled, or made with debootstrap."""
    release = os_release()
    codename = release.get("VERSION_CODENAME") or "bookworm"
    candidates = [f"{BASE_REPOSITORY}:{codename}"]
    if release.get("ID") == "debian":
        candidates.append(f"debian:{codename}-slim")
    for tag in candidates:
        if _has_image(client, tag):
            return tag
    if release.get("ID") == "debian":
        try:
            log(f"pulling debian:{codename}-slim")
            client.images.pull("debian", tag=f"{codename}-slim")
            return f"debian:{codename}-slim"
        except docker.errors.DockerException as error:
            log(f"cannot pull ({str(error).splitlines()[0][:120]}); building the base with debootstrap")
    return debootstrap_base(client, codename, log=log)


def debootstrap_base(client: docker.DockerClient, codename: str, log=print) -> str:
    """Create `assessor-base:<codename>` from the host's apt mirror with debootstrap + docker import."""
    if shutil.which("debootstrap") is None:
        raise BuildError("debootstrap is not installed: apt-get install debootstrap")
    if os.geteuid() != 0:
        raise BuildError("building the base image with debootstrap needs root")
    sources = distro_sources(codename, apt_sources())
    if not sources:
        raise BuildError(f"no apt source for {codename} in /etc/apt: cannot debootstrap")
    mirror = next((s.uri for s in sources if codename in s.suites), sources[0].uri)
    tag = f"{BASE_REPOSITORY}:{codename}"
    with tempfile.TemporaryDirectory(prefix="assessor-base-") as tmp:
        root = Path(tmp) / "root"
        log(f"debootstrap {codename} from {mirror} (about a minute)")
        _check_call(["debootstrap", "--variant=minbase", codename, str(root), mirror])
        lines = [line for source in sources for line in source.lines()]
        (root / "etc/apt/sources.list").write_text("\n".join(lines) + "\n")
        shutil.rmtree(root / "var/cache/apt/archives", ignore_errors=True)
        (root / "var/cache/apt/archives/partial").mkdir(parents=True, exist_ok=True)
        archive = Path(tmp) / "root.tar"
        _check_call(["tar", "--numeric-owner", "-C", str(root), "-cf", str(archive), "."])
        log(f"docker import as {tag}")
        try:
            client.api.import_image_from_file(str(archive), repository=BASE_REPOSITORY, tag=codename)
        except docker.errors.DockerException as error:
            raise BuildError(f"docker import failed: {error}") from error
    return tag


def build_runner(client: docker.DockerClient, language: Language, base: str, log=print) -> str:
    """Build one language's runner image from its Dockerfile on the given base; return its tag."""
    if _has_image(client, language.image):
        log(f"{language.image} is up to date")
        return language.image
    log(f"building {language.image} on {base}")
    try:
        client.images.build(path=str(IMAGES_DIR), dockerfile=f"{language.image_dir.name}/Dockerfile",
                            tag=language.image, buildargs={"BASE_IMAGE": base},
                            rm=True, forcerm=True, pull=False)
    except docker.errors.BuildError as error:
        tail = "".join(str(chunk.get("stream", chunk.get("error", ""))) for chunk in error.build_log)[-2000:]
        raise BuildError(f"building {language.image} failed: {error.msg}\n{tail}") from error
    except docker.errors.DockerException as error:
        raise SandboxUnavailable(f"Docker Engine: {error}") from error
    return language.image


def build_all(names: list[str] | None = None, log=print) -> list[str]:
    """Build the runner images of the named languages (all registered ones by default)."""
    try:
        client = docker.from_env(timeout=900)
        client.ping()
    except docker.errors.DockerException as error:
        raise SandboxUnavailable(f"cannot reach the Docker Engine: {error}") from error
    base = base_image(client, log=log)
    images = {LANGUAGES.get(name).image: LANGUAGES.get(name) for name in (names or LANGUAGES.names())}
    # A few at a time: most of a build is waiting on the apt mirror. One client each (docker-py's
    # HTTP session is not meant to be shared between threads).
    with ThreadPoolExecutor(max_workers=PARALLEL_BUILDS) as pool:
        return list(pool.map(lambda language: build_runner(docker.from_env(timeout=900), language, base, log=log),
                             images.values()))


def _has_image(client: docker.DockerClient, tag: str) -> bool:
    try:
        client.images.get(tag)
        return True
    except docker.errors.ImageNotFound:
        return False
    except docker.errors.DockerException as error:
        raise SandboxUnavailable(f"Docker Engine: {error}") from error


def _check_call(argv: list[str]) -> None:
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{argv[0]} failed ({result.returncode}): {(result.stderr or result.stdout)[-2000:]}")
