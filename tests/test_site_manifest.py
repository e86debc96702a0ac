"""The site manifest (render.site) is written and read one article at a time: what
write_manifest writes is the JSON json.dumps would (indent 2), iter_manifest reads any JSON
object of that shape however it is spaced or ordered, and refuses, naming why, what is not one.
"""

from __future__ import annotations

import json

import pytest

from teikit.errors import SiteError
from teikit.render.site import MANIFEST, iter_manifest, plan_site, read_manifest, site_size, write_manifest


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_manifest_is_the_json_of_the_whole_and_reads_back_in_order(tmp_path, count):
    hrefs = [(f"a{n}", f"../tei/a{n}.xml") for n in range(count)]
    write_manifest(tmp_path, iter(hrefs))
    text = (tmp_path / MANIFEST).read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert data["articles"] == [{"stem": stem, "tei": tei} for stem, tei in hrefs] and data["teikit-site"] == 1
    assert [(stem, path) for stem, path in iter_manifest(tmp_path / MANIFEST)] == [
        (stem, (tmp_path / tei).resolve()) for stem, tei in hrefs]
    assert site_size(tmp_path) == count


def test_any_spacing_and_order_of_the_fields_is_read(tmp_path):
    (tmp_path / MANIFEST).write_text(' { "articles" : [ {"tei": "x/b.xml", "stem": "b"} ,{"stem":"a","tei":"a.xml"}] ,'
                                     '"teikit-site":1, "generator": {"nested": [1, 2]} }\n', encoding="utf-8")
    assert read_manifest(tmp_path / MANIFEST) == {"b": tmp_path / "x" / "b.xml", "a": tmp_path / "a.xml"}


@pytest.mark.parametrize("text, why", [
    ("", "not a version-1 manifest"),
    ("[1]", "not a version-1 manifest"),
    ("{", "Expecting value: line 1 column 2 (char 1)"),
    ('{"teikit-site": 2, "articles": []}', "not a version-1 manifest"),
    ('{"teikit-site": 1, "articles": {}}', "not a version-1 manifest"),
    ('{"teikit-site": 1, "articles": [], }', "expected a value at char 35"),
    ('{"teikit-site": 1, "articles": [{"stem": "a", "tei": "a.xml"},]}', "expected a value at char 62"),
    ('{"teikit-site": 1 "articles": []}', "expected ',' or '}' at char 18"),
    ('{"teikit-site": 1, "articles": []} []', "extra data at char 35"),
    ('{"teikit-site": 1, "articles": [1]}', "bad entry 1"),
    ('{"teikit-site": 1, "articles": [{"stem": "b", "tei": "a.xml"}]}', "bad entry {'stem': 'b', 'tei': 'a.xml'}"),
    ('{"teikit-site": 1, "articles": [{"stem": "a", "tei": "a.xml"}, {"stem": "a", "tei": "x/a.xml"}]}',
     "an article listed twice"),
    ('{"teikit-site": 1, "articles": [{"stem": "a", "tei": "a.xml"}], "articles": []}', "two articles lists"),
])
def test_what_is_not_a_manifest_is_refused_naming_why(tmp_path, text, why):
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        read_manifest(tmp_path / MANIFEST)
    assert caught.value.message == f"{MANIFEST} cannot be read ({why})"
    assert site_size(tmp_path) is None


@pytest.mark.parametrize("text", ['{"articles": [{"stem": "a", "tei": "a.xml"}, 7], "teikit-site": 1}',
                                  '{"articles": [{"stem": "a", "tei": "a.xml"}], "teikit-site": 2}'])
def test_replace_site_over_a_manifest_that_cannot_be_read_removes_no_page(tmp_path, text):
    """The entries read before the fault are not held: --replace-site removes the pages of held articles only (review)."""
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    plan = plan_site(tmp_path, replace=True)
    assert plan.exists and list(plan.held()) == [] and plan.held_count() == 0
