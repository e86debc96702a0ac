"""Names in German by capitals and word lists (recognise/capitals.py with data/languages/names/de.tsv):
each rule of its contract as German writes it (Germany, Austria, Switzerland), and what German writes
otherwise: every noun has a capital (Regierung, Haushalt, Wirtschaft), so a run of capitalised words is no
name by itself (the setting nouns_capitalised, recognise/capitalnouns.py): a run needs a cue of the lists (a
title, one ending in a title_suffix, a listed or a given name, a head, a legal form, an org_of or place_of
noun before it), and the rules that read an unknown word from the words around it read more (a place cue
before a word of a place's ending only, an age after two words only, no organisation for an article and a
verb of saying). A listed name is that name in the genitive and declined ("Deutschlands", "des
Bundestages", "der Europäischen Union"); a listed name opening a hyphened compound is marked inside it
("CDU-Chef", "Nato-Ostflanke"); the dates in German month names; `ner extract --language de`.

The sentences here are written for these tests (the persons in them are invented, or public figures in
invented sentences); no gold set was read to write the lists."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from teikit.cli import app
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.capitalnouns import nouns_capitalised
from teikit.recognise.capitalwords import languages, words

from capitals_helpers import converted_pair, readers

runner = CliRunner()
DE = CapitalsRecogniser("de")


names, surfaces, dates = readers("de")


# --- what is never a name: nouns, sentence openers, adjectives ---------------------------------

def test_capitalised_nouns_and_sentence_openers_are_no_names():
    assert names("Die Regierung sagte, das Kabinett habe den Haushalt beschlossen. Experten warnen.") == []
    assert names("Deutsche Unternehmen investieren weniger. Nach Angaben der Polizei wurden zwei Menschen "
                 "verletzt. Am Dienstagabend trafen sich Bund und Länder.") == []
    # a place cue before a noun makes no place: only a word of a place's ending (place_ending)
    assert names("In Zukunft soll das aus Angst nicht passieren. Bei Durchsuchungen fand man nichts.") == []
    assert names("Ein Feuer brach in Kleinostheim aus. Ein Zeuge aus Wolfratshausen half.") == [
        ("place", "Kleinostheim", "Kleinostheim", 0.5), ("place", "Wolfratshausen", "Wolfratshausen", 0.5)]


def test_an_age_makes_no_person_of_one_noun():
    assert names("Ein Mann (38) und eine Frau (41) wurden verletzt.") == []
    assert surfaces("Die Leiterin Anna Berger (38) übernimmt.") == [("person", "Anna Berger")]


def test_adjectives_of_place_are_no_names_alone_but_open_an_organisations():
    assert names("Die Berliner sind zufrieden, die Münchner nicht.") == []
    assert surfaces("Die Berliner Polizei ermittelt. Die Berliner Philharmoniker spielen.") == [
        ("org", "Berliner Polizei"), ("org", "Berliner Philharmoniker")]


# --- the rules, in the contract's order -------------------------------------------------------

def test_0_a_capitalised_head_opens_an_organisations_name_inside_its_span():
    assert names("Das Landgericht Passau und die Staatsanwaltschaft Regensburg ermitteln.") == [
        ("org", "Landgericht Passau", "Landgericht Passau", 0.8),
        ("org", "Staatsanwaltschaft Regensburg", "Staatsanwaltschaft Regensburg", 0.8)]
    assert surfaces("Die Polizei Köln meldete es der Universität Hamburg und dem Klinikum Nürnberg.") == [
        ("org", "Polizei Köln"), ("org", "Universität Hamburg"), ("org", "Klinikum Nürnberg")]


def test_1_a_listed_name_is_marked_whole_without_its_article_declined_and_in_the_genitive():
    assert names("Der Bundestag und der Bundesrat stimmten zu. Die Deutsche Bahn und die AfD reagierten.") == [
        ("org", "Bundestag", "Bundestag", 0.9), ("org", "Bundesrat", "Bundesrat", 0.9),
        ("org", "Deutsche Bahn", "Deutsche Bahn", 0.9), ("org", "AfD", "AfD", 0.9)]
    assert surfaces("Der Chef der Deutschen Bahn sprach im Namen der Europäischen Union.") == [
        ("org", "Deutschen Bahn"), ("org", "Europäischen Union")]
    assert surfaces("Laut dem Statistischen Bundesamt und dem Statistische Bundesamt steigt sie.") == [
        ("org", "Statistischen Bundesamt"), ("org", "Statistische Bundesamt")]
    assert surfaces("Die Sitzung des Bundestages und des Bundesrats begann.") == [
        ("org", "Bundestages"), ("org", "Bundesrats")]
    # a genitive name beside its noun parts the run
    assert surfaces("Deutschlands Wirtschaft und die Rolle Frankreichs.") == [
        ("place", "Deutschlands"), ("place", "Frankreichs")]


def test_2_a_title_and_a_compound_title_stand_outside_the_persons_name():
    assert names("Bundeskanzler Friedrich Merz traf Ministerpräsidentin Anke Rehlinger.") == [
        ("person", "Friedrich Merz", "Friedrich Merz", 0.85), ("person", "Anke Rehlinger", "Anke Rehlinger", 0.85)]
    assert surfaces("Frau Berger und Herr Dr. Lindqvist kamen.") == [("person", "Berger"), ("person", "Lindqvist")]
    # a word ending in a title_suffix is a title: German writes the office with its portfolio as one word
    assert surfaces("Bundesinnenminister Alexander Dobrindt und Regierungssprecherin Carla Hoffbauer.") == [
        ("person", "Alexander Dobrindt"), ("person", "Carla Hoffbauer")]
    # a listed name, a hyphen and a title: the name marked inside it
    assert surfaces("CDU-Chef Friedrich Merz und AfD-Fraktionschefin Alice Weidel stritten.") == [
        ("org", "CDU"), ("person", "Friedrich Merz"), ("org", "AfD"), ("person", "Alice Weidel")]
    assert surfaces("US-Präsident Donald Trump schwieg.") == [("place", "US"), ("person", "Donald Trump")]
    # a noun of nationality between: "der Australier …"
    assert surfaces("Der Australier Barrie Kosky inszeniert.") == [("person", "Barrie Kosky")]


def test_2_after_a_title_a_connector_opens_its_complement_and_a_listed_name_is_no_person():
    assert surfaces("Der Präsident der Ukraine Wolodymyr Selenskyj sprach.") == [
        ("place", "Ukraine"), ("person", "Wolodymyr Selenskyj")]
    assert surfaces("Der Vorstand der Partei Die Linke und der Präsident Frankreichs.") == [
        ("org", "Die Linke"), ("place", "Frankreichs")]


def test_3_a_legal_form_or_an_org_suffix_ends_an_organisations_name():
    assert surfaces("Die Siemens AG und die Brauerei Kellerhof GmbH wurden genannt.") == [
        ("org", "Siemens AG"), ("org", "Brauerei Kellerhof GmbH")]
    assert surfaces("Der Bayerische Skiverband und die Dresdner Staatsoper trauern.") == [
        ("org", "Bayerische Skiverband"), ("org", "Dresdner Staatsoper")]
    assert surfaces("Das Bundesministerium für Wirtschaft und Energie und das Bundesamt für Verfassungsschutz.") == [
        ("org", "Bundesministerium für Wirtschaft und Energie"), ("org", "Bundesamt für Verfassungsschutz")]


def test_a_capitalised_org_of_or_place_of_noun_opening_a_run_names_what_follows_it():
    assert names("Der Autobauer Volkswagen und das Unternehmen Brightwell legten zu.") == [
        ("org", "Volkswagen", "Volkswagen", 0.9), ("org", "Brightwell", "Brightwell", 0.6)]
    assert names("Die Stadt Gütersloh, die Gemeinde Kleinostheim und der Landkreis Reutlingen zahlen.") == [
        ("place", "Gütersloh", "Gütersloh", 0.9), ("place", "Kleinostheim", "Kleinostheim", 0.75),
        ("place", "Reutlingen", "Reutlingen", 0.9)]


def test_5_a_given_name_opens_a_persons_name_after_a_noun_too():
    assert surfaces("Volker Lindqvist erklärte, er sei zufrieden.") == [("person", "Volker Lindqvist")]
    assert surfaces("Vorstandsmitglied Anna Berger trat zurück.") == [("person", "Anna Berger")]
    assert surfaces("Auf dem Programm stehen Werke von Gustav Mahler und Johannes Brahms.") == [
        ("person", "Gustav Mahler"), ("person", "Johannes Brahms")]


def test_a_dateline_before_an_agency_in_brackets_is_a_place_and_the_agency_in_lower_case_listed():
    assert names("Andermatt (sda) - Nach einem Felssturz ist die Strasse gesperrt.") == [
        ("place", "Andermatt", "Andermatt", 0.7), ("org", "sda", "sda", 0.9)]
    assert surfaces("Oberwiesenfeld (dpa) - Die Sitzung begann.") == [("place", "Oberwiesenfeld"), ("org", "dpa")]


# --- later mentions -------------------------------------------------------------------------------

def test_later_mentions_a_surname_in_the_genitive_and_the_particles_as_written():
    assert names("Bundestagspräsidentin Julia Klöckner rügte Markus Söder. Söders Plan scheiterte.") == [
        ("person", "Julia Klöckner", "Julia Klöckner", 0.85), ("person", "Markus Söder", "Markus Söder", 0.8),
        ("person", "Söders", "Markus Söder", 0.75)]
    assert names("Präsidentin Ursula von der Leyen reiste ab. Später sagte von der Leyen, sie sei zufrieden.") == [
        ("person", "Ursula von der Leyen", "Ursula von der Leyen", 0.85),
        ("person", "von der Leyen", "Ursula von der Leyen", 0.75)]


def test_a_listed_name_opening_a_hyphened_compound_is_marked_inside_it():
    assert surfaces("Die Nato-Ostflanke und die US-Zölle beschäftigen Berlin.") == [
        ("org", "Nato"), ("place", "US"), ("place", "Berlin")]
    assert surfaces("Sachsen-Anhalt und Baden-Württemberg.") == [("place", "Sachsen-Anhalt"), ("place", "Baden-Württemberg")]


# --- dates ------------------------------------------------------------------------------------

def test_the_dates_are_the_language_neutral_ones_in_german_month_names():
    assert dates("Am Montag, dem 12. März 2026, beginnt sie; am 1. Jänner 2026 endet sie.") == [
        ("12. März 2026", {"when": "2026-03-12"}), ("1. Jänner 2026", {"when": "2026-01-01"})]
    assert dates("Im März war es nass.") == []


def test_a_year_after_a_year_cue_is_a_date_before_a_word_in_lower_case_too_not_before_a_noun():
    assert dates("Seit 2019 sinkt die Zahl. Der Entwurf wurde bis 2032 zugestimmt. Für 2026 erwartet man mehr.") == [
        ("2019", {"when": "2019"}), ("2032", {"when": "2032"}), ("2026", {"when": "2026"})]
    assert dates("In 2000 Haushalten fehlte Strom, für 2000 Euro.") == []


# --- the lists, convert, ner extract ---------------------------------------------------------

def test_german_has_word_lists_the_places_of_cldr_and_capitalised_nouns():
    assert "de" in languages()
    lists = words("de")
    assert nouns_capitalised(lists) and not any(nouns_capitalised(words(code)) for code in languages() if code != "de")
    assert ("bundeskanzler",) in lists.titles and ("Autobauer",) in lists.org_before and "Annalena" in lists["given"]
    assert ("Stadt",) in lists.place_before and "und" in lists["org_connector"] and "und" not in lists["particle"]
    assert "Diego Garcia" not in lists["place"] and {"Österreich", "Schweiz", "Deutschland", "Belgien"} <= lists["place"]
    assert {"Marine", "Art", "Job"} & lists["given"] == set()  # German nouns, given names elsewhere


def test_convert_marks_a_german_article_with_the_capitals_recogniser(tmp_path):
    a, b = converted_pair(tmp_path, "de", "Besuch im Hafen\n\nBürgermeisterin Ottilie Brakkmann besuchte Husum am 3. Mai 2024.\n",
                          "Arbeit am Markt\n\nDie Anwohner applaudierten gestern Ottilie Brakkmann.\n")
    assert '<persName ref="#pers-ottilie-brakkmann" resp="#ner-capitals" cert="0.85">Ottilie Brakkmann</persName>' in a
    assert '<date when="2024-05-03"' in a
    assert 'Ottilie Brakkmann</persName>' in b


def test_ner_extract_runs_the_german_recogniser(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Bundeskanzler Friedrich Merz besuchte Gütersloh.", encoding="utf-8")
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "de", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "(capitals)" in result.output
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert line["entities"] == [[14, 28, "persName"], [38, 47, "placeName"]]
    for tag in ("de-AT", "de-CH"):
        result = runner.invoke(app, ["ner", "extract", str(text), "--language", tag, "-o", str(tmp_path / "x.jsonl")])
        assert result.exit_code == 0, result.output
        assert json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8"))["entities"] == line["entities"]
