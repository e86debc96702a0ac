"""ingest: decoding, the article's anatomy, sidecars, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teikit.errors import IngestError
from teikit.ingest import ingest_bytes, ingest_file
from teikit.model import BYLINE, CAPTION, CREDIT, HEAD, LEAD, PARAGRAPH

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_03d31ed0a32cd011.txt"
EXPECTED = json.loads((ROOT / "tests" / "data" / "seeds" / "000_03d31ed0a32cd011.expected.json").read_text(encoding="utf-8"))

PARA = "Sáng nay, hội nghị đã diễn ra tại thủ đô với sự tham dự của nhiều đại biểu trong và ngoài nước."
PARA2 = "Các đại biểu đã thảo luận nhiều nội dung quan trọng về phát triển kinh tế và xã hội của đất nước."


def kinds(article):
    return [b.kind for b in article.blocks]


def article(text: str, name="a.txt"):
    return ingest_bytes(text.encode("utf-8"), name)


def test_seed_header_matches_expected():
    a = ingest_file(SEED)
    assert a.title == EXPECTED["header"]["title"]
    assert a.date == EXPECTED["header"]["published"]
    assert a.author == EXPECTED["header"]["author"]


def test_seed_drops_boilerplate_and_keeps_paragraphs():
    a = ingest_file(SEED)
    for line in EXPECTED["boilerplate_not_in_text"]:
        assert line not in a.text
    assert kinds(a).count(PARAGRAPH) >= EXPECTED["paragraphs_min"]
    caption = [b.text for b in a.blocks if b.kind == CAPTION]
    assert caption and caption[0].startswith(EXPECTED["caption"]["text_starts"])
    assert kinds(a)[0] == HEAD and kinds(a)[-1] == BYLINE


def test_offsets_point_into_the_joined_text():
    a = ingest_file(SEED)
    for block in a.blocks:
        assert a.text[block.start:block.end] == block.text


def test_no_break_and_double_spaces_are_folded():
    a = article(f"Tiêu đề bài viết\n\n\u00a0{PARA.replace(' ', '  ', 3)}\u00a0\u00a0và\u202fthêm.\n")
    assert "\u00a0" not in a.text and "  " not in a.text and "\u202f" not in a.text


def test_date_before_title():
    a = article(f"Thứ Tư, 05/03/2024 - 08:30\nHội nghị bàn về kinh tế số\n\n{PARA}\n\n{PARA2}\n")
    assert a.title == "Hội nghị bàn về kinh tế số"
    assert (a.date, a.date_text) == ("2024-03-05", "05/03/2024")


def test_a_date_line_saying_more_than_the_date_is_kept_whole():
    # Its weekday, time and zone were dropped from every output: the time of publication was lost.
    a = article(f"Thứ bảy, 12/8/2023, 14:30 (GMT+7)\nHội nghị bàn về kinh tế số\n\n{PARA}\n\n{PARA2}\n")
    assert (a.date, a.date_text, a.dateline) == ("2023-08-12", "12/8/2023", "Thứ bảy, 12/8/2023, 14:30 (GMT+7)")
    b = article(f"12/8/2023\nHội nghị bàn về kinh tế số\n\n{PARA}\n")  # a line that is the date: nothing more to keep
    assert (b.date_text, b.dateline) == ("12/8/2023", None)


def test_a_title_that_is_a_date_is_the_title_when_a_paragraph_follows_it():
    # It was taken for the date line, and the first paragraph became the title.
    a = article(f"30/4/1975\n\n{PARA}\n\n{PARA2}\n")
    assert (a.title, a.date, a.blocks[1].text) == ("30/4/1975", None, PARA)


def test_no_date_and_no_byline():
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{PARA2}\n")
    assert a.date is None and a.author is None
    assert kinds(a) == [HEAD, PARAGRAPH, PARAGRAPH]


@pytest.mark.parametrize("credit", ["Theo TTXVN", "(Nguồn: Báo Nhân Dân)", "Nguồn: VnExpress", "Nguồn: vnexpress.net"])
def test_source_credit_at_the_end(credit):
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{PARA2}\n\n{credit}\nChia sẻ\nBình luận\n")
    assert kinds(a)[-1] == CREDIT and a.blocks[-1].text == credit
    assert "Chia sẻ" not in a.text and "Bình luận" not in a.text


@pytest.mark.parametrize("end", [
    "Những lưu ý cho người dân:\n• Kiểm tra quy hoạch trước khi mua\n• Giữ lại hóa đơn thuế",
    "Kết quả các trận đấu:\n\nHải Phòng 2-1 Hà Tĩnh\nThép Xanh Nam Định 3-0 Khánh Hòa",
    "Readers can send photos to newsdesk@example.org\nAdditional reporting by Tom Baker and Priya Shah",
    "للمزيد من المعلومات: https://www.cbe.org.eg\n\nبقلم أحمد السيد",
])
def test_short_last_lines_with_no_byline_or_credit_after_them_are_the_articles(end):
    # Every short unpunctuated line at the end was taken for the site's navigation and dropped:
    # a closing list, a table of results, a contact line, an Arabic byline. Exit 0, no word.
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{PARA2}\n\n{end}\n")
    assert [b.text for b in a.blocks[3:]] == [line for line in end.split("\n") if line]
    assert kinds(a)[3:] == [PARAGRAPH] * len(a.blocks[3:])


@pytest.mark.parametrize("end, author", [
    ("Các tuyến bị cấm:\n- Phố Hàng Đào\n- Phố Hàng Ngang\n\nTheo VnExpress", None),
    ("Các tuyến bị cấm:\nPhố Hàng Đào\nPhố Hàng Ngang\n\nTheo VnExpress", None),
    ("Danh sách cán bộ được khen thưởng:\nNguyễn Văn An\nTrần Thị Bình\n\nMinh Anh", "Minh Anh"),
    ("Danh sách cán bộ được khen thưởng:\nNguyễn Văn An\nTrần Thị Bình", None),
    ("The starting eleven includes:\nJohn Smith\nDavid Brown\n\nBy Daniel Reyes", "Daniel Reyes"),
])
def test_a_closing_list_of_names_is_the_articles_and_only_a_byline_after_it_the_authors(end, author):
    # Its first item that looked like a name was the byline, and every line after it (the list,
    # the real byline) was dropped as the site's navigation.
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{end}\n")
    lines = [line for line in end.split("\n") if line]
    assert a.author == author
    assert [b.text for b in a.blocks[2:]] == lines
    assert [b.kind for b in a.blocks[2:]][-1] == (BYLINE if author else CREDIT if lines[-1].startswith("Theo") else PARAGRAPH)


@pytest.mark.parametrize("byline, authors", [
    ("TRẦN MAI - NGUYỄN TRANG", ("Trần Mai", "Nguyễn Trang")),   # Tuổi Trẻ's two authors
    ("Lê Hà và Phạm Vũ", ("Lê Hà", "Phạm Vũ")),
    ("NGUYỄN VĂN AN", ("Nguyễn Văn An",)),                       # one name stays one author
])
def test_each_name_of_a_byline_is_an_author_of_its_own(byline, authors):
    from teikit.model import author_names
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{byline}\n")
    assert author_names(a.author) == authors
    assert (a.blocks[-1].kind, a.blocks[-1].text) == (BYLINE, byline)


def test_short_lines_before_a_byline_are_the_articles_and_after_it_the_sites():
    a = article(f"Tiêu đề\n\n{PARA}\n\nHải Phòng 2-1 Hà Tĩnh\nNGUYỄN VĂN AN\nTìm kiếm\nLiên kết website\n")
    assert [(b.kind, b.text) for b in a.blocks[2:]] == [(PARAGRAPH, "Hải Phòng 2-1 Hà Tĩnh"), (BYLINE, "NGUYỄN VĂN AN")]
    assert "Tìm kiếm" not in a.text and "Liên kết website" not in a.text


@pytest.mark.parametrize("byline, author", [("By Daniel Reyes", "Daniel Reyes"), ("Par Claire Dubois", "Claire Dubois"),
                                             ("Von Anna Schröder", "Anna Schröder"), ("Bài: Nguyễn Văn An", "Nguyễn Văn An"),
                                             ("By Reuters", "Reuters"), ("Par AFP", "AFP")])  # one word after a label: an agency
def test_a_bylines_label_without_a_colon_is_not_the_authors_name(byline, author):
    # Only a label before a colon was taken off: the author was "By Daniel Reyes".
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{byline}\n")
    assert a.author == author


@pytest.mark.parametrize("byline, author", [("By Jane Miller", "Jane Miller"), ("By JANE MILLER", "Jane Miller"),
                                             ("Bài: Nguyễn Văn An", "Nguyễn Văn An"), ("Author: Jane Miller", "Jane Miller")])
def test_a_labelled_byline_under_the_title_is_the_byline_there(byline, author):
    # As English news print it: it was the article's first paragraph, and no author.
    a = article(f"Volunteers clean up the river\n\n{byline}\n\nTTO - {PARA}\n\n{PARA2}\n")
    assert a.author == author
    assert [(b.kind, b.text) for b in a.blocks[1:3]] == [(BYLINE, byline), (LEAD, f"TTO - {PARA}")]


@pytest.mark.parametrize("first", [
    "Jane Miller",                       # a name alone may be a lead's first words
    "By the river, volunteers gathered on Saturday morning.",
    "Oleh Sentsov", "Par Marie Dupont", "PV Hà Nội", "Von Berlin Nach Hamburg",  # a label without its colon: a name, a heading
    "By The Numbers", "Text As Prepared For Delivery",  # a function word: a heading
    "Text Size", "By: Reuters",           # one word after a label: a site's control, an agency
    "By Jane Miller and Tom Lee",
])
def test_a_first_line_that_is_no_labelled_personal_name_is_the_articles(first):
    a = article(f"Volunteers clean up the river\n\n{first}\n\n{PARA}\n")
    assert a.author is None and a.blocks[1].kind == PARAGRAPH and a.blocks[1].text == first


def test_a_byline_under_the_title_of_a_text_without_paragraphs_is_one_of_its_lines():
    # Captions only make sense beside paragraphs: without any, every line is the text, and the
    # line under the title no byline, nor its name the author.
    a = article("Volunteers clean up the river\n\nBy Jane Miller\n\nẢnh: Tom Lee\n")
    assert a.author is None and BYLINE not in [b.kind for b in a.blocks]


def test_a_byline_at_the_end_leaves_a_labelled_line_under_the_title_as_it_is():
    # One byline an article: the ending's is the author's (as before), the other stays a paragraph.
    a = article(f"Volunteers clean up the river\n\nBy Jane Miller\n\n{PARA}\n\nBy Daniel Reyes\n")
    assert a.author == "Daniel Reyes"
    assert [b.kind for b in a.blocks].count(BYLINE) == 1 and a.blocks[1].kind == PARAGRAPH


def test_lead_paragraph_with_agency_tag():
    a = article(f"Hội nghị bàn về kinh tế số\n\nTTO - {PARA}\n\n{PARA2}\n")
    assert kinds(a)[1] == LEAD
    b = article(f"Hội nghị bàn về kinh tế số\n\n(Chinhphu.vn) - {PARA}\n\n{PARA2}\n")
    assert kinds(b)[1] == LEAD


@pytest.mark.parametrize("sentence", [
    "Theo kế hoạch, dự án sẽ khởi công vào năm 2027 và hoàn thành năm 2035.",
    "Theo Thủ tướng Phạm Minh Chính, công trình sẽ hoàn thành trong năm nay.",
    "Source of the fire remains unknown and an investigation is under way.",
])
def test_a_closing_sentence_opening_with_theo_or_source_is_the_articles_not_a_credit(sentence):
    # "Theo …" ("according to …") opens many a closing sentence: it was marked a source credit.
    a = article(f"Hội nghị bàn về kinh tế số\n\n{PARA}\n\n{PARA2}\n\n{sentence}\n")
    assert (kinds(a)[-1], a.blocks[-1].text) == (PARAGRAPH, sentence)


def test_one_line_body_with_glued_credit():
    a = article(f"Hội nghị bàn về kinh tế số\n{PARA} {PARA2} Theo TTXVN\n")
    assert kinds(a) == [HEAD, PARAGRAPH, CREDIT]
    assert a.blocks[-1].text == "Theo TTXVN"


def test_whole_article_on_one_line_takes_first_sentence_as_title():
    a = article(f"Hội nghị bàn về kinh tế số diễn ra thành công. {PARA} {PARA2} {PARA}")
    assert a.title == "Hội nghị bàn về kinh tế số diễn ra thành công"
    assert kinds(a) == [HEAD, PARAGRAPH]


@pytest.mark.parametrize("title, rest", [
    ("国家统计局：一季度国内生产总值同比增长5.3%。", "国家统计局4月16日发布数据显示，一季度国内生产总值同比增长，比上年四季度环比增长。" * 4),
    ("東京都は新しい計画を発表した！", "都内の交通を改善するため、新しい路線を建設する計画が発表された。関係者によると、工事は来年始まる。" * 3),
    ("「経済は回復している。」", "と首相は述べた。政府は来年度の予算案で、家計を支える対策を盛り込む方針だ。関係者が明らかにした。" * 3),  # the quote it closes
    ("서울시가 새로운 교통 계획을 발표했다.", " 시는 내년부터 지하철 노선을 늘리고 버스 운행을 확대하기로 했다. 시민들은 대체로 환영했다." * 3),  # Korean
])
def test_a_chinese_or_japanese_article_on_one_line_takes_its_first_sentence_as_title(title, rest):
    # Only ". " before a capital ended a sentence: such a file was "only a title, no article text".
    a = article(title + rest)
    assert (a.title, a.blocks[1].text) == (title.removesuffix("."), rest.strip())


def test_a_title_is_not_joined_with_a_paragraph_starting_in_lower_case():
    # Without a blank line after it, the title took the first paragraph in ("… grow iPhone sales rose …").
    a = article("Apple reports record quarter as services grow\niPhone sales rose 6% to $51.3 billion in the three "
                "months to December, Apple said on Thursday, beating analysts' forecasts.\n\n" + PARA)
    assert a.title == "Apple reports record quarter as services grow"
    assert a.blocks[1].text.startswith("iPhone sales rose 6%")
    short = article("Apple reports record quarter as services grow\niPhone sales rose 6%.\n\n" + PARA)  # the recheck's
    assert short.title == "Apple reports record quarter as services grow"
    question = article("Vì sao giá vàng tăng\nmạnh trong tuần qua?\n\n" + PARA)
    assert question.title == "Vì sao giá vàng tăng mạnh trong tuần qua?"
    b = article("Hội nghị bàn về kinh tế số\nvà chuyển đổi xanh\n\n" + PARA)  # a title wrapped is one title
    assert b.title == "Hội nghị bàn về kinh tế số và chuyển đổi xanh"
    # a long one too (25 syllables, more words than a tail line has), wrapped at 72 columns
    long = ("Thủ tướng yêu cầu các bộ ngành tập trung tháo gỡ khó khăn cho doanh nghiệp bất động sản và "
            "thị trường trái phiếu trong năm nay")
    wrap = long.rindex(" ", 0, 72)
    c = article(long[:wrap] + "\n" + long[wrap + 1:] + "\n\n" + PARA)
    assert c.title == long and len(long.split()) > 20


def test_hard_wrapped_lines_are_joined():
    a = article("Tiêu đề\n\nDòng đầu của đoạn văn bị ngắt\ngiữa chừng vì độ rộng cố định.\n\n" + PARA)
    assert a.blocks[1].text == "Dòng đầu của đoạn văn bị ngắt giữa chừng vì độ rộng cố định."


def test_caption_by_photo_credit():
    a = article(f"Tiêu đề\n\n{PARA}\n\nCác đại biểu dự hội nghị. (Ảnh: TTXVN)\n\n{PARA2}\n")
    assert kinds(a) == [HEAD, PARAGRAPH, CAPTION, PARAGRAPH]


def test_a_word_before_anh_colon_in_a_sentence_is_no_photo_label():
    # "ảnh:" after any space made a paragraph a caption: the lead "… 200 bức ảnh: những góc phố …", and
    # the byline "Bài, ảnh: Hoàng Minh" (its author lost).
    lead = "Triển lãm trưng bày 200 bức ảnh: những góc phố Hà Nội xưa do các nhiếp ảnh gia Pháp chụp đầu thế kỷ trước."
    a = article(f"Tiêu đề\n\n{lead}\n\n{PARA}\n\nCác đại biểu dự hội nghị. Ảnh: TTXVN\n\n{PARA2}\n\nBài, ảnh: Hoàng Minh\n")
    assert kinds(a) == [HEAD, PARAGRAPH, PARAGRAPH, CAPTION, PARAGRAPH, BYLINE] and a.author == "Hoàng Minh"


def test_all_caps_byline_gives_a_title_cased_author():
    a = article(f"Tiêu đề\n\n{PARA}\n\nNGUYỄN VĂN AN\n")
    assert a.author == "Nguyễn Văn An" and kinds(a)[-1] == BYLINE


def test_sidecar_overrides_guesses(tmp_path):
    (tmp_path / "x.txt").write_text(f"Tiêu đề\n\n01/02/2020\n{PARA}\n\nTrần Văn Bình\n", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps(
        {"url": "https://example.org/a", "publisher": "Báo Mẫu", "author": "Lê Thị Cúc", "licence": "CC0"}), encoding="utf-8")
    a = ingest_file(tmp_path / "x.txt")
    assert a.author == "Lê Thị Cúc" and a.meta.url == "https://example.org/a"
    assert a.meta.publisher == "Báo Mẫu" and a.meta.licence == "CC0" and a.date == "2020-02-01"


def test_a_text_with_a_sidecars_title_may_open_with_its_date_and_a_paragraph(tmp_path):
    # Its date was taken for the title (the article had no date), or before that its first
    # paragraph for the title, which the sidecar's then replaced: the paragraph was in no output.
    (tmp_path / "x.txt").write_text(f"25/01/2024\n\n{PARA}\n\n{PARA2}\n", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps({"title": "Hội nghị kinh tế"}), encoding="utf-8")
    a = ingest_file(tmp_path / "x.txt")
    assert (a.title, a.date, a.date_text) == ("Hội nghị kinh tế", "2024-01-25", "25/01/2024")
    assert [(b.kind, b.text) for b in a.blocks] == [(HEAD, "Hội nghị kinh tế"), (PARAGRAPH, PARA), (PARAGRAPH, PARA2)]


def test_a_sidecars_title_is_the_headers_and_the_printed_title_stays_in_the_text(tmp_path):
    # The sidecar's title replaced the headline printed in the text, which no output then held.
    (tmp_path / "x.txt").write_text(f"Bundestag beschließt Heizungsgesetz\n\n{PARA}\n", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps({"title": "Heizungsgesetz beschlossen"}), encoding="utf-8")
    a = ingest_file(tmp_path / "x.txt")
    assert a.title == "Heizungsgesetz beschlossen"
    assert (a.blocks[0].kind, a.blocks[0].text) == (HEAD, "Bundestag beschließt Heizungsgesetz")


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON (line 1, column 2): Expecting property name enclosed in double quotes"),
    ("[1]", "must hold a JSON object"),
    ('{"colour": "red"}', "unknown key 'colour' (known: author, date, language, licence, publisher, title, url)"),
    ('{"date": "31/7/2013"}', "'date' must be an ISO date YYYY-MM-DD, not '31/7/2013'"),
])
def test_bad_sidecar(tmp_path, content, message):
    (tmp_path / "x.txt").write_text(f"Tiêu đề\n\n{PARA}\n", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(content, encoding="utf-8")
    with pytest.raises(IngestError) as err:
        ingest_file(tmp_path / "x.txt")
    assert str(err.value) == f"{tmp_path / 'x.meta.json'}: {message}"


@pytest.mark.parametrize("data, message", [
    (b"", "empty file (no text to convert)"),
    (b"  \n\n \t\n", "empty file (no text to convert)"),
    ("Tiêu đề\n\nNội dung.".encode("utf-16"), "encoded as UTF-16 (little-endian byte-order mark), expected UTF-8; re-save the file as UTF-8"),
    ("Tiêu đề\n\nNội dung.".encode("utf-16-le"), "encoded as UTF-16 (no byte-order mark), expected UTF-8; re-save the file as UTF-8"),
    ("Tiêu đề\n\nNội dung.".encode("utf-16-be"), "encoded as UTF-16 (no byte-order mark), expected UTF-8; re-save the file as UTF-8"),
    # a program's header: NULs in both halves of its code units, and no text (it was called UTF-16)
    (b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00\x01\x00\x00\x00" + bytes(1200) + bytes(range(256)) * 4,
     "binary data, not text (NUL byte at offset 7)"),
    (bytes(range(256)), "binary data, not text (NUL byte at offset 0)"),
    ("Tiêu đề bài viết về kinh tế\n\nNội dung bài viết.".encode("cp1258", errors="replace"),
     "not valid UTF-8 (byte 0xea at offset 2); it looks like a legacy Vietnamese encoding such as Windows-1258, re-save the file as UTF-8"),
    ("Chỉ có tiêu đề\n".encode(), "only a title, no article text"),
    # French (or German) in Windows-1252 was said to look like legacy Vietnamese
    ("Référendum : le « non » l'emporte\n\nLes électeurs ont rejeté dimanche, à une très large majorité.".encode("cp1252"),
     "not valid UTF-8 (byte 0xe9 at offset 1); re-save the file as UTF-8"),
    ("Grüße aus München\n\nSchöne Straße.".encode("cp1252"), "not valid UTF-8 (byte 0xfc at offset 2); re-save the file as UTF-8"),
    ("Eleições em São Paulo\n\nA votação não começou às oito, mas os cidadãos já estão lá.".encode("cp1252"),
     "not valid UTF-8 (byte 0xe7 at offset 4); re-save the file as UTF-8"),  # ã õ are Windows-1258's ă ơ
    # TCVN3: đ ư ơ ă à á as it writes them ("Đ" "ường" …)
    (b"\xaeu\xadng \xacn v\xa8n b\xb5i b\xb8o\n\n\xaei \xadu \xacng v\xa8n th\xb5nh ph\xb8 n\xb5y.",
     "not valid UTF-8 (byte 0xae at offset 0); it looks like a legacy Vietnamese encoding such as Windows-1258, "
     "re-save the file as UTF-8"),
])
def test_bad_input_names_file_and_problem(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        ingest_file(path)
    assert str(err.value) == f"{path}: {message}"


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(IngestError, match=r"big.txt: too large for a news article \(1,001 bytes; the limit is 1,000\)"):
        ingest_file(path, max_bytes=1000)


def test_utf8_bom_is_accepted():
    a = ingest_bytes(b"\xef\xbb\xbf" + f"Tiêu đề\n\n{PARA}\n".encode(), "bom.txt")
    assert a.title == "Tiêu đề"


def test_checksum_is_of_the_source_bytes():
    import hashlib
    data = SEED.read_bytes()
    assert ingest_file(SEED).sha256 == hashlib.sha256(data).hexdigest()


def test_code_points_xml_forbids_are_dropped():
    a = article(f"Tiêu đề\ufffe\n\n{PARA}\uffff\x0b\n")
    assert "\ufffe" not in a.text and "\uffff" not in a.text and "\x0b" not in a.text


def test_a_body_of_captions_only_is_text():
    a = article("Tiêu đề\n\nCác đại biểu dự hội nghị. (Ảnh: TTXVN)\n")
    assert kinds(a) == [HEAD, PARAGRAPH]


@pytest.mark.parametrize("title", ["Référendum : le « non » l'emporte largement en Nouvelle-Calédonie", "»Wir schaffen das« sagt sie",
                                   "Inflation > 5% for the first time since 2008", "Giá vàng › 80 triệu đồng"])
def test_a_title_holding_a_guillemet_or_a_comparison_is_no_breadcrumb(title):
    # Any such title was dropped as a breadcrumb, and the first paragraph became the title.
    a = article(f"{title}\n\n{PARA}\n\n{PARA2}\n")
    assert a.title == title and a.blocks[1].text == PARA


def test_a_breadcrumb_is_never_dropped_when_a_paragraph_would_be_the_title():
    a = article(f"Trang chủ » Thời sự\n{PARA}\n\n{PARA2}\n")
    assert a.title == "Trang chủ » Thời sự" and a.blocks[1].text == PARA


def test_breadcrumbs_above_the_title_are_dropped_but_never_the_article():
    a = article(f"Trang chủ » Thời sự » Chính trị\nHội nghị bàn về kinh tế số\n\n{PARA}\n")
    assert a.title == "Hội nghị bàn về kinh tế số"
    one_line = f"Hội nghị bàn về kinh tế số » thành công. {PARA} {PARA2} {PARA}"
    b = article(one_line)
    assert b.title == "Hội nghị bàn về kinh tế số » thành công"


def test_a_sections_name_above_the_title_is_dropped_as_a_breadcrumb_is():
    # as a page copied from a news site opens: the section, (the date line,) the title, the text
    a = article(f"Thời sự\nThứ hai, 12/8/2024, 10:30 (GMT+7)\nHà Nội đẩy mạnh chuyển đổi số\n{PARA}\n{PARA2}\n")
    assert (a.title, a.date, a.blocks[1].text) == ("Hà Nội đẩy mạnh chuyển đổi số", "2024-08-12", PARA)
    b = article(f"Xã hội\nMưa lớn gây ngập nhiều tuyến phố Hà Nội\n{PARA}\n")
    assert (b.title, b.blocks[1].text) == ("Mưa lớn gây ngập nhiều tuyến phố Hà Nội", PARA)
    assert [(block.kind, block.text) for block in b.blocks] == [("head", "Mưa lớn gây ngập nhiều tuyến phố Hà Nội"),
                                                                  ("p", PARA)]  # the section's name in none
    # the date line under the title, as Dân trí prints it
    c = article(f"Kinh doanh\nGiá cà phê lập đỉnh mới trong tuần\nThứ năm, 24/10/2024 - 16:20\n{PARA}\n{PARA2}\n")
    assert (c.title, c.date, c.blocks[1].text) == ("Giá cà phê lập đỉnh mới trong tuần", "2024-10-24", PARA)


@pytest.mark.parametrize("text, title", [
    (f"Brexit\n12/8/2024\n{PARA}\n", "Brexit"),                                  # a short title, its date, the text
    (f"Tiêu đề\nMinh Anh\n{PARA}\n", "Tiêu đề"),                                  # a byline under it
    (f"Tiêu đề\nMột câu ngắn kết thúc bằng dấu chấm.\n{PARA}\n", "Tiêu đề"),      # a sentence after it
    (f"Tiêu đề\nHà Nội đẩy mạnh chuyển đổi số\nMột dòng ngắn\n{PARA}\n", "Tiêu đề"),  # no paragraph after the second
    (f"Giá vàng 2024\nHà Nội đẩy mạnh chuyển đổi số\n{PARA}\n", "Giá vàng 2024"),  # a digit: no section's name
    (f"Tiêu đề\nHà Nội đẩy mạnh chuyển đổi số\n12/8/2024\nMột dòng ngắn\n{PARA}\n", "Tiêu đề"),  # its date, no paragraph
])
def test_a_short_title_is_no_sections_name(text, title):
    assert article(text).title == title


@pytest.mark.parametrize("line, when, printed", [
    ("12 March 2024", "2024-03-12", "12 March 2024"),
    ("Wednesday, March 12, 2024", "2024-03-12", "March 12, 2024"),
    ("mercredi 5 mars 2024", "2024-03-05", "5 mars 2024"),
    ("Mittwoch, 10. Januar 2024, 09:15 Uhr", "2024-01-10", "10. Januar 2024"),
    ("5 de marzo de 2024", "2024-03-05", "5 de marzo de 2024"),
    ("2024年7月30日 10:30", "2024-07-30", "2024年7月30日"),
    # a label of more than one word, before a weekday or a numeric date; months abbreviated; a time zone's letters
    ("Publié le 12 févr. 2025 à 10h30", "2025-02-12", "12 févr. 2025"),
    ("Publié le mercredi 12 février 2025", "2025-02-12", "12 février 2025"),
    ("Mis à jour le 12/02/2025 à 10:30", "2025-02-12", "12/02/2025"),
    ("Veröffentlicht am 12. Feb. 2025, 09:15 Uhr", "2025-02-12", "12. Feb. 2025"),
    ("Feb. 12, 2025 10:30 a.m. ET", "2025-02-12", "Feb. 12, 2025"),
    ("Gepubliceerd op 3 mrt. 2024", "2024-03-03", "3 mrt. 2024"),
    # Greek, Hebrew (its "in" glued to the month), Turkish, Korean; a Russian year followed by its word for "year"
    ("16 Δεκεμβρίου 2023", "2023-12-16", "16 Δεκεμβρίου 2023"),
    ("24 במאי 2023", "2023-05-24", "24 במאי 2023"),
    ("20 Mart 2023 Pazartesi", None, None),
    ("20 Mart 2023", "2023-03-20", "20 Mart 2023"),
    ("2023년 8월 12일", "2023-08-12", "2023년 8월 12일"),
    ("11 июля 2023 года", "2023-07-11", "11 июля 2023"),
    ("5 maja 2024 r., 10:30", "2024-05-05", "5 maja 2024"),
    # Arabic, Hindi and Thai: their month names, weekdays and labels (months.tsv, date_words.tsv)
    ("الأربعاء 5 مارس 2024", "2024-03-05", "5 مارس 2024"),
    ("الأربعاء، 5 مارس 2024", "2024-03-05", "5 مارس 2024"),
    ("يوم الأربعاء 5 آذار 2024 الساعة 10:30 ص", "2024-03-05", "5 آذار 2024"),
    ("الأربعاء\u200f 15 كانون الثاني 2025", "2025-01-15", "15 كانون الثاني 2025"),
    ("٥ مارس ٢٠٢٤", "2024-03-05", "٥ مارس ٢٠٢٤"),
    ("बुधवार, 5 मार्च 2024", "2024-03-05", "5 मार्च 2024"),
    ("दिनांक 1 फ़रवरी 2024", "2024-02-01", "1 फ़रवरी 2024"),
    ("5 मार्च 2024, 10:30 AM IST", "2024-03-05", "5 मार्च 2024"),
    # Thai: a year of the Buddhist Era is the Gregorian year less 543 (languages.tsv's era)
    ("วันพุธที่ 5 มีนาคม 2567", "2024-03-05", "5 มีนาคม 2567"),
    ("วันพฤหัสบดีที่ 29 กุมภาพันธ์ พ.ศ. 2567 เวลา 10:30 น.", "2024-02-29", "29 กุมภาพันธ์ พ.ศ. 2567"),
    ("5 มี.ค. 2567 10:30 น.", "2024-03-05", "5 มี.ค. 2567"),
    ("วันที่ ๕ มีนาคม ๒๕๖๗", "2024-03-05", "๕ มีนาคม ๒๕๖๗"),
])
def test_a_date_line_in_words_of_another_language_is_the_date(line, when, printed):
    # Only numeric and Vietnamese date lines were: "12 March 2024" above the title was the title.
    a = article(f"{line}\nHội nghị bàn về kinh tế số\n\n{PARA}\n")
    if when is None:  # a weekday after the date is no date line's
        assert a.date is None
        return
    assert (a.title, a.date, a.date_text, a.dateline) == ("Hội nghị bàn về kinh tế số", when, printed, None if line == printed else line)
    assert article(f"March 2024\nHội nghị bàn về kinh tế số\n\n{PARA}\n").title == "March 2024"  # no day: no date line
    # a label before something else than a date, or two words that are no label, open no date line
    assert article(f"Publié le rapport 12/02/2025\nHội nghị bàn về kinh tế số\n\n{PARA}\n").date is None
    assert article(f"The bridge opened 12 February 2025\nHội nghị bàn về kinh tế số\n\n{PARA}\n").date is None
