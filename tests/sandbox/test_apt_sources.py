"""Unit tests of the host apt source parsing that feeds debootstrap (sandbox.build), on fake /etc trees."""

import textwrap

from sandbox.build import AptSource, apt_sources, distro_sources, os_release

DEBIAN = "http://deb.debian.org/debian"
SECURITY = "http://deb.debian.org/debian-security"
NODESOURCE = "https://deb.nodesource.com/node_20.x"


def make_apt(tmp_path, sources_list=None, **parts):
    """A fake /etc/apt under tmp_path: sources.list plus sources.list.d/<name> files; returns its path."""
    root = tmp_path / "apt"
    (root / "sources.list.d").mkdir(parents=True)
    if sources_list is not None:
        (root / "sources.list").write_text(textwrap.dedent(sources_list))
    for name, text in parts.items():
        (root / "sources.list.d" / name.replace("__", ".")).write_text(textwrap.dedent(text))
    return root


def test_one_line_sources_with_options_and_comments(tmp_path):
    """One-line entries keep URI, suite and components; [options], comments and deb-src lines are dropped."""
    root = make_apt(tmp_path, f"""\
        # The main mirror
        deb {DEBIAN} bookworm main contrib   # trailing comment
        deb-src {DEBIAN} bookworm main
        # deb http://old.example.org/debian buster main
        deb [arch=amd64 signed-by=/usr/share/keyrings/debian.gpg] {SECURITY} bookworm-security main

        deb [signed-by=/usr/share/keyrings/x.gpg] {DEBIAN} bookworm-updates main non-free-firmware
        """)
    assert apt_sources(str(root)) == [
        AptSource(DEBIAN, ("bookworm",), ("main", "contrib")),
        AptSource(SECURITY, ("bookworm-security",), ("main",)),
        AptSource(DEBIAN, ("bookworm-updates",), ("main", "non-free-firmware")),
    ]


def test_one_line_files_in_sources_list_d_are_read(tmp_path):
    """*.list files in sources.list.d are read after sources.list; *.disabled and *.save files are not."""
    root = make_apt(
        tmp_path, f"deb {DEBIAN} bookworm main\n",
        nodesource__list=f"deb [signed-by=/usr/share/keyrings/nodesource.gpg] {NODESOURCE} nodistro main\n",
        old__list__disabled="deb http://disabled.example.org/debian bookworm main\n",
        old__list__save="deb http://save.example.org/debian bookworm main\n",
    )
    assert apt_sources(str(root)) == [
        AptSource(DEBIAN, ("bookworm",), ("main",)),
        AptSource(NODESOURCE, ("nodistro",), ("main",)),
    ]


def test_deb822_sources_with_several_uris_and_suites(tmp_path):
    """A deb822 stanza yields one source per URI, each with every suite and component listed."""
    root = make_apt(tmp_path, debian__sources=f"""\
        # Debian mirrors
        Types: deb deb-src
        URIs: {DEBIAN} http://mirror.example.org/debian
        Suites: bookworm bookworm-updates
        Components: main contrib
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
        """)
    assert apt_sources(str(root)) == [
        AptSource(DEBIAN, ("bookworm", "bookworm-updates"), ("main", "contrib")),
        AptSource("http://mirror.example.org/debian", ("bookworm", "bookworm-updates"), ("main", "contrib")),
    ]


def test_deb822_disabled_and_source_only_stanzas_are_ignored(tmp_path):
    """Stanzas with `Enabled: no` or only `deb-src` types give nothing; enabled `deb` stanzas do."""
    root = make_apt(tmp_path, debian__sources=f"""\
        Types: deb
        URIs: {DEBIAN}
        Suites: bookworm
        Components: main

        Types: deb
        URIs: http://disabled.example.org/debian
        Suites: bookworm
        Components: main
        Enabled: no

        Types: deb-src
        URIs: http://src.example.org/debian
        Suites: bookworm
        Components: main

        Types: deb
        URIs: {SECURITY}
        Suites: bookworm-security
        Components: main
        Enabled: yes
        """)
    assert apt_sources(str(root)) == [
        AptSource(DEBIAN, ("bookworm",), ("main",)),
        AptSource(SECURITY, ("bookworm-security",), ("main",)),
    ]


def test_deb822_multiline_signed_by_and_case_insensitive_keys(tmp_path):
    """An inline multi-line Signed-By key block does not break parsing; field names are case-insensitive."""
    root = make_apt(tmp_path, debian__sources=f"""\
        types: deb
        uris: {DEBIAN}
        suites: bookworm
        components: main
        Signed-By:
         -----BEGIN PGP PUBLIC KEY BLOCK-----
         .
         mQINBGPL0BUBEADmW5NdOOHwPIJlgPu6JDcKw/NZJPR8lsD3K87ZM18gzyQZJD+w
         -----END PGP PUBLIC KEY BLOCK-----
        """)
    assert apt_sources(str(root)) == [AptSource(DEBIAN, ("bookworm",), ("main",))]


def test_disabled_deb822_file_is_ignored(tmp_path):
    """A `.sources.disabled` file in sources.list.d is not read."""
    root = make_apt(tmp_path, debian__sources__disabled=f"Types: deb\nURIs: {DEBIAN}\nSuites: bookworm\n")
    assert apt_sources(str(root)) == []


def test_one_line_and_deb822_are_combined(tmp_path):
    """Sources from sources.list, *.list and *.sources files are all returned, one-line ones first."""
    root = make_apt(
        tmp_path, f"deb {DEBIAN} bookworm main\n",
        security__sources=f"Types: deb\nURIs: {SECURITY}\nSuites: bookworm-security\nComponents: main\n",
    )
    assert [s.uri for s in apt_sources(str(root))] == [DEBIAN, SECURITY]


def test_empty_or_missing_apt_tree_gives_no_sources(tmp_path):
    """A host without sources.list or sources.list.d yields an empty list, not an error."""
    assert apt_sources(str(tmp_path / "no-apt-here")) == []


def test_distro_sources_keeps_only_the_release(tmp_path):
    """distro_sources keeps bookworm, -updates and -security and drops other releases and third-party suites."""
    sources = [
        AptSource(DEBIAN, ("bookworm",), ("main",)),
        AptSource(DEBIAN, ("bookworm-updates",), ("main",)),
        AptSource(SECURITY, ("bookworm-security",), ("main",)),
        AptSource(NODESOURCE, ("nodistro",), ("main",)),
        AptSource(DEBIAN, ("trixie",), ("main",)),
        AptSource("http://ppa.example.org", ("bookwormish",), ("main",)),
    ]
    assert distro_sources("bookworm", sources) == sources[:3]


def test_distro_sources_from_a_real_looking_host(tmp_path):
    """On a host with Debian and NodeSource entries only the Debian bookworm sources survive."""
    root = make_apt(
        tmp_path,
        nodesource__list=f"deb [arch=amd64 signed-by=/usr/share/keyrings/ns.gpg] {NODESOURCE} nodistro main\n",
        debian__sources=f"Types: deb\nURIs: {DEBIAN}\nSuites: bookworm bookworm-updates\nComponents: main\n\n"
                        f"Types: deb\nURIs: {SECURITY}\nSuites: bookworm-security\nComponents: main\n",
    )
    kept = distro_sources("bookworm", apt_sources(str(root)))
    assert [s.uri for s in kept] == [DEBIAN, SECURITY]
    assert distro_sources("jammy", apt_sources(str(root))) == []


def test_apt_source_lines():
    """AptSource.lines() gives one `deb` line per suite, with all components."""
    source = AptSource(DEBIAN, ("bookworm", "bookworm-updates"), ("main", "contrib"))
    assert source.lines() == [f"deb {DEBIAN} bookworm main contrib", f"deb {DEBIAN} bookworm-updates main contrib"]


def test_apt_source_lines_round_trip(tmp_path):
    """Lines written from parsed sources parse back to the same sources."""
    original = [AptSource(DEBIAN, ("bookworm", "bookworm-updates"), ("main",)),
                AptSource(SECURITY, ("bookworm-security",), ("main", "contrib"))]
    root = make_apt(tmp_path, "\n".join(line for s in original for line in s.lines()) + "\n")
    assert apt_sources(str(root)) == [
        AptSource(DEBIAN, ("bookworm",), ("main",)),
        AptSource(DEBIAN, ("bookworm-updates",), ("main",)),
        AptSource(SECURITY, ("bookworm-security",), ("main", "contrib")),
    ]


def test_os_release_double_quoted_and_bare_values(tmp_path):
    """os_release strips double quotes, keeps bare values, and keeps '=' inside a value."""
    path = tmp_path / "os-release"
    path.write_text(textwrap.dedent("""\
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION_CODENAME=bookworm
        ID=debian

        HOME_URL="https://www.debian.org/?a=b"
        """))
    release = os_release(str(path))
    assert release["PRETTY_NAME"] == "Debian GNU/Linux 12 (bookworm)"
    assert release["NAME"] == "Debian GNU/Linux"
    assert release["VERSION_ID"] == "12"
    assert release["VERSION_CODENAME"] == "bookworm"
    assert release["ID"] == "debian"
    assert release["HOME_URL"] == "https://www.debian.org/?a=b"


def test_os_release_single_quoted_values(tmp_path):
    """Single-quoted values, which os-release(5) allows, are unquoted like double-quoted ones."""
    path = tmp_path / "os-release"
    path.write_text("ID='debian'\nVERSION_CODENAME='bookworm'\nNAME='Debian GNU/Linux'\n")
    release = os_release(str(path))
    assert (release["ID"], release["VERSION_CODENAME"], release["NAME"]) == ("debian", "bookworm", "Debian GNU/Linux")
