"""encode: text kept to the character, proper nesting, register, ids, determinism."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from teikit import names as N
from teikit.encode import encode, serialise
from teikit.encode.ids import document_id, entity_id, slug
from teikit.encode.inline import nest
from teikit.ingest import ingest_bytes
from teikit.model import HEAD, PARAGRAPH, Article, Mention, join_blocks
from teikit.options import ConvertOptions

NS = N.XPATH_NS
TEXT = ("Họp bàn kinh tế\n\n12/03/2021\n"
        "Sáng 12/3/2021, Bộ trưởng Bộ Tài chính Nguyễn Văn An làm việc tại Đà Nẵng với Ủy ban nhân dân (UBND) thành phố.\n\n"
        "Ông Nguyễn Văn An đề nghị UBND sớm báo cáo.\n\nTrần Thị Bích\n")


def sample():
    a = ingest_bytes(TEXT.encode(), "bai-01.txt")
    t = a.text

    def at(s, n=0, **kw):
        i = -1
        for _ in range(n + 1):
            i = t.index(s, i + 1)
        return i, i + len(s)

    m = []
    s, e = at("12/3/2021"); m.append(Mention(s, e, "date", "", (("when", "2021-03-12"),)))
    s, e = at("Bộ trưởng Bộ Tài chính"); m.append(Mention(s, e, "role", "Bộ trưởng"))
    s, e = at("Bộ Tài chính"); m.append(Mention(s, e, "org", "Bộ Tài chính", cert=0.95))
    for n in (0, 1):
        s, e = at("Nguyễn Văn An", n); m.append(Mention(s, e, "person", "Nguyễn Văn An"))
    s, e = at("Đà Nẵng"); m.append(Mention(s, e, "place", "Đà Nẵng"))
    s, e = at("Ủy ban nhân dân"); m.append(Mention(s, e, "org", "Ủy ban nhân dân"))
    for n in (0, 1):
        s, e = at("UBND", n); m.append(Mention(s, e, "org", "Ủy ban nhân dân")); m.append(Mention(s, e, "abbr", "Ủy ban nhân dân"))
    s, e = at("Trần Thị Bích"); m.append(Mention(s, e, "person", "Trần Thị Bích", resp="crf", cert=0.734))
    return a, m


def text_without_expan(element) -> str:
    """The text an element holds in the source: everything but choice/expan."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != N.EXPAN:
            parts.append(text_without_expan(child))
        parts.append(child.tail or "")
    return "".join(parts)


def block_texts(tree) -> list[str]:
    div = tree.find(".//tei:div[@type='article']", NS)
    blocks = [child.find("tei:head", NS) if child.tag == N.FIGURE else child for child in div]
    return [text_without_expan(b) for b in blocks]


def test_text_is_kept_to_the_character():
    a, m = sample()
    tree = encode(a, m)
    assert block_texts(tree) == [b.text for b in a.blocks]


def test_nesting_role_org_abbr_and_docauthor():
    a, m = sample()
    root = encode(a, m).getroot()
    role = root.find(".//tei:roleName", NS)
    assert role.get("type") == "office" and role.find("tei:orgName", NS).text == "Bộ Tài chính"
    choice = root.findall(".//tei:orgName/tei:choice", NS)
    assert [c.findtext("tei:abbr", namespaces=NS) for c in choice] == ["UBND", "UBND"]
    assert {c.findtext("tei:expan", namespaces=NS) for c in choice} == {"Ủy ban nhân dân"}
    author = root.find(".//tei:byline/tei:docAuthor/tei:persName", NS)
    assert author.text == "Trần Thị Bích" and author.get("resp") == "#ner-crf" and author.get("cert") == "0.73"


def test_register_lists_referenced_entities_in_first_mention_order():
    a, m = sample()
    root = encode(a, m).getroot()
    assert [p.get(N.XML_ID) for p in root.iterfind(".//tei:listPerson/tei:person", NS)] == [
        "pers-nguyen64-van8-an", "pers-tran62-thi5-bich1"]
    assert [o.get(N.XML_ID) for o in root.iterfind(".//tei:listOrg/tei:org", NS)] == [
        "org-bo65-tai2-chinh1", "org-uy3-ban-nhan6-dan6"]
    refs = {r.get("ref")[1:] for r in root.iterfind(".//tei:text//*[@ref]", NS)}
    ids = {e.get(N.XML_ID) for e in root.iterfind(".//tei:standOff//*[@xml:id]", NS)}
    assert refs == ids


def test_recognisers_are_declared_in_appinfo():
    a, m = sample()
    root = encode(a, m).getroot()
    declared = {x.get(N.XML_ID) for x in root.iterfind(".//tei:appInfo/tei:application", NS)}
    assert declared == {"app-teikit", "app-ner-rules", "app-ner-crf"}
    used = {e.get("resp") for e in root.iter() if e.get("resp")}
    assert used == {"#ner-rules", "#ner-crf"}
    # @resp points to a respStmt (TEI: an agency responsible), whose name points to the program
    agents = {r.get(N.XML_ID): r.find("tei:name", NS).get("ref") for r in root.iterfind(".//tei:titleStmt/tei:respStmt", NS)}
    assert agents == {"teikit": "#app-teikit", "ner-rules": "#app-ner-rules", "ner-crf": "#app-ner-crf"}
    assert root.find(".//tei:change", NS).get("who") == "#teikit"


def test_header_is_english_with_the_sources_title_in_its_language():
    a, m = sample()
    root = encode(a, m).getroot()
    header = root.find("tei:teiHeader", NS)
    assert root.get(N.XML_LANG) == "vi" and header.get(N.XML_LANG) == "en"
    main, sub = root.findall(".//tei:titleStmt/tei:title", NS)
    assert (main.get("type"), main.text, main.get(N.XML_LANG)) == ("main", a.title, "vi")
    assert (sub.get("type"), sub.text, sub.get(N.XML_LANG)) == ("sub", "TEI edition", None)
    assert root.find(".//tei:sourceDesc/tei:bibl", NS).get(N.XML_LANG) == "vi"  # the source's words, its date too


def test_text_licence_is_unknown_unless_stated_and_markup_licence_is_separate():
    a, m = sample()
    availability = encode(a, m).getroot().find(".//tei:availability", NS)
    text, markup = availability.findall("tei:licence", NS)
    assert availability.get("status") == "unknown"
    assert (text.get("n"), text.get("target"), text.text.startswith("Unknown")) == ("text", None, True)
    assert (markup.get("n"), markup.text, markup.get("target")) == (
        "markup", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    stated = encode(a, m, ConvertOptions(licence="CC BY-SA 4.0", markup_licence="CC0 1.0")).getroot()
    availability = stated.find(".//tei:availability", NS)
    text, markup = availability.findall("tei:licence", NS)
    assert availability.get("status") is None
    assert (text.text, text.get("target")) == ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")
    assert (markup.text, markup.get("target")) == ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    own = encode(replace(a, meta=replace(a.meta, licence="All rights reserved")), m,
                 ConvertOptions(licence="CC BY 4.0")).getroot()
    text = own.find(".//tei:availability/tei:licence", NS)
    assert (text.text, text.get("target")) == ("All rights reserved", None)  # the sidecar wins, no link made up


def test_header_declares_schema_and_editorial_decisions():
    root = encode(*sample()).getroot()
    ref = root.find(".//tei:encodingDesc/tei:schemaRef", NS)
    assert (ref.get("key"), ref.get("url")) == ("teikit", "../schema/teikit.rng")
    decl = root.find(".//tei:encodingDesc/tei:editorialDecl", NS)
    assert [etree.QName(c).localname for c in decl] == ["normalization", "interpretation", "stdVals"]
    assert "NFC" in decl.findtext("tei:normalization/tei:p", namespaces=NS)
    interpretation = decl.findtext("tei:interpretation/tei:p", namespaces=NS)
    assert "day first" in interpretation and "expan" in interpretation and "@cert" in interpretation


def test_header_has_source_date_checksum_and_no_clock():
    a, m = sample()
    root = encode(a, m).getroot()
    bibl = root.find(".//tei:sourceDesc/tei:bibl", NS)
    assert bibl.find("tei:date", NS).get("when") == "2021-03-12"
    assert bibl.find("tei:idno[@type='sha256']", NS).text == a.sha256
    assert root.find(".//tei:change", NS).get("when") is None
    dated = encode(a, m, ConvertOptions(conversion_date="2026-01-02")).getroot()
    assert dated.find(".//tei:change", NS).get("when") == "2026-01-02"


def test_a_date_line_saying_more_is_kept_whole_in_the_source_bibl_and_valid(tmp_path):
    # "Thứ bảy, 12/8/2023, 14:30 (GMT+7)": the weekday, time and zone were in no output.
    from teikit.validate import iter_errors

    a = ingest_bytes("Thứ bảy, 12/8/2023, 14:30 (GMT+7)\nHọp bàn kinh tế\n\nNội dung bài viết hôm nay.\n".encode(), "d.txt")
    tree = encode(a, [])
    bibl = tree.getroot().find(".//tei:sourceDesc/tei:bibl", NS)
    assert [(etree.QName(e).localname, e.get("type"), e.text) for e in bibl if etree.QName(e).localname in ("date", "note")] == [
        ("date", None, "12/8/2023"), ("note", "dateline", "Thứ bảy, 12/8/2023, 14:30 (GMT+7)")]
    assert list(iter_errors(tree)) == []


def test_a_lunar_date_points_to_the_lunar_calendar_the_header_declares_and_is_valid():
    # "mùng 6 Tết" has no Gregorian value: the schema refused a date without one, and convert dropped it
    from teikit.model import LUNAR_CALENDAR
    from teikit.validate import iter_errors

    a = ingest_bytes("Lễ khai hội\n\nSáng mùng 6 Tết, lễ khai hội chùa diễn ra.\n".encode(), "l.txt")
    start = a.text.index("mùng 6 Tết")
    tree = encode(a, [Mention(start, start + 10, "date", "", (("calendar", f"#{LUNAR_CALENDAR}"),))])
    (date,) = tree.getroot().iterfind(".//tei:text//tei:date", NS)
    assert (date.text, date.get("calendar"), date.get("when")) == ("mùng 6 Tết", "#lunar-calendar", None)
    (calendar,) = tree.getroot().iterfind(".//tei:profileDesc/tei:calendarDesc/tei:calendar", NS)
    assert calendar.get(N.XML_ID) == LUNAR_CALENDAR and "âm lịch" in calendar.findtext("tei:p", namespaces=NS)
    assert list(iter_errors(tree)) == []
    # a text without lunar dates declares no calendar
    assert encode(a, []).getroot().find(".//tei:calendarDesc", NS) is None


def test_output_is_byte_identical_across_runs_and_mention_order():
    a, m = sample()
    assert serialise(encode(a, m)) == serialise(encode(a, list(reversed(m))))


def test_crossing_spans_and_nesting_the_table_forbids_are_dropped():
    # B crosses A; C is an org inside an org and D a person inside an org (model.MAY_CONTAIN
    # lets an org hold only abbreviations); E, an abbreviation, may sit inside it; A repeats.
    a = [Mention(0, 10, "org", "A"), Mention(5, 15, "person", "B"), Mention(2, 4, "org", "C"),
         Mention(2, 4, "person", "D"), Mention(6, 8, "abbr", "E"), Mention(0, 10, "org", "A")]
    roots = nest(a)
    assert [(n.mention.key, [c.mention.key for c in n.children]) for n in roots] == [("A", ["E"])]


def test_a_role_holds_the_organisation_it_is_an_office_of():
    roots = nest([Mention(0, 20, "role", "bộ trưởng"), Mention(10, 20, "org", "Bộ Công an")])
    assert [(n.mention.type, [c.mention.type for c in n.children]) for n in roots] == [("role", ["org"])]


def test_nothing_nests_inside_an_abbreviation():
    roots = nest([Mention(0, 4, "abbr", "X"), Mention(0, 2, "place", "Y")])
    assert [(n.mention.type, n.children) for n in roots] == [("abbr", [])]


def test_ids_are_ascii_deterministic_and_bounded():
    assert slug("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam") == "uy3-ban-trung-uong77-mat85-tran65-to63-quoc61-viet65-nam"
    assert entity_id("place", "Đà Nẵng") == "place-da92-nang84"
    assert entity_id("place", "đà nẵng") == "place-da92-nang84"  # case is not identity
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug("Nguyễn Thị Minh Khai, Q.1"))
    long = slug("Ban Chỉ đạo " + "phòng chống thiên tai và tìm kiếm cứu nạn " * 3)
    assert len(long) == 60 and long == slug("Ban Chỉ đạo " + "phòng chống thiên tai và tìm kiếm cứu nạn " * 3)
    assert document_id("bài 1 (copy)") == "doc-bai-1--copy--89cdadf2"  # folded, then a hash of the stem as written


def test_names_folding_to_one_slug_get_distinct_ids():
    a = ingest_bytes("Tiêu đề\n\nHà Nội và Hà Nôi là hai cách viết.\n".encode(), "x.txt")
    t = a.text
    m = [Mention(t.index("Hà Nội"), t.index("Hà Nội") + 6, "place", "Hà Nội"),
         Mention(t.index("Hà Nôi"), t.index("Hà Nôi") + 6, "place", "Hà Nôi")]
    ids = [p.get(N.XML_ID) for p in encode(a, m).getroot().iterfind(".//tei:place", NS)]
    assert ids == ["place-ha2-noi65", "place-ha2-noi6"]


def test_names_that_differ_only_in_diacritics_keep_their_own_ids_in_every_article():
    # Bùi Tiến Dụng and Bùi Tiến Dũng are two people: the ids differ wherever each is named alone
    assert entity_id("pers", "Bùi Tiến Dụng") == "pers-bui2-tien61-dung5"
    assert entity_id("pers", "Bùi Tiến Dũng") == "pers-bui2-tien61-dung4"
    # a mark VNI has no digit for, or a script with no ASCII form: the slug ends in a hash of the name
    assert entity_id("pers", "Müller") != entity_id("pers", "Muller")
    assert entity_id("place", "北京").startswith("place-x-") and entity_id("place", "北京") != entity_id("place", "上海")


def test_register_entries_record_the_other_forms_the_article_prints():
    a = ingest_bytes("Tiêu đề\n\nỦy ban nhân dân TP, rồi UBND TP, rồi Ủy ban nhân dân TP.\n".encode(), "v.txt")
    t = a.text
    key = "Ủy ban nhân dân TP"
    m = [Mention(t.index(key), t.index(key) + len(key), "org", key),
         Mention(t.index("UBND TP"), t.index("UBND TP") + 7, "org", key),
         Mention(t.rindex(key), t.rindex(key) + len(key), "org", key)]
    (org,) = encode(a, m).getroot().iterfind(".//tei:listOrg/tei:org", NS)
    assert [(n.get("type"), n.text) for n in org] == [(None, key), ("variant", "UBND TP")]


def test_a_role_is_written_with_the_kind_its_recogniser_gave_else_as_an_office():
    a = Article(name="r.txt", stem="r", sha256="0" * 64, title="T", date=None, date_text=None, author=None,
                blocks=join_blocks([(HEAD, "T"), (PARAGRAPH, "Đại tướng và Phó Chủ tịch đến.")]))
    t = a.text
    m = [Mention(t.index("Đại tướng"), t.index("Đại tướng") + 9, "role", "đại tướng", (("type", "rank"),)),
         Mention(t.index("Phó Chủ tịch"), t.index("Phó Chủ tịch") + 12, "role", "phó chủ tịch")]
    roles = encode(a, m).getroot().findall(".//tei:roleName", NS)
    assert [(r.text, r.get("type")) for r in roles] == [("Đại tướng", "rank"), ("Phó Chủ tịch", "office")]


def test_authority_ids_go_into_the_register():
    a, m = sample()
    root = encode(a, m, authority=lambda kind, key: [("wikidata", "Q25282")] if key == "Đà Nẵng" else []).getroot()
    assert root.find(".//tei:place/tei:idno[@type='wikidata']", NS).text == "Q25282"


def test_serialisation_is_utf8_with_declaration_and_final_newline():
    a, m = sample()
    data = serialise(encode(a, m))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI") and data.endswith(b"</TEI>\n")
    assert etree.fromstring(data).get(N.XML_ID) == "doc-bai-01"


# --- roles that qualify a person are parts of its persName (docs/encoding.md) -------------

def _roles_article(text: str, spans) -> tuple[Article, list[Mention]]:
    """An article of one paragraph and its mentions, from (surface, type, occurrence) triples."""
    a = Article(name="r.txt", stem="r", sha256="0" * 64, title="T", date=None, date_text=None, author=None,
                blocks=join_blocks([(HEAD, "T"), (PARAGRAPH, text)]))
    t, found = a.text, []
    for surface, kind, *attrs in spans:
        start = t.index(surface, t.index(text))
        key = surface if kind != "role" else surface.lower()
        found.append(Mention(start, start + len(surface), kind, key, tuple(attrs)))
    return a, found


def _persons(tree):
    return [(etree.tostring(p, encoding=str, with_tail=False)) for p in tree.getroot().iterfind(".//tei:p/tei:persName", NS)]


def test_roles_before_a_name_and_in_apposition_after_it_go_inside_its_persname():
    from teikit.validate import default_validator

    text = "Đại tướng Trần Đại Quang, Bộ trưởng Bộ Công an, phát biểu; Phó Chủ tịch kiêm Tổng thư ký đến."
    a, m = _roles_article(text, [("Đại tướng", "role", ("type", "rank")), ("Trần Đại Quang", "person"),
                                 ("Bộ trưởng Bộ Công an", "role"), ("Bộ Công an", "org"),
                                 ("Phó Chủ tịch", "role"), ("Tổng thư ký", "role")])
    tree = encode(a, m)
    (person,) = tree.getroot().iterfind(".//tei:p/tei:persName", NS)
    assert "".join(person.itertext()) == "Đại tướng Trần Đại Quang, Bộ trưởng Bộ Công an"
    assert [(r.text, r.get("type")) for r in person.iterfind("tei:roleName", NS)] == [
        ("Đại tướng", "rank"), ("Bộ trưởng ", "office")]
    assert person.find("tei:roleName/tei:orgName", NS).text == "Bộ Công an"
    # a role with no person to qualify stands apart
    paragraph = tree.getroot().find(".//tei:div/tei:p", NS)
    assert [r.text for r in paragraph.iterfind("tei:roleName", NS)] == ["Phó Chủ tịch", "Tổng thư ký"]
    # the register keeps the name alone, with no variant made of its roles
    (entry,) = tree.getroot().iterfind(".//tei:listPerson/tei:person", NS)
    assert [n.text for n in entry] == ["Trần Đại Quang"]
    assert block_texts(tree)[1] == text
    assert list(default_validator().iter_errors(tree, name="r.xml")) == []


def test_a_role_right_before_a_name_is_that_names_not_an_apposition_of_the_one_before():
    text = "Ông Trần Văn Nam, Giám đốc Nguyễn Thị Hoa và Trần Văn Nam, Giám đốc, đến."
    a, m = _roles_article(text, [("Trần Văn Nam", "person"), ("Giám đốc", "role"), ("Nguyễn Thị Hoa", "person")])
    t = a.text
    second = t.index("Trần Văn Nam, Giám đốc,")
    m += [Mention(second, second + len("Trần Văn Nam"), "person", "Trần Văn Nam"),
          Mention(t.index("Giám đốc,"), t.index("Giám đốc,") + len("Giám đốc"), "role", "giám đốc")]
    texts = ["".join(p.itertext()) for p in encode(a, m).getroot().iterfind(".//tei:p/tei:persName", NS)]
    assert texts == ["Trần Văn Nam", "Giám đốc Nguyễn Thị Hoa", "Trần Văn Nam, Giám đốc"]


def test_roles_are_not_attached_across_other_text_or_into_a_byline_author():
    text = "Bộ trưởng cho biết ông Trần Văn Nam, người dân, đến."
    a, m = _roles_article(text, [("Bộ trưởng", "role"), ("Trần Văn Nam", "person")])
    tree = encode(a, m)
    assert ["".join(p.itertext()) for p in tree.getroot().iterfind(".//tei:p/tei:persName", NS)] == ["Trần Văn Nam"]
    # a person inside the docAuthor of a byline keeps its extent (the docAuthor cannot grow)
    a = Article(name="b.txt", stem="b", sha256="0" * 64, title="T", date=None, date_text=None, author="Phạm Linh",
                blocks=join_blocks([(HEAD, "T"), (PARAGRAPH, "Văn bản."), ("byline", "Phóng viên Phạm Linh")]))
    t = a.text
    m = [Mention(t.index("Phóng viên"), t.index("Phóng viên") + 10, "role", "phóng viên"),
         Mention(t.index("Phạm Linh"), t.index("Phạm Linh") + 9, "person", "Phạm Linh")]
    byline = encode(a, m).getroot().find(".//tei:byline", NS)
    assert byline.find("tei:docAuthor/tei:persName", NS).text == "Phạm Linh"
    assert byline.find("tei:roleName", NS).text == "Phóng viên"


def test_a_length_of_time_with_no_start_is_a_measure_not_a_date():
    from teikit.validate import default_validator

    a, _ = _roles_article("Tổng kết 10 năm thực hiện.", [])
    start = a.text.index("10 năm")
    m = [Mention(start, start + 6, "duration", "", (("quantity", "10"), ("unit", "year")), cert=0.6)]
    tree = encode(a, m)
    (measure,) = tree.getroot().iterfind(".//tei:div//tei:measure", NS)
    assert (measure.text, dict(measure.attrib)) == ("10 năm", {"type": "duration", "quantity": "10", "unit": "year",
                                                                "resp": "#ner-rules", "cert": "0.60"})
    assert tree.getroot().find(".//tei:div//tei:date", NS) is None
    assert list(default_validator().iter_errors(tree, name="d.xml")) == []
    measure.set("unit", "hour")  # the units a recogniser writes, and no other
    assert list(default_validator().iter_errors(tree, name="d.xml"))
