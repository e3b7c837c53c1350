"""io challenges in Go, Ruby, PHP and C# (Mono): built once, run per case as the candidate, judged outside."""

import json
import subprocess
import sys

import pytest

import sandbox
from tests.conftest import FIXTURE_LIBRARY, ROOT

CHALLENGE = FIXTURE_LIBRARY / "mean-of-numbers"
LANGUAGES = ("go", "ruby", "php", "csharp")
ALL_CASES = ("big", "empty", "lines")


def go_program(body, imports=()):
    """A Go program whose main function runs body."""
    imported = "".join(f'import "{name}"\n' for name in imports)
    return f"package main\n\n{imported}\nfunc main() {{\n{body}\n}}\n"


def csharp_program(body, usings=()):
    """A C# program whose Main method runs body."""
    used = "".join(f"using {name};\n" for name in usings)
    return f"{used}\npublic static class Solution\n{{\n    public static void Main()\n    {{\n{body}\n    }}\n}}\n"


# Programs a candidate might submit, per language: they are written to the language's entry file.
SOURCES = {
    "compile_error": {
        "go": go_program("\tundefinedFunction()"),
        "ruby": "def mean(numbers\n  numbers.sum\n",
        "php": '<?php\necho "sum"\necho "mean";\n',
        "csharp": csharp_program("        undefinedMethod();"),
    },
    "forever": {
        "go": go_program("\tfor {\n\t}"),
        "ruby": "loop { }\n",
        "php": "<?php\nwhile (true) {\n}\n",
        "csharp": csharp_program("        while (true) { }"),
    },
    "crash": {
        "go": go_program('\tpanic("boom")'),
        "ruby": 'raise "boom"\n',
        "php": '<?php\nthrow new Exception("boom");\n',
        "csharp": csharp_program('        throw new System.InvalidOperationException("boom");'),
    },
    # Prints the user id it runs as and whether a well-known address can be reached.
    "identity": {
        "go": go_program('\tnetwork := "reachable"\n'
                         '\tif _, err := net.DialTimeout("tcp", "8.8.8.8:53", time.Second); err != nil {\n'
                         '\t\tnetwork = "unreachable"\n\t}\n'
                         '\tfmt.Printf("uid=%d network=%s\\n", os.Getuid(), network)',
                         imports=("fmt", "net", "os", "time")),
        "ruby": 'require "socket"\n'
                'network = begin\n  Socket.tcp("8.8.8.8", 53, connect_timeout: 1).close\n  "reachable"\n'
                'rescue SystemCallError, IOError\n  "unreachable"\nend\n'
                'puts "uid=#{Process.uid} network=#{network}"\n',
        "php": '<?php\n$socket = @fsockopen("8.8.8.8", 53, $code, $error, 1);\n'
               'echo "uid=", posix_getuid(), " network=", $socket ? "reachable" : "unreachable", "\\n";\n',
        "csharp": csharp_program(
            '        string uid = File.ReadLines("/proc/self/status").First(line => line.StartsWith("Uid:"))\n'
            "            .Split(new[] { '\\t' }, StringSplitOptions.RemoveEmptyEntries)[1];\n"
            '        string network = "unreachable";\n'
            '        try { if (new TcpClient().ConnectAsync("8.8.8.8", 53).Wait(1000)) network = "reachable"; }\n'
            "        catch (Exception) { }\n"
            '        Console.WriteLine("uid=" + uid + " network=" + network);',
            usings=("System", "System.IO", "System.Linq", "System.Net.Sockets")),
    },
}

# What the compiler says about SOURCES["compile_error"]: the file, the line and the complaint.
COMPILER_SAYS = {
    "go": ("\nmain.go:5:2", "undefined: undefinedFunction"),
    "ruby": ("solution.rb:", "syntax error"),
    "php": ("solution.php on line 3", "syntax error"),
    "csharp": ("Solution.cs(6,", "error CS0103"),
}


def grade(path, language):
    """The grading result the CLI prints, and each case's outcome."""
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(CHALLENGE),
                              "--language", language, str(path)],
                             capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    return result, {t["name"]: t["outcome"] for t in result["tests"]}


def submission(tmp_path, language, program):
    """A folder holding one of SOURCES as the language's entry file."""
    folder = tmp_path / language
    folder.mkdir()
    (folder / sandbox.LANGUAGES.get(language).program.entry).write_text(SOURCES[program][language])
    return folder


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reference_solution_passes(docker_client, language):
    result, outcomes = grade(CHALLENGE / "solution" / language, language)
    assert (result["verdict"], result["score"], result["max_score"]) == ("passed", 4, 4)
    assert outcomes == dict.fromkeys(ALL_CASES, "passed")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_starter_scores_less(docker_client, language):
    result, outcomes = grade(CHALLENGE / "starter" / language, language)
    assert (result["verdict"], result["max_score"]) == ("failed", 4)
    assert result["score"] < 4
    assert "failed" in outcomes.values()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_compile_error_shows_the_compilers_message(docker_client, tmp_path, language):
    result, outcomes = grade(submission(tmp_path, language, "compile_error"), language)
    assert (result["verdict"], result["score"]) == ("compile_error", 0)
    where, complaint = COMPILER_SAYS[language]
    assert where in result["message"] and complaint in result["message"], result["message"]
    assert str(tmp_path) not in result["message"] and "/tmp/submission" not in result["message"]
    assert outcomes == dict.fromkeys(ALL_CASES, "error")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_program_that_never_ends_times_out(docker_client, tmp_path, language):
    result, outcomes = grade(submission(tmp_path, language, "forever"), language)
    assert (result["verdict"], result["score"]) == ("timeout", 0)
    assert outcomes == dict.fromkeys(ALL_CASES, "timeout")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_crash_is_an_error_in_every_case(docker_client, tmp_path, language):
    result, outcomes = grade(submission(tmp_path, language, "crash"), language)
    assert (result["verdict"], result["score"]) == ("failed", 0)
    assert outcomes == dict.fromkeys(ALL_CASES, "error")
    assert all("boom" in test["message"] for test in result["tests"]), result["tests"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_program_runs_as_the_candidate_without_network(docker_client, tmp_path, language):
    result, _ = grade(submission(tmp_path, language, "identity"), language)
    message = next(test["message"] for test in result["tests"] if test["name"] == "empty")
    assert message == "line 1: expected '0 0', got 'uid=10001 network=unreachable'"
