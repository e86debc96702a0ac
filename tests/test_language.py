"""An article's language: detection, the order of the sources (teikit.language), and where
it is written (xml:lang, langUsage, the deposit's dc.language). Fixtures: tests/data/languages/."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit import language
from teikit.cli import app
from teikit.convert import convert_paths, settle_language
from teikit.deposit import DepositOptions, make_package
from teikit.ingest import ingest_bytes, ingest_file
from teikit.model import SourceMeta
from teikit.options import ConvertOptions

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "languages"
FIXTURES = {"en": DATA / "en_trade_talks.txt", "fr": DATA / "fr_budget_municipal.txt",
            "zh": DATA / "zh_rail_line.txt", "vi": DATA / "vi_hop_bao.txt",
            "ar": DATA / "ar_school_plan.txt", "hi": DATA / "hi_monsoon_warning.txt", "th": DATA / "th_flood_pumps.txt"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEI = "{http://www.tei-c.org/ns/1.0}"
runner = CliRunner()


def text_of(code: str) -> str:
    return ingest_file(FIXTURES[code]).text


def convert_one(tmp_path, source: Path, **options):
    src = tmp_path / "src"
    src.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, src / source.name)
    report = convert_paths([src / source.name], tmp_path / "tei", ConvertOptions(**options))
    assert report.ok, report.failures
    return etree.parse(str(tmp_path / "tei" / f"{source.stem}.xml")), report


@pytest.mark.parametrize("code", sorted(FIXTURES))
def test_each_fixture_is_detected_as_its_language(code):
    detected, probability = language.detect(text_of(code))
    assert detected == code
    assert probability >= language.CONFIDENT
    decision = language.decide(text_of(code))
    assert (decision.language, decision.source, decision.warning) == (code, language.DETECTED, None)


@pytest.mark.parametrize("text", ["", "EU", "Hà Nội", "2024-05-06", "OK " * 30, "The White House said on Monday."])
def test_a_short_text_falls_back_to_the_default(text):
    decision = language.decide(text)
    assert (decision.language, decision.source) == (language.DEFAULT_LANGUAGE, language.DEFAULT) == ("vi", "default")


def test_the_sidecar_beats_the_option_and_the_option_beats_detection():
    english = text_of("en")
    assert language.decide(english, stated="fr", option="de") == language.Decision("fr", language.STATED)
    assert language.decide(english, option="de") == language.Decision("de", language.OPTION)
    assert language.decide(english, option="EN_gb").language == "en-GB"


def test_a_declaration_the_text_agrees_with_holds():
    decision = language.decide(text_of("en"), declared="en-US")
    assert (decision.language, decision.source, decision.warning) == ("en-US", language.DECLARED, None)


def test_a_declaration_holds_where_the_text_cannot_tell():
    decision = language.decide("EU summit: short note", declared="en")
    assert (decision.language, decision.source, decision.warning) == ("en", language.DECLARED, None)
    # a declaration that is no language tag is no declaration
    assert language.decide(text_of("fr"), declared="français!").language == "fr"


def test_a_declaration_the_text_contradicts_loses_with_a_warning():
    decision = language.decide(text_of("en"), declared="vi")
    assert (decision.language, decision.source) == ("en", language.DETECTED)
    assert decision.warning == ("the page declares its language Vietnamese (vi), but its text is English (en) "
                                "(probability 1.00): written as en")


def test_chinese_whose_probability_the_detector_splits_with_wu_is_chinese():
    """The detector gives this page's text zh 0.73 and wuu 0.27: together, Chinese for certain."""
    article = ingest_file(ROOT / "tests" / "data" / "html" / "xinhua_metro.html")
    assert article.meta.declared_language is None
    assert language.decide(article.text) == language.Decision("zh", language.DETECTED, "zh", 1.0)


def test_a_wu_or_cantonese_label_is_written_as_chinese():
    assert language.detect("国务院总理李强在北京主持召开国务院常务会议，研究部署进一步推动经济发展的政策措施和下一阶段重点工作安排")[0] == "zh"


def test_settle_language_takes_the_sidecar_the_option_and_the_page(tmp_path):
    english = FIXTURES["en"].read_bytes()
    article = ingest_bytes(english, "a.txt")
    assert article.meta.language == "vi" and article.meta.stated_language is None
    assert settle_language(article)[0].meta.language == "en"
    assert settle_language(article, ConvertOptions(language="fr"))[0].meta.language == "fr"
    stated = ingest_bytes(english, "a.txt", meta={"language": "de"})
    assert settle_language(stated, ConvertOptions(language="fr"))[0].meta.language == "de"
    from dataclasses import replace
    declared = replace(article, meta=SourceMeta(declared_language="vi"))
    settled, warning = settle_language(declared)
    assert settled.meta.language == "en" and warning.startswith("the page declares its language Vietnamese (vi)")


@pytest.mark.parametrize("code", sorted(FIXTURES))
def test_xml_lang_and_lang_usage_are_the_detected_language(tmp_path, code):
    tree, report = convert_one(tmp_path, FIXTURES[code])
    root = tree.getroot()
    assert root.get(XML_LANG) == code
    assert root.find(f"{TEI}text").get(XML_LANG) is None  # it inherits the TEI's
    usage = root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}langUsage/{TEI}language")
    assert usage.get("ident") == code
    assert usage.text == {"en": "English", "fr": "French", "zh": "Chinese", "vi": "Vietnamese", "ar": "Arabic",
                          "hi": "Hindi", "th": "Thai"}[code]
    assert not [w for w in report.warnings if "declares" in w]


def test_the_language_option_and_the_sidecar_are_honoured(tmp_path):
    tree, _ = convert_one(tmp_path / "option", FIXTURES["en"], language="en-GB")
    assert tree.getroot().get(XML_LANG) == "en-GB"
    src = tmp_path / "sidecar"
    src.mkdir()
    shutil.copy(FIXTURES["fr"], src / "fr.txt")
    (src / "fr.meta.json").write_text(json.dumps({"language": "vi"}), encoding="utf-8")
    report = convert_paths([src], tmp_path / "out", ConvertOptions(language="en"))
    assert report.ok
    assert etree.parse(str(tmp_path / "out" / "fr.xml")).getroot().get(XML_LANG) == "vi"


def test_cli_language_option(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(FIXTURES["vi"], src / "vi.txt")
    result = runner.invoke(app, ["convert", str(src), "-o", str(tmp_path / "tei"), "--language", "fr"])
    assert result.exit_code == 0, result.output
    assert etree.parse(str(tmp_path / "tei" / "vi.xml")).getroot().get(XML_LANG) == "fr"
    bad = runner.invoke(app, ["convert", str(src), "-o", str(tmp_path / "tei2"), "--language", "not a tag"])
    assert bad.exit_code == 2
    assert bad.output.strip() == "error: --language not a tag: not a language tag such as vi, en or zh-TW"
    assert not (tmp_path / "tei2").exists()


def test_a_sidecar_language_that_is_no_tag_fails_that_article(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(FIXTURES["en"], src / "en.txt")
    (src / "en.meta.json").write_text(json.dumps({"language": "English"}), encoding="utf-8")
    report = convert_paths([src], tmp_path / "tei")
    assert [f.message for f in report.failures] == [
        f"{src / 'en.meta.json'}: 'language' must be a language tag such as vi, en or zh-TW, not 'English'"]


def test_deposit_metadata_carries_the_texts_language(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for code, path in FIXTURES.items():
        shutil.copy(path, src / path.name)
    assert convert_paths([src], tmp_path / "tei").ok
    make_package([tmp_path / "tei"], tmp_path / "bag", DepositOptions(format="dir", editions=False))
    rows = csv.DictReader(io.StringIO((tmp_path / "bag" / "data/metadata/metadata.csv").read_text(encoding="utf-8")))
    assert {row["filename"]: row["dc.language"] for row in rows} == {
        f"data/tei/{path.stem}.xml": code for code, path in FIXTURES.items()}


def _page(lang: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{paragraphs[0]}</title></head>'
            f"<body><article><h1>{paragraphs[0]}</h1>{body}</article></body></html>")


def test_a_web_page_whose_declaration_its_text_contradicts(tmp_path):
    """A page declaring lang="vi" over English text: English is written, and one warning says why."""
    paragraphs = [p for p in FIXTURES["en"].read_text(encoding="utf-8").split("\n\n") if p.strip()]
    src = tmp_path / "src"
    src.mkdir()
    (src / "wrong.html").write_text(_page("vi", paragraphs), encoding="utf-8")
    (src / "right.html").write_text(_page("en-GB", paragraphs), encoding="utf-8")
    report = convert_paths([src], tmp_path / "tei")
    assert report.ok, report.failures
    langs = {name: etree.parse(str(tmp_path / "tei" / f"{name}.xml")).getroot().get(XML_LANG) for name in ("wrong", "right")}
    assert langs == {"wrong": "en", "right": "en-GB"}  # the page's own tag, its region kept
    assert [w for w in report.warnings if "declares" in w] == [
        f"{src / 'wrong.html'}: the page declares its language Vietnamese (vi), but its text is English (en) "
        "(probability 1.00): written as en"]


@pytest.mark.parametrize("declared, written", [
    ('<html lang="zh-TW">', "zh-TW"), ('<html lang="zh-hant-tw">', "zh-Hant-TW"),
    ('<html><meta property="og:locale" content="pt_BR">', "pt-BR"), ('<html lang="deu">', "de"),
    ('<html lang="x">', None), ("<html>", None)])
def test_a_page_declares_its_language_tag_whole_as_bcp_47_writes_it(declared, written):
    """zh-TW was written "zh": the region that tells Traditional from Simplified Chinese was lost."""
    from lxml import html as lxml_html
    from teikit.ingest.html import page_language

    assert page_language(lxml_html.fromstring(declared + "<body><p>x</p></body></html>")) == written


def test_the_letter_count_that_lets_the_detector_speak_counts_letters_only():
    from teikit.language import MIN_LETTERS, has_letters

    assert has_letters("ă" * MIN_LETTERS, MIN_LETTERS)
    assert not has_letters("ă" * (MIN_LETTERS - 1) + " 1234567890 ,.;!", MIN_LETTERS)
    assert has_letters("1 " * 50 + "Đ" * MIN_LETTERS, MIN_LETTERS)
    assert has_letters("", 0) and not has_letters("", 1)


@pytest.mark.parametrize("code, name", [("ar", "Arabic (ar)"), ("fa", "Persian (fa)"), ("he", "Hebrew (he)"),
                                        ("tr", "Turkish (tr)"), ("xx", "xx")])
def test_messages_name_the_languages_of_the_news(code, name):
    # Arabic and Persian were named by their codes alone ("warning: ar: persons, …").
    assert language.name_of(code) == name


@pytest.mark.parametrize("value, tag", [("deu", "de"), ("ger", "de"), ("fre-CA", "fr-CA"), ("en-gb", "en-GB"),
                                        ("vi", "vi"), ("zh-Hant-TW", "zh-Hant-TW"), ("x", None), ("", None),
                                        (None, None), ("1234", None)])
def test_a_three_letter_code_is_written_as_bcp_47_writes_it(value, tag):
    assert language.canonical_tag(value) == tag


def test_a_thai_year_of_the_buddhist_era_is_read_as_the_gregorian_year():
    # languages.tsv's era: Thai writes the Buddhist Era, 543 years ahead, in 2200-2742
    thai = language.info("th-TH")
    assert thai.era == (2200, 2742, 543)
    assert [thai.gregorian(y) for y in (2567, 2200, 2742, 2199, 2024, 2743)] == [2024, 1657, 2199, 2199, 2024, 2743]
    assert language.info("en").era is None and language.info("en").gregorian(2567) == 2567
    assert language.info("xx").gregorian(2567) == 2567
    assert language.gregorian_date("2567-03-05", "th") == "2024-03-05"
    assert language.gregorian_date("2567-03", "th") == "2024-03"
    assert language.gregorian_date("2024-03-05", "th") == "2024-03-05"
    assert language.gregorian_date("2567-03-05", "vi") == "2567-03-05"
    assert language.gregorian_date("2568-02-29", "th") is None  # 2025 has no 29 February


def test_an_era_not_of_its_form_is_an_error_naming_the_file():
    with pytest.raises(language.ToolkitError, match="languages.tsv.*era of 'th'"):
        language._era({"code": "th", "era": "2700-2400:543"})
