"""Third-party TEI whose values an XSLT would choke on (issue 12, items 4-5): every page is still
made, in both editions, and nothing of Saxon's own reaches stderr."""

from __future__ import annotations

import pytest

from teikit.render import build_site, render_paths

from render_helpers import SAMPLE


def _with_text(tmp_path, inline: str):
    data = SAMPLE.read_text(encoding="utf-8")
    header, text = data.split("<text>", 1)
    path = tmp_path / "t.xml"
    path.write_text(header + "<text>" + text.replace("<p>", f"<p>{inline} ", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("inline", [
    '<date dur="P\u0663Y">ba năm</date>',            # Arabic-Indic digit: \d matched it, xs:integer() did not
    '<date dur="P\uff13D">ba ngày</date>',           # fullwidth digit
    '<date when="\u0662\u0660\u0662\u0664-01-01">x</date>',
    '<date when="\u0662\u0660\u0662\u0664">x</date>',
    '<date when="--\u0661\u0662-\u0660\u0661">x</date>',
])
def test_dates_in_other_digits_are_text_not_a_failed_page(tmp_path, capfd, inline):
    path = _with_text(tmp_path, inline)
    for fmt in ("html", "txt"):
        report = render_paths([path], tmp_path / fmt, fmt)
        assert report.ok, report.failures
    site = build_site([path], tmp_path / "site")
    assert site.ok, site.failures
    assert capfd.readouterr().err == ""
