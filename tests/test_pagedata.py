"""The corpus pages' data (render.pagedata.attrs): any text goes into an attribute and is read back
the same, escaped with character references only (the JDK's parser counts entity references)."""

from __future__ import annotations

from lxml import etree

from teikit.render.pagedata import attrs


def test_an_attribute_escapes_exactly_the_characters_xml_would_change_with_character_references():
    assert attrs(a='x & <y> "z"', b="line\none\r\tend", c="đã làm việc ' > ", n=12, none=None, long_name="v") == (
        ' a="x &#38; &#60;y> &#34;z&#34;" b="line&#10;one&#13;&#9;end" c="đã làm việc \' > " n="12" none=""'
        ' long-name="v"')


def test_every_value_reads_back_as_it_was_given():
    values = ["", "plain", "&", "<", '"', "\n", "\r", "\t", "a&b<c\"d\ne\rf\tg", "&amp; already", "\u00a0 đ"]
    element = etree.fromstring(f"<e{attrs(**{f'v{i}': v for i, v in enumerate(values)})}/>")
    assert [element.get(f"v{i}") for i in range(len(values))] == values
