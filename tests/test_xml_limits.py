"""One limits policy (xmlsafe.check_limits) for every command reading TEI: a document at the
limits of Saxon's parser (nesting depth 100, 200 attributes with namespace declarations, names of
1000 characters) is read by validate, render html, render txt and deposit make; one past them is
one line in each, never Saxon's multi-line report, and validate refuses it as `xml-limits`
whatever the schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit import xmlsafe
from teikit.cli import app
from teikit.errors import XMLLimitError

VALID = Path(__file__).resolve().parent / "data" / "validate" / "valid.xml"
runner = CliRunner()

# A schema that takes any element with any attributes: what is refused is refused by the limits alone.
PERMISSIVE_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><ref name="any"/></start>
  <define name="any"><element><anyName/><zeroOrMore><attribute><anyName/></attribute></zeroOrMore>
    <zeroOrMore><choice><text/><ref name="any"/></choice></zeroOrMore></element></define>
</grammar>
"""

PARAGRAPH = '<p><date when="2012"'  # TEI/text/body/div/p: the paragraph is at depth 5
HEADER_END = "    </profileDesc>\n"


def nested(depth: int) -> str:
    """valid.xml with <hi> nested in a paragraph down to `depth` elements (the root being 1)."""
    levels = depth - 5
    return VALID.read_text(encoding="utf-8").replace(PARAGRAPH, "<p>" + "<hi>" * levels + "x" + "</hi>" * levels
                                                     + PARAGRAPH.removeprefix("<p>"), 1)


def attributed(count: int) -> str:
    """valid.xml with a foreign element of `count` attributes, its one namespace declaration included."""
    attributes = " ".join(f'x:a{i}="v"' for i in range(count - 1))
    return VALID.read_text(encoding="utf-8").replace(
        HEADER_END, f'{HEADER_END}    <xenoData><x:e xmlns:x="urn:x" {attributes}/></xenoData>\n', 1)


def named(length: int) -> str:
    """valid.xml with a foreign element whose local name is `length` characters long."""
    name = "e" * length
    return VALID.read_text(encoding="utf-8").replace(
        HEADER_END, f'{HEADER_END}    <xenoData><x:{name} xmlns:x="urn:x"/></xenoData>\n', 1)


XENO_LINE = 47  # the line the xenoData element is put on
DEPTH_LINE = 58
OVER = {
    "depth": (nested(101), f"line {DEPTH_LINE}: element hi is nested 101 deep; teikit reads at most 100 levels"),
    "attributes": (attributed(201), f"line {XENO_LINE}: element x:e has 201 attributes (namespace declarations "
                                    "included); teikit reads at most 200"),
    "name": (named(1001), f"line {XENO_LINE}: a name eeeeeeeeeeeeeeeeeeee… is 1001 characters long; teikit reads "
                          "names of at most 1000"),
}
AT = {"depth": nested(100), "attributes": attributed(200), "name": named(1000)}


def folder(tmp_path: Path, text: str) -> Path:
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / "doc.xml").write_text(text, encoding="utf-8")
    return tei


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def commands(tmp_path: Path, tei: Path) -> dict:
    schema = tmp_path / "any.rng"
    schema.write_text(PERMISSIVE_RNG, encoding="utf-8")
    return {
        "validate": run("validate", tei, "--schema", schema),
        "render html": run("render", tei, "-o", tmp_path / "html"),
        "render txt": run("render", tei, "-f", "txt", "-o", tmp_path / "txt"),
        "deposit make": run("deposit", "make", tei, "--allow-invalid", "-o", tmp_path / "package.zip"),
    }


@pytest.mark.parametrize("limit", sorted(AT))
def test_a_document_at_the_limit_is_read_by_every_command(tmp_path, limit):
    results = commands(tmp_path, folder(tmp_path, AT[limit]))
    assert {name: r.exit_code for name, r in results.items()} == dict.fromkeys(results, 0), \
        {name: r.output for name, r in results.items()}
    assert results["validate"].stdout == "1 file, 1 valid, 0 invalid, 0 errors\n"
    assert (tmp_path / "html" / "doc.html").is_file() and (tmp_path / "txt" / "doc.txt").is_file()
    assert (tmp_path / "package.zip").is_file()
    assert "Error" not in "".join(r.output for r in results.values())  # no Saxon report


@pytest.mark.parametrize("limit", sorted(OVER))
def test_a_document_past_the_limit_is_one_line_in_every_command(tmp_path, limit):
    text, message = OVER[limit]
    tei = folder(tmp_path, text)
    doc = tei / "doc.xml"
    results = commands(tmp_path, tei)
    assert {name: r.exit_code for name, r in results.items()} == dict.fromkeys(results, 1)
    line = message.split(":")[0].removeprefix("line ")
    assert results["validate"].stdout == (f"{doc}:{line}:0: error: [xml-limits] {message.split(': ', 1)[1]}\n"
                                          "1 file, 0 valid, 1 invalid, 1 error\n")
    for name in ("render html", "render txt", "deposit make"):
        assert results[name].stderr.splitlines()[0] == f"error: {doc}: {message}", name
        assert [l for l in results[name].stderr.splitlines() if l.startswith("error:")] == \
            [f"error: {doc}: {message}"], name
    assert not (tmp_path / "txt" / "doc.txt").exists() and not (tmp_path / "package.zip").exists()


def test_saxon_never_gets_to_print_its_report(tmp_path):
    """Saxon writes its report to the process's own stderr, past the test runner: run the real command."""
    tei = folder(tmp_path, OVER["depth"][0])
    done = subprocess.run([sys.executable, "-c", "from teikit.cli import main; main()", "render", str(tei),
                           "-o", str(tmp_path / "html")], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"error: {tei / 'doc.xml'}: {OVER['depth'][1]}",
                                        f"rendered 6 file(s) into {tmp_path / 'html'}, 1 failed; the site holds 0 "
                                        "article(s)"]


def test_a_tree_built_in_memory_is_held_to_the_same_limits():
    tree = xmlsafe.parse_bytes(AT["depth"].encode())
    hi = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}hi[last()]")
    while len(hi):
        hi = hi[0]
    hi.append(hi.makeelement("{http://www.tei-c.org/ns/1.0}hi"))
    with pytest.raises(XMLLimitError, match="^line 0: element hi is nested 101 deep"):
        xmlsafe.check_limits(tree)


@pytest.mark.parametrize("text, message", [
    (f'<?{"p" * 1001} x?><r/>', "line 1: the processing instruction's name pppppppppppppppppppp… is 1001 characters"),
    (f'<r xmlns:{"p" * 1001}="urn:x"/>', "line 1: a name pppppppppppppppppppp… is 1001 characters"),
    (f'<r {"a" * 1001}="v"/>', "line 1: a name aaaaaaaaaaaaaaaaaaaa… is 1001 characters"),
    ('<r>' + '<?t x?>'.replace("t", "t" * 1001) + '</r>', "line 1: the processing instruction's name tttttt"),
])
def test_every_kind_of_name_is_limited(text, message):
    with pytest.raises(XMLLimitError) as caught:
        xmlsafe.parse_bytes(text.encode())
    assert caught.value.message.startswith(message)
    assert xmlsafe.parse_bytes(text.replace("1001", "1000").encode().replace(b"p" * 1001, b"p" * 1000)
                               .replace(b"a" * 1001, b"a" * 1000).replace(b"t" * 1001, b"t" * 1000)) is not None
