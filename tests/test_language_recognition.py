"""Which recogniser runs on which language (recognise/registry.py), and the dates marked in text
that is not Vietnamese (recognise/anydates.py). Fixtures: tests/data/languages/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.convert import convert_paths
from teikit.convertpasses import not_recognised_line
from teikit.model import ABBR, DATE, ORG, PERSON, PLACE, ROLE
from teikit.options import ConvertOptions
from teikit.recognise import Context
from teikit.recognise.anydates import DatesRecogniser, find_any_dates
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.registry import ByLanguage, not_recognised, recognition_for
from teikit.recognise.rules import RulesRecogniser
from teikit.validate import iter_errors

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "languages"
FIXTURES = {"en": DATA / "en_trade_talks.txt", "fr": DATA / "fr_budget_municipal.txt",
            "zh": DATA / "zh_rail_line.txt", "vi": DATA / "vi_hop_bao.txt",
            "ar": DATA / "ar_school_plan.txt", "hi": DATA / "hi_monsoon_warning.txt", "th": DATA / "th_flood_pumps.txt"}
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
NAMES = ".//tei:text//tei:persName | .//tei:text//tei:orgName | .//tei:text//tei:placeName | " \
        ".//tei:text//tei:roleName | .//tei:text//tei:choice"
NOT_RECOGNISED = "persons, organisations, places, roles and abbreviations are not recognised in this language, only dates"
# English, French, Spanish, Portuguese, Italian, Dutch, Indonesian and German (names by their word lists)
NOT_RECOGNISED_EN = ("roles and abbreviations are not recognised in this language, only persons, organisations, places "
                     "and dates")
runner = CliRunner()


def convert(tmp_path, *codes, **options):
    src = tmp_path / "src"
    src.mkdir(parents=True, exist_ok=True)
    for code in codes:
        shutil.copy(FIXTURES[code], src / FIXTURES[code].name)
    report = convert_paths([src], tmp_path / "tei", ConvertOptions(**options))
    assert report.ok, report.failures
    trees = {code: etree.parse(str(tmp_path / "tei" / f"{FIXTURES[code].stem}.xml")) for code in codes}
    return trees, report, src


def dates_of(tree) -> list[tuple[str, str | None]]:
    """(text, @when), or (text, "notBefore..notAfter") for a date that may be read two ways."""
    return [("".join(d.itertext()), d.get("when") or f"{d.get('notBefore')}..{d.get('notAfter')}")
            for d in tree.iterfind(".//tei:text//tei:date", NS)]


# --- the registry ----------------------------------------------------------------------------

def test_vietnamese_has_the_rules_english_french_spanish_portuguese_italian_dutch_and_indonesian_their_word_lists_and_every_other_language_the_dates_recogniser():
    chosen = ByLanguage()
    assert isinstance(chosen("vi"), RulesRecogniser) and chosen("vi-VN") is chosen("vi")
    assert isinstance(chosen("en"), CapitalsRecogniser) and chosen("en-GB") is chosen("en")
    assert isinstance(chosen("fr"), CapitalsRecogniser) and chosen("fr-CA") is chosen("fr")
    assert isinstance(chosen("es"), CapitalsRecogniser) and chosen("es-MX") is chosen("es")
    assert chosen("fr").code == "fr" and chosen("fr") is not chosen("en")
    assert isinstance(chosen("pt"), CapitalsRecogniser) and chosen("pt-BR") is chosen("pt") is chosen("pt-PT")
    assert chosen("es").code == "es" and chosen("es") is not chosen("fr")
    assert chosen("pt").code == "pt" and chosen("pt") is not chosen("es")
    assert isinstance(chosen("it"), CapitalsRecogniser) and chosen("it-CH") is chosen("it")
    assert chosen("it").code == "it" and chosen("it") is not chosen("pt")
    assert isinstance(chosen("nl"), CapitalsRecogniser) and chosen("nl-BE") is chosen("nl") is chosen("nl-NL")
    assert chosen("nl").code == "nl" and chosen("nl") is not chosen("it")
    assert isinstance(chosen("id"), CapitalsRecogniser) and chosen("id-ID") is chosen("id")
    assert chosen("id").code == "id" and chosen("id") is not chosen("nl")
    assert isinstance(chosen("de"), CapitalsRecogniser) and chosen("de-AT") is chosen("de") is chosen("de-CH")
    assert chosen("de").code == "de" and chosen("de") is not chosen("nl")
    for tag in ("zh", "zh-TW", "pl", "ru", "sw"):
        assert isinstance(chosen(tag), DatesRecogniser)
    assert chosen("ru") is chosen("pl")  # one per registry entry
    assert not_recognised("vi") == ()
    assert not_recognised("en") == not_recognised("fr") == not_recognised("es") == not_recognised("pt") \
        == not_recognised("it") == not_recognised("nl") == not_recognised("id") == not_recognised("de") == (ROLE, ABBR)
    assert not_recognised("pl") == (PERSON, ORG, PLACE, ROLE, ABBR)
    assert recognition_for("pl").types == {DATE}


def test_a_callers_own_recogniser_stands_in_for_the_vietnamese_one():
    mine = DatesRecogniser()
    assert ByLanguage(given=mine)("vi") is mine


# --- English and French (names by their word lists), Chinese: valid TEI, one line per language --

def test_english_text_gets_its_own_names_and_no_vietnamese_markup_or_expansion(tmp_path):
    trees, report, src = convert(tmp_path, "en")
    tree = trees["en"]
    written = (tmp_path / "tei" / "en_trade_talks.xml").read_text(encoding="utf-8")
    assert "Liên minh châu Âu" not in written and not tree.xpath(".//tei:choice | .//tei:roleName", namespaces=NS)
    names = [(etree.QName(e).localname, "".join(e.itertext()))
             for e in tree.xpath(".//tei:text//tei:persName | .//tei:text//tei:orgName | .//tei:text//tei:placeName",
                                 namespaces=NS)]
    assert names == [("orgName", "EU"), ("placeName", "US"), ("placeName", "Brussels"), ("orgName", "EU"),
                     ("placeName", "United States"), ("placeName", "Brussels"), ("orgName", "White House"),
                     ("orgName", "European Commission"), ("placeName", "Washington"), ("placeName", "Ohio"),
                     ("placeName", "Pennsylvania"), ("placeName", "Geneva")]
    assert [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in tree.iterfind(".//tei:standOff//tei:org", NS)] == [
        "org-eu", "org-white-house", "org-european-commission"]
    assert {e.get("resp") for e in tree.xpath(NAMES + " | .//tei:text//tei:date", namespaces=NS)} == {"#ner-capitals"}
    assert tree.xpath("//tei:appInfo/tei:application[@xml:id='app-ner-capitals']/tei:label/text()", namespaces=NS) == [
        "capitalised names and word lists"]
    assert report.warnings == [f"English (en): {NOT_RECOGNISED_EN}; 1 article: {src / 'en_trade_talks.txt'}"]


def test_english_dates_are_marked_and_an_ambiguous_one_has_bounds_not_when(tmp_path):
    trees, _, _ = convert(tmp_path, "en")
    assert dates_of(trees["en"]) == [
        ("2024-05-06", "2024-05-06"), ("May 6, 2024", "2024-05-06"), ("30/06/2024", "2024-06-30"),
        ("06/05/2024", "2024-05-06..2024-06-05")]


def test_french_text_gets_its_own_names_and_day_first_dates(tmp_path):
    trees, report, src = convert(tmp_path, "fr")
    tree = trees["fr"]
    assert not tree.xpath(".//tei:choice | .//tei:roleName", namespaces=NS)
    names = [(etree.QName(e).localname, "".join(e.itertext()))
             for e in tree.xpath(".//tei:text//tei:persName | .//tei:text//tei:orgName | .//tei:text//tei:placeName",
                                 namespaces=NS)]
    assert names == [("persName", "Claire Dumoulin"), ("orgName", "préfecture du Rhône"), ("persName", "Berthier"),
                     ("placeName", "Villeurbanne")]
    assert {e.get("resp") for e in tree.xpath(NAMES + " | .//tei:text//tei:date", namespaces=NS)} == {"#ner-capitals"}
    assert dates_of(tree) == [
        ("6 mai 2024", "2024-05-06"), ("06/05/2024", "2024-05-06"), ("1er juillet 2024", "2024-07-01")]
    assert report.warnings == [f"French (fr): {NOT_RECOGNISED_EN}; 1 article: {src / 'fr_budget_municipal.txt'}"]


def test_chinese_dates_are_marked(tmp_path):
    trees, _, _ = convert(tmp_path, "zh")
    assert trees["zh"].xpath(NAMES, namespaces=NS) == []
    assert dates_of(trees["zh"]) == [("2024年5月6日", "2024-05-06"), ("2024-06-01", "2024-06-01")]


def test_vietnamese_text_keeps_its_rules_and_says_nothing(tmp_path):
    trees, report, _ = convert(tmp_path, "vi")
    tree = trees["vi"]
    persons = tree.xpath(".//tei:text//tei:persName/text()", namespaces=NS)
    assert "Trần Thế Cương" in persons
    assert "Sở Giáo dục và Đào tạo Hà Nội" in ["".join(o.itertext()) for o in tree.iterfind(".//tei:text//tei:orgName", NS)]
    assert ("6/5/2024", "2024-05-06") in dates_of(tree)
    assert report.warnings == []


def test_one_line_per_language_for_a_batch(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n in range(5):
        shutil.copy(FIXTURES["en"], src / f"en{n}.txt")
    shutil.copy(FIXTURES["fr"], src / "fr.txt")
    shutil.copy(FIXTURES["vi"], src / "vi.txt")
    report = convert_paths([src], tmp_path / "tei")
    assert report.ok
    assert report.warnings == [
        f"English (en): {NOT_RECOGNISED_EN}; 5 articles: {src / 'en0.txt'}, {src / 'en1.txt'}, {src / 'en2.txt'} and 2 more",
        f"French (fr): {NOT_RECOGNISED_EN}; 1 article: {src / 'fr.txt'}"]


def test_the_language_decides_which_rules_run(tmp_path):
    """--language vi on English text runs the Vietnamese rules ("EU" expanded); --language en on
    Vietnamese text runs none of them."""
    trees, report, _ = convert(tmp_path / "vi", "en", language="vi")
    assert trees["en"].xpath(".//tei:choice/tei:expan/text()", namespaces=NS).count("Liên minh châu Âu") >= 1
    assert report.warnings == []
    trees, report, _ = convert(tmp_path / "en", "vi", language="en")
    assert trees["vi"].xpath(NAMES, namespaces=NS) == []
    assert ("6/5/2024", "2024-05-06..2024-06-05") in dates_of(trees["vi"])  # read as English would


def test_cli_prints_the_line_and_exits_0(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(FIXTURES["zh"], src / "zh.txt")
    result = runner.invoke(app, ["convert", str(src), "-o", str(tmp_path / "tei")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"warning: Chinese (zh): {NOT_RECOGNISED}; 1 article: {src / 'zh.txt'}",
        f"1 of 1 converted into {tmp_path / 'tei'}"]


# --- the dates of any language -----------------------------------------------------------------

@pytest.mark.parametrize("language, text, expected", [
    ("en", "on 2024-05-06.", [("2024-05-06", "2024-05-06")]),
    ("en", "at 2024-05-06T10:00 UTC", [("2024-05-06", "2024-05-06")]),
    ("en", "on 2024/5/6", [("2024/5/6", "2024-05-06")]),
    ("en", "06/05/2024", [("06/05/2024", "2024-05-06..2024-06-05")]),
    ("en", "12/31/2024 and 31/12/2024", [("12/31/2024", "2024-12-31"), ("31/12/2024", "2024-12-31")]),
    ("en", "06/06/2024", [("06/06/2024", "2024-06-06")]),
    ("fr", "06/05/2024", [("06/05/2024", "2024-05-06")]),
    ("fr", "12/31/2024", []),
    ("de", "am 6.5.2024 und am 6. Mai 2024", [("6.5.2024", "2024-05-06"), ("6. Mai 2024", "2024-05-06")]),
    ("es", "el 6 de mayo de 2024", [("6 de mayo de 2024", "2024-05-06")]),
    ("es", "desde octubre de 2024 y en mayo 2025", [("octubre de 2024", "2024-10"), ("mayo 2025", "2025-05")]),
    ("es", "MADRID, 12 mar (EFE).- El mar está en calma.", [("12 mar", "--03-12")]),
    ("es", "Estuvieron en el mar 12 días; la sep 5 ganó. El 3 mar 2024 llovió.", [("3 mar 2024", "2024-03-03")]),
    ("pt", "Lisboa, 5 jul (Lusa) – O set 6 foi duro.", [("5 jul", "--07-05")]),
    ("pt", "desde outubro de 2024", [("outubro de 2024", "2024-10")]),
    ("pt", "a partir de 1º de agosto de 2025", [("1º de agosto de 2025", "2025-08-01")]),
    ("es", "el 1º de mayo de 2024", [("1º de mayo de 2024", "2024-05-01")]),
    ("pt", "Lisboa, 12 mar (Lusa) – O mar está calmo.", [("12 mar", "--03-12")]),
    ("ru", "Встреча прошла 6 мая 2024 года, а в марте 2023 и в май 2022", [
        ("6 мая 2024", "2024-05-06"), ("марте 2023", "2023-03"), ("май 2022", "2022-05")]),
    ("pl", "6 maja 2024 r., w marcu 2023", [("6 maja 2024", "2024-05-06"), ("marcu 2023", "2023-03")]),
    ("it", "il 1º maggio 2024", [("1º maggio 2024", "2024-05-01")]),
    ("pt", "em 6 de maio de 2024", [("6 de maio de 2024", "2024-05-06")]),
    ("nl", "op 6 mei 2024", [("6 mei 2024", "2024-05-06")]),
    ("id", "pada 17 Agustus 2024", [("17 Agustus 2024", "2024-08-17")]),
    ("id", "Senin (12/2/2025) dan 10 Nopember 1945", [("12/2/2025", "2025-02-12"), ("10 Nopember 1945", "1945-11-10")]),
    ("ms", "pada 31 Ogos 2024", [("31 Ogos 2024", "2024-08-31")]),
    ("en", "May 6th, 2024; 6th May 2024; Sept. 2024", [("May 6th, 2024", "2024-05-06"), ("6th May 2024", "2024-05-06"),
                                                       ("Sept. 2024", "2024-09")]),
    # months abbreviated with a full stop, as news writes them; a date ends before a stop its month ends in
    ("fr", "le 12 févr. 2025, le 3 janv. 2024 et le 1er déc.", [("12 févr. 2025", "2025-02-12"), ("3 janv. 2024", "2024-01-03"),
                                                               ("1er déc", "--12-01")]),
    ("de", "am 12. Feb. 2025 und am 3. Sept. 2024", [("12. Feb. 2025", "2025-02-12"), ("3. Sept. 2024", "2024-09-03")]),
    ("es", "el 12 de feb. de 2025 y el 3 ene. 2024", [("12 de feb. de 2025", "2025-02-12"), ("3 ene. 2024", "2024-01-03")]),
    ("it", "Roma, 5 giu. (Adnkronos) - il 3 sett. 2024", [("5 giu", "--06-05"), ("3 sett. 2024", "2024-09-03")]),
    ("pt", "em 3 fev. 2024 e 5 out. 2023", [("3 fev. 2024", "2024-02-03"), ("5 out. 2023", "2023-10-05")]),
    ("nl", "op 12 feb. 2025 en 3 mrt. 2024", [("12 feb. 2025", "2025-02-12"), ("3 mrt. 2024", "2024-03-03")]),
    ("ru", "12 февр. 2025 и 3 сент. 2024", [("12 февр. 2025", "2025-02-12"), ("3 сент. 2024", "2024-09-03")]),
    ("th", "5 มี.ค. และ", [("5 มี.ค.", "--03-05")]),  # a stop within the abbreviation: the last one is its own
    # the first date of a range or pair takes the year of the second (it took the reference year)
    ("en", "from July 4 to July 7, 2023", [("July 4", "2023-07-04"), ("July 7, 2023", "2023-07-07")]),
    ("fr", "du 4 juillet au 7 juillet 2023", [("4 juillet", "2023-07-04"), ("7 juillet 2023", "2023-07-07")]),
    ("en", "on July 4. On July 7, 2023", [("July 4", "--07-04"), ("July 7, 2023", "2023-07-07")]),  # a sentence apart
    ("en", "December 30 to January 2, 2024", [("December 30", "--12-30"), ("January 2, 2024", "2024-01-02")]),  # the year before
    # Greek (genitive, accusative), Hebrew (its "in" glued to the month, outside a date that opens with it),
    # Turkish, Ukrainian, Korean
    ("el", "από 1 Ιανουαρίου 2024 και τον Μάρτιο 2025", [("1 Ιανουαρίου 2024", "2024-01-01"), ("Μάρτιο 2025", "2025-03")]),
    ("he", "ב-24 במאי 2023 ובינואר 2024", [("24 במאי 2023", "2023-05-24"), ("ינואר 2024", "2024-01")]),
    ("he", "במאי הסרט", []),  # "the film's director": a month's letters with no day or year
    ("tr", "20 Mart 2023'te ve 5 Kasım 2024", [("20 Mart 2023", "2023-03-20"), ("5 Kasım 2024", "2024-11-05")]),
    ("uk", "12 березня 2024 року", [("12 березня 2024", "2024-03-12")]),
    ("ko", "2023년 10월 7일부터", [("2023년 10월 7일", "2023-10-07")]),
    ("en", "Theresa May said she may go in May.", []),
    ("en", "on May 6 the vote", [("May 6", "--05-06")]),
    ("zh", "2024年5月", [("2024年5月", "2024-05")]),
    ("sw", "tarehe 06/05/2024", [("06/05/2024", "2024-05-06..2024-06-05")]),
    ("en", "31/04/2024 29/02/2023 1/1/999 12/05/2024/QD 112/05/2024", []),
    ("en", "29/02/2024", [("29/02/2024", "2024-02-29")]),
    # Arabic: the Egyptian and Gulf, the Maghreb and the Levantine months; Arabic-Indic digits
    ("ar", "في 5 مارس 2024 وستبدأ في 12 يناير 2025", [("5 مارس 2024", "2024-03-05"), ("12 يناير 2025", "2025-01-12")]),
    ("ar", "بين 5 و12 يناير 2025", [("12 يناير 2025", "2025-01-12")]),  # "و" (and) is written glued to the number
    ("ar", "٥ مارس ٢٠٢٤ و١٢/٠٥/٢٠٢٤", [("٥ مارس ٢٠٢٤", "2024-03-05"), ("١٢/٠٥/٢٠٢٤", "2024-05-12")]),
    ("ar", "3 آذار 2024 و15 كانون الثاني 2025 و1 تشرين الأول 2023 و9 آب 2022", [
        ("3 آذار 2024", "2024-03-03"), ("15 كانون الثاني 2025", "2025-01-15"), ("1 تشرين الأول 2023", "2023-10-01"),
        ("9 آب 2022", "2022-08-09")]),
    ("ar", "14 جويلية 2024 و15 أوت 2023 و2 أفريل 2024 و1 ماي 2024 و7 إبريل 2024 و7 ابريل 2024 و30 يونيه 2024", [
        ("14 جويلية 2024", "2024-07-14"), ("15 أوت 2023", "2023-08-15"), ("2 أفريل 2024", "2024-04-02"),
        ("1 ماي 2024", "2024-05-01"), ("7 إبريل 2024", "2024-04-07"), ("7 ابريل 2024", "2024-04-07"),
        ("30 يونيه 2024", "2024-06-30")]),
    ("ar", "منذ أيار 2023 حتى مارس ٢٠٢٤", [("أيار 2023", "2023-05"), ("مارس ٢٠٢٤", "2024-03")]),
    # a month of two words written across two spaces or a line break (raised KeyError: looked up unfolded)
    ("ar", "في 5 كانون  الثاني 2024 و7 تشرين\nالأول 2023", [("5 كانون  الثاني 2024", "2024-01-05"),
                                                           ("7 تشرين\nالأول 2023", "2023-10-07")]),
    ("ar", "في 5\u200f مارس 2024\u200f", [("5\u200f مارس 2024", "2024-03-05")]),  # a right-to-left mark beside a space
    ("ar", "مارس الرياضة منذ 5 أعوام؛ الرقم ١١٢/٠٥/٢٠٢٤", []),  # the verb "مارس" (practised); digits glued to more
    ("fa", "۵ مارس ۲۰۲۴ و ۱ ژانویهٔ ۲۰۲۵", [("۵ مارس ۲۰۲۴", "2024-03-05"), ("۱ ژانویهٔ ۲۰۲۵", "2025-01-01")]),
    # Hindi: with and without the nukta (NFC writes फ़ as फ and the nukta), Devanagari digits
    ("hi", "5 मार्च 2024 को और 12 जनवरी 2025 तक", [("5 मार्च 2024", "2024-03-05"), ("12 जनवरी 2025", "2025-01-12")]),
    ("hi", "५ मार्च २०२४ से", [("५ मार्च २०२४", "2024-03-05")]),
    ("hi", "1 फ़रवरी 2024, 2 फ\u095eरवरी 2024, 3 फरवरी 2024, 30 सितंबर 2024, 30 सितम्बर 2024, 1 दिसम्बर 2024", [
        ("1 फ़रवरी 2024", "2024-02-01"), ("3 फरवरी 2024", "2024-02-03"), ("30 सितंबर 2024", "2024-09-30"),
        ("30 सितम्बर 2024", "2024-09-30"), ("1 दिसम्बर 2024", "2024-12-01")]),  # U+095E is no NFC: the text never holds it
    ("hi", "5 मार्च, 2024 और 5 जूनियर टीमें", [("5 मार्च, 2024", "2024-03-05")]),  # "जूनियर" goes on after "जून"
    # Thai: full names and abbreviations, Thai digits, years of the Buddhist Era (2567 is 2024)
    ("th", "เมื่อวันที่ 5 มีนาคม 2567 และ 12 มกราคม 2568", [("5 มีนาคม 2567", "2024-03-05"), ("12 มกราคม 2568", "2025-01-12")]),
    ("th", "5 มี.ค. 2567 ม.ค. 2568 1 ธ.ค. 2566 8 พ.ค. 2567", [
        ("5 มี.ค. 2567", "2024-03-05"), ("ม.ค. 2568", "2025-01"), ("1 ธ.ค. 2566", "2023-12-01"), ("8 พ.ค. 2567", "2024-05-08")]),
    ("th", "๕ มีนาคม ๒๕๖๗ และ ๕/๓/๒๕๖๗", [("๕ มีนาคม ๒๕๖๗", "2024-03-05"), ("๕/๓/๒๕๖๗", "2024-03-05")]),
    ("th", "5 มีนาคม พ.ศ. 2567 หรือ 5 มีนาคม ค.ศ. 2024", [("5 มีนาคม พ.ศ. 2567", "2024-03-05"), ("5 มีนาคม ค.ศ. 2024", "2024-03-05")]),
    # 29 February 2024 is a leap day, 2025's none (its month and year stay a date)
    ("th", "29 ก.พ. 2567 ไม่ใช่ 29 ก.พ. 2568; 5/3/2567 2567-03-05 6 เมษายน 2325", [
        ("29 ก.พ. 2567", "2024-02-29"), ("ก.พ. 2568", "2025-02"), ("5/3/2567", "2024-03-05"), ("2567-03-05", "2024-03-05"), ("6 เมษายน 2325", "1782-04-06")]),
    ("th", "5 มีนาคม 2743", []),  # past the era's years: no date
    ("en", "5 March 2567", []),  # only Thai writes the Buddhist Era
])
def test_dates_of_any_language(language, text, expected):
    found = DatesRecogniser().find(text, Context(language=language))
    values = [dict(m.attrs) for m in found]
    assert [(text[m.start:m.end], v.get("when") or f"{v['notBefore']}..{v['notAfter']}") for m, v in zip(found, values)] == expected
    assert all(m.type == DATE and m.resp == "dates" for m in found)


def test_a_day_and_month_take_the_reference_year():
    text = "on May 6 and on 7 May"
    found = find_any_dates(text, "en", "2024-05-10")
    assert sorted((text[c.start:c.end], dict(c.attrs)["when"]) for c in found) == [
        ("7 May", "2024-05-07"), ("May 6", "2024-05-06")]


# --- Arabic, Hindi and Thai: dates only, and their date lines ----------------------------------

@pytest.mark.parametrize("code, name, published, dates", [
    ("ar", "Arabic", ("2024-03-05", "5 مارس 2024", "الأربعاء، 5 مارس 2024"), [
        ("5 مارس 2024", "2024-03-05"), ("١٢ يناير ٢٠٢٥", "2025-01-12"), ("3 آذار 2024", "2024-03-03"),
        ("15 كانون الثاني 2025", "2025-01-15"), ("14 جويلية 2024", "2024-07-14"), ("20/02/2024", "2024-02-20")]),
    ("hi", "Hindi", ("2024-03-05", "5 मार्च 2024", "बुधवार, 5 मार्च 2024"), [
        ("5 मार्च 2024", "2024-03-05"), ("1 फ़रवरी 2023", "2023-02-01"), ("५ मार्च २०२४", "2024-03-05"),
        ("30 सितम्बर 2024", "2024-09-30"), ("10 फरवरी", "2024-02-10"),  # the year of the date line
        ("15/01/2024", "2024-01-15")]),
    ("th", "Thai", ("2024-03-05", "5 มีนาคม 2567", "วันพุธที่ 5 มีนาคม 2567 เวลา 10:30 น."), [
        ("5 มีนาคม 2567", "2024-03-05"), ("12 ม.ค. 2568", "2025-01-12"), ("๒๙ กุมภาพันธ์ ๒๕๖๗", "2024-02-29"),
        ("5 มีนาคม พ.ศ. 2568", "2025-03-05"), ("15/01/2567", "2024-01-15"), ("20 มกราคม ค.ศ. 2024", "2024-01-20")]),
])
def test_arabic_hindi_and_thai_get_their_dates_and_the_date_line_is_the_publication_date(tmp_path, code, name,
                                                                                         published, dates):
    # Their month names were no data: no date was marked, the date line stayed a paragraph.
    trees, report, src = convert(tmp_path, code)
    tree = trees[code]
    assert dates_of(tree) == dates
    assert {e.get("resp") for e in tree.iterfind(".//tei:text//tei:date", NS)} == {"#ner-dates"}
    bibl = tree.find(".//tei:sourceDesc/tei:bibl[@type='source']", NS)
    assert (bibl.find("tei:date", NS).get("when"), bibl.findtext("tei:date", namespaces=NS),
            bibl.findtext("tei:note[@type='dateline']", namespaces=NS)) == published
    assert published[2] not in ["".join(p.itertext()) for p in tree.iterfind(".//tei:body//tei:p", NS)]
    # the warning's "only dates" is true of them now
    assert report.warnings == [f"{name} ({code}): {NOT_RECOGNISED}; 1 article: {src / FIXTURES[code].name}"]


def test_an_arabic_date_is_the_span_of_its_words_in_the_text_as_stored(tmp_path):
    """Right to left as it is shown, the text is kept in reading order: a date's element holds
    its words, and what stands before and after it is the text's own."""
    trees, _, _ = convert(tmp_path, "ar")
    first = trees["ar"].find(".//tei:body//tei:p", NS)
    dates = first.findall("tei:date", NS)
    assert [first.text, dates[0].text, dates[0].tail, dates[1].text] == [
        "أعلنت وزارة التعليم يوم ", "5 مارس 2024",
        " عن خطة جديدة لتطوير المدارس الحكومية في جميع المحافظات، على أن يبدأ تنفيذ المرحلة الأولى منها في ",
        "١٢ يناير ٢٠٢٥"]


def test_a_thai_numeric_date_line_in_the_buddhist_era_gives_the_gregorian_publication_date(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    body = FIXTURES["th"].read_text(encoding="utf-8").split("\n", 1)[1]
    (src / "th.txt").write_text("05/03/2567\n" + body, encoding="utf-8")
    report = convert_paths([src], tmp_path / "tei")
    assert report.ok, report.failures
    written = tmp_path / "tei" / "th.xml"
    date = etree.parse(str(written)).find(".//tei:sourceDesc/tei:bibl[@type='source']/tei:date", NS)
    assert (date.get("when"), date.text) == ("2024-03-05", "05/03/2567")
    # the Schematron lets a numeric date of the era have the Gregorian year, not another day
    wrong = written.read_bytes().replace(b'<date when="2024-01-15" resp', b'<date when="2024-01-16" resp')
    assert [i.rule for i in iter_errors(wrong)] == ["date-text-reading"]


@pytest.mark.parametrize("code", sorted(FIXTURES))
def test_every_paragraph_is_kept(tmp_path, code):
    """Chinese paragraphs end in 。, which ends a sentence as a full stop does (ingest/layout.py)."""
    trees, _, _ = convert(tmp_path, code)
    paragraphs = [p for p in FIXTURES[code].read_text(encoding="utf-8").split("\n\n") if p.strip()][1:]
    assert ["".join(p.itertext()) for p in trees[code].iterfind(".//tei:body//tei:p", NS)] == [p.strip() for p in paragraphs]


def test_the_line_names_each_file_once():
    """Many articles of one web archive: counted each, the file named once."""
    assert not_recognised_line("pl", [Path("a.warc")] * 4 + [Path("b.html")]) == (
        f"Polish (pl): {NOT_RECOGNISED}; 5 articles: a.warc, b.html")
    assert not_recognised_line("sw", [Path(f"{n}.txt") for n in range(5)]) == (
        f"sw: {NOT_RECOGNISED}; 5 articles: 0.txt, 1.txt, 2.txt and 2 more")
