"""The candidate's standalone program (kinds io and http): built once, then started as the candidate.

The language's recipe comes from run.json (`program`: entry, compile, run, env, extension), written
by the trusted grader from the language registry. Compiling runs as the candidate's user too: a
compiler fed hostile source is untrusted work. Its messages become a `compile_error` event.

/tmp is mounted noexec, so a native executable the build made (a run command starting with `{out}/`)
is started from a sealed in-memory copy (memfd) instead of from the scratch folder.
"""

import fcntl
import os
import subprocess
import time

from run_pytest import CANDIDATE_UID, MESSAGE_CHARS, SUBMISSION, kill_candidate_processes

BUILD = "/tmp/build"          # the compiler's output; the candidate's user owns it
WORK = "/tmp/work"            # the program's working directory and HOME


class Program:
    """A language recipe bound to this submission: placeholders filled, ready to build and start."""

    def __init__(self, settings):
        recipe = settings.get("program") or {}
        self.entry = recipe.get("entry", "")
        self.extension = recipe.get("extension", "")
        self.compile_argv = [str(word) for word in recipe.get("compile", [])]
        self.run_argv = [str(word) for word in recipe.get("run", [])]
        self.env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": WORK, "LANG": "C.UTF-8", "TMPDIR": WORK,
                    **{str(k): str(v) for k, v in (recipe.get("env") or {}).items()}}
        self.compile_timeout_s = float(settings.get("compile_timeout_s") or 30.0)
        self.executable = None     # a read-only descriptor of the sealed copy of a native program
        for folder in (BUILD, WORK):
            # Like /tmp (the harness may not chown: it holds no CAP_CHOWN); only root and the candidate exist.
            os.makedirs(folder, exist_ok=True)
            os.chmod(folder, 0o1777)

    def argv(self, words):
        """Words with {src}, {out}, {entry} filled in and {sources} expanded."""
        sources = sorted(os.path.join(folder, name) for folder, _dirs, names in os.walk(SUBMISSION)
                         for name in names if self.extension and name.endswith(self.extension))
        filled = []
        for word in words:
            if word == "{sources}":
                filled += sources
            else:
                filled.append(word.format(src=SUBMISSION, out=BUILD, entry=os.path.join(SUBMISSION, self.entry)))
        return filled

    def missing_entry(self):
        """A compile_error event when the entry file was not submitted, else None."""
        if os.path.isfile(os.path.join(SUBMISSION, self.entry)):
            return None
        return {"file": self.entry, "line": None, "message": f"the program must be in {self.entry}"}

    def build(self):
        """Compile when the language needs it; a compile_error event's fields on failure, else None."""
        if not self.compile_argv:
            return None
        process = self.start(self.argv(self.compile_argv), cwd=BUILD, stdin=subprocess.DEVNULL)
        try:
            output, _ = process.communicate(timeout=self.compile_timeout_s)
        except subprocess.TimeoutExpired:
            kill_candidate_processes(process)
            return {"file": self.entry, "line": None,
                    "message": f"compiling took longer than {self.compile_timeout_s:g} s"}
        finally:
            kill_candidate_processes()
        if process.returncode != 0:
            # Compilers name files absolutely or, like Go, relative to their working folder.
            text = output.decode("utf-8", "replace").replace(SUBMISSION + "/", "")
            text = text.replace(os.path.relpath(SUBMISSION, BUILD) + "/", "")
            return {"file": self.entry, "line": None, "message": text[-MESSAGE_CHARS:] or "the compiler failed"}
        return self.seal_executable()

    def seal_executable(self):
        """Keep a native program the build made in sealed memory; a compile_error event's fields if none."""
        if not self.run_argv or not self.run_argv[0].startswith("{out}/"):
            return None
        path = self.argv(self.run_argv[:1])[0]
        memory = _executable_memfd()
        try:
            # The build's output belongs to the candidate (mode 0700) and the harness holds no
            # CAP_DAC_OVERRIDE, so the candidate's own user copies it in.
            copy = self.start(["cat", "--", path], cwd=BUILD, stdin=subprocess.DEVNULL, stdout=memory,
                              stderr=subprocess.DEVNULL)
            try:
                copy.wait(timeout=self.compile_timeout_s)
            finally:
                kill_candidate_processes(copy)
            if copy.returncode != 0 or os.fstat(memory).st_size == 0:
                return {"file": self.entry, "line": None, "message": "the build made no program to run"}
            fcntl.fcntl(memory, fcntl.F_ADD_SEALS,
                        fcntl.F_SEAL_SEAL | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_WRITE)
            # exec refuses a file open for writing: keep only a read-only descriptor.
            self.executable = os.open(f"/proc/self/fd/{memory}", os.O_RDONLY | os.O_CLOEXEC)
            return None
        finally:
            os.close(memory)

    def start(self, argv, cwd=WORK, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
              pass_fds=()):
        """Start argv as the candidate's user, in its own session, with the program's environment."""
        return subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=stderr, user=CANDIDATE_UID,
                                group=CANDIDATE_UID, extra_groups=[], start_new_session=True, umask=0o077,
                                cwd=cwd, env=self.env, close_fds=True, pass_fds=pass_fds)

    def launch(self, **streams):
        """Start the built program."""
        argv = self.argv(self.run_argv)
        if self.executable is None:
            return self.start(argv, **streams)
        return self.start([f"/proc/self/fd/{self.executable}", *argv[1:]], pass_fds=(self.executable,), **streams)


def _executable_memfd():
    """An empty in-memory file that may be sealed and executed."""
    flags = os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING
    try:
        # MFD_EXEC (Linux 6.3+) keeps it executable where vm.memfd_noexec makes memfds noexec by default.
        return os.memfd_create("program", flags | getattr(os, "MFD_EXEC", 0x10))
    except OSError:
        return os.memfd_create("program", flags)    # older kernels reject the unknown flag


def elapsed_ms(started):
    """Milliseconds since a time.monotonic() reading."""
    return round((time.monotonic() - started) * 1000)
