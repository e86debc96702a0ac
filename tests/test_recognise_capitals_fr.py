"""Names in French by capitals and word lists (recognise/capitals.py with data/languages/names/fr.tsv):
what French needs beyond English, each from the word lists, no French word in code: an elided
article or preposition outside the name ("l'ONU"), a lower-case head opening an organisation's or
a place's name and inside its span ("ministère de l'Intérieur", "rue de Rivoli"), listed names
with lower-case words ("Assemblée nationale"), a name with lower-case words before its acronym,
titles with a nationality between ("le président sénégalais …"), phrases of several words (verbs
of saying, place cues), and the word list's own error.

The sentences here are written for these tests; the French NER sets are tests/data/ner_fr/
(dev.jsonl to tune on, heldout.jsonl never)."""

from __future__ import annotations

import pytest

from teikit.errors import RecogniseError
from teikit.recognise import Context
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.capitalwords import Tokens, languages, read_words, words

FR = CapitalsRecogniser("fr")
EN = CapitalsRecogniser("en")


def surfaces(text: str, recogniser: CapitalsRecogniser = FR) -> list[tuple[str, str]]:
    return [(m.type, m.surface(text)) for m in recogniser.find(text, Context()) if m.type != "date"]


def years(text: str) -> list[str]:
    return [m.surface(text) for m in FR.find(text) if m.type == "date"]


# --- elision -----------------------------------------------------------------------------------

def test_an_elided_article_or_preposition_is_no_part_of_the_name():
    assert surfaces("Le texte a été transmis à l'ONU puis à l’OTAN.") == [("org", "ONU"), ("org", "OTAN")]
    assert surfaces("L'Élysée a démenti.") == [("org", "Élysée")]
    assert surfaces("Il arrive d'Orléans.") == [("place", "Orléans")]
    assert surfaces("Il faut qu'Emmanuel Macron tranche.") == [("person", "Emmanuel Macron")]


def test_an_elision_is_a_word_of_its_own_joined_to_the_next():
    toks = Tokens("la décision de l'ONU", words("fr"))
    assert toks.words == ["la", "décision", "de", "l'", "ONU"]
    assert toks.joined(4) and toks.joined(3)
    assert Tokens("la décision de l'ONU", words("en")).words[-1] == "l'ONU"  # English has no elision


def test_an_elided_connector_stays_inside_a_name():
    assert surfaces("Il a rencontré l'ambassadeur de Côte d'Ivoire.") == [("place", "Côte d'Ivoire")]
    assert surfaces("Le Conseil d'État a tranché.") == [("org", "Conseil d'État")]


# --- a lower-case head opens the name, inside its span ------------------------------------------

def test_a_lower_case_head_before_a_name_makes_an_organisation_with_the_head():
    assert surfaces("Le ministère de l'Intérieur a répondu.") == [("org", "ministère de l'Intérieur")]
    assert surfaces("La mairie de Paris et le tribunal de Bobigny ont été saisis.") == [
        ("org", "mairie de Paris"), ("org", "tribunal de Bobigny")]
    assert surfaces("Le conseil régional de Bretagne vote.") == [("org", "conseil régional de Bretagne")]
    assert surfaces("Elle enseigne à l'université de Lyon.") == [("org", "université de Lyon")]
    assert surfaces("La cour d'appel de Versailles a confirmé.") == [("org", "cour d'appel de Versailles")]


def test_an_organisations_name_ending_with_an_enumeration_keeps_it_past_the_comma():
    assert surfaces("Le ministère de l'Agriculture, de l'Alimentation et de la Forêt a annoncé.") == [
        ("org", "ministère de l'Agriculture, de l'Alimentation et de la Forêt")]


def test_a_lower_case_head_before_a_name_makes_a_place_with_the_head():
    assert surfaces("Un café de la rue de Rivoli, près du lac Léman.") == [("place", "rue de Rivoli"),
                                                                        ("place", "lac Léman")]
    assert surfaces("Ils ont défilé boulevard Haussmann.") == [("place", "boulevard Haussmann")]


def test_a_capitalised_head_opening_a_run_makes_the_whole_run_one_name():
    assert surfaces("Des chercheurs de l'Institut Pasteur ont publié.") == [("org", "Institut Pasteur")]
    assert surfaces("Il a été héliporté vers le CHU Grenoble-Alpes.") == [("org", "CHU Grenoble-Alpes")]


def test_english_has_no_heads_so_its_names_do_not_change():
    assert words("en").heads == () and words("en").elisions == ()
    assert surfaces("Officials at the ministry of Health in Paris met.", EN) == [("place", "Paris")]


# --- lower-case words inside a listed name; before an acronym ------------------------------------

def test_a_listed_name_with_lower_case_words_is_found_whole():
    text = "L'Assemblée nationale et le Parlement européen attendent la Banque centrale européenne."
    assert surfaces(text) == [("org", "Assemblée nationale"), ("org", "Parlement européen"),
                              ("org", "Banque centrale européenne")]


def test_a_name_with_lower_case_words_before_its_acronym_is_an_organisation_and_so_is_the_acronym():
    text = "Selon l'Observatoire régional de la qualité des eaux (ORQE), la Vilaine est polluée."
    assert surfaces(text)[:2] == [("org", "Observatoire régional de la qualité des eaux"), ("org", "ORQE")]


def test_an_acronym_the_initials_do_not_spell_makes_no_organisation():
    text = "Selon l'Institut national de recherches spatiales (INPE), la forêt recule."
    assert ("org", "Institut national de recherches spatiales") not in surfaces(text)


# --- persons ------------------------------------------------------------------------------------

def test_a_title_makes_a_person_and_stays_outside_the_span():
    assert surfaces("Mme Anne Hidalgo a reçu M. Berthelot.") == [("person", "Anne Hidalgo"), ("person", "Berthelot")]
    assert surfaces("Le président Ignace Berthelot est arrivé.") == [("person", "Ignace Berthelot")]


def test_a_nationality_after_a_title_or_capitalised_before_a_name_is_a_title():
    assert surfaces("Le président sénégalais Ignace Berthelot est arrivé.") == [("person", "Ignace Berthelot")]
    assert surfaces("Le Danois Ignace Berthelot a gagné.") == [("person", "Ignace Berthelot")]


def test_a_given_name_keeps_its_particles_and_a_hyphened_given_name_is_one():
    assert surfaces("Le gouverneur a parlé. François Villeroy de Galhau a plaidé.") == [
        ("person", "François Villeroy de Galhau")]
    assert surfaces("L'opposition, menée par Marie-Anne Berthelot, proteste.") == [("person", "Marie-Anne Berthelot")]


def test_a_verb_of_saying_of_several_words_makes_a_person():
    assert surfaces("« Nous irons », a déclaré Ignace Berthelot.") == [("person", "Ignace Berthelot")]
    assert surfaces("Ignace Berthelot a déclaré forfait.") == [("person", "Ignace Berthelot")]
    assert surfaces("Ignace Berthelot a mangé.") == []


def test_a_description_after_a_comma_makes_a_person_and_a_place_word_a_place():
    assert surfaces("Ignace Berthelot, qui dirige le club, démissionne.") == [("person", "Ignace Berthelot")]
    assert surfaces("Il vit à Plouzané, une commune du Finistère.") == [("place", "Plouzané"),
                                                                     ("place", "Finistère")]


# --- places, dates, never a name ----------------------------------------------------------------

def test_a_place_cue_or_a_place_phrase_of_several_words_makes_a_place():
    assert surfaces("Il habite près de Kerlouan.") == [("place", "Kerlouan")]
    assert surfaces("Il habite dans le Trégor.") == [("place", "Trégor")]
    assert surfaces("Le maire de Plouguerneau a démissionné.") == [("place", "Plouguerneau")]


def test_a_year_after_a_year_cue_is_a_date_the_elided_ones_too():
    assert years("Il est là depuis 1990 et le restera jusqu'en 2030, ou d'ici 2035.") == ["1990", "2030", "2035"]
    assert years("La ville compte 2000 habitants.") == []


def test_days_months_pronouns_and_sentence_openers_are_no_names():
    assert surfaces("Mardi, Il pleuvait. Selon Elle, Cette ville est calme. Lundi 3 mars.") == []


def test_an_events_name_holds_no_name_but_what_follows_its_next_connector():
    assert surfaces("Le PSG a remporté la Coupe de France samedi. Pogačar a gagné le Tour de France.") == [
        ("org", "PSG")]


def test_french_has_word_lists_and_the_places_of_cldr():
    assert "fr" in languages()
    assert surfaces("Des envoyés du Burkina Faso et du Kirghizstan sont arrivés.") == [
        ("place", "Burkina Faso"), ("place", "Kirghizstan")]


# --- the word list's error ---------------------------------------------------------------------

def test_an_elision_without_its_apostrophe_is_refused_naming_the_file(tmp_path):
    bad = tmp_path / "xx.tsv"
    bad.write_text("kind\tentries\nelision\tl', d\n", encoding="utf-8")
    with pytest.raises(RecogniseError) as caught:
        read_words(bad)
    assert (caught.value.message, caught.value.path) == ("elision 'd' does not end with an apostrophe", str(bad))
