"""Names in Dutch by capitals and word lists (recognise/capitals.py with data/languages/names/nl.tsv):
each rule of its contract as Dutch writes it (the Netherlands and Flanders), the later mentions, the
particles of surnames ("Mark van der Berg", later "Van der Berg"; "Bart De Wever"), compound titles
("PVV-leider Geert Wilders"), acronyms in brackets, what is never a name (days, sentence openers,
demonyms, portfolios, events), datelines ("DEN HAAG (ANP) -", "BRUSSEL -"), the dates in Dutch month
names and their abbreviations, and `ner extract --language nl`. What Dutch writes differently is in
its lists (a place's lower-case generic word outside its name, "de gemeente Utrecht", "de provincie
Antwerpen"; an organisation's lower-case head inside, "het ministerie van Financiën", "de rechtbank
Amsterdam"); the general rules that came with it (other_name, compound titles, a capitalised
particle opening a surname, the join a person's name is parted at, an age in brackets) change no
prediction of the other languages.

The sentences here are written for these tests (the persons in them are invented, or public
figures in invented sentences); no NER gold set of any language was read to write the lists."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.capitalwords import Tokens, languages, words

from capitals_helpers import converted_pair, readers

runner = CliRunner()
NL = CapitalsRecogniser("nl")


names, surfaces, dates = readers("nl")


# --- the rules, in the contract's order -------------------------------------------------------

def test_0_a_lower_case_head_opens_an_organisations_name_inside_its_span():
    assert names("Het ministerie van Financiën en het ministerie van Justitie en Veiligheid reageerden.") == [
        ("org", "ministerie van Financiën", "ministerie van Financiën", 0.8),
        ("org", "ministerie van Justitie en Veiligheid", "ministerie van Justitie en Veiligheid", 0.8)]
    assert surfaces("De rechtbank Amsterdam en het gerechtshof Arnhem-Leeuwarden oordeelden.") == [
        ("org", "rechtbank Amsterdam"), ("org", "gerechtshof Arnhem-Leeuwarden")]
    assert surfaces("Het parket van Antwerpen en de correctionele rechtbank van Gent onderzoeken de zaak.") == [
        ("org", "parket van Antwerpen"), ("org", "correctionele rechtbank van Gent")]
    # "in" is no connector: the court's town is a place of its own
    assert surfaces("De rechtbank in Den Haag veroordeelde de man.") == [("place", "Den Haag")]


def test_a_places_lower_case_generic_word_stays_outside_its_name():
    assert names("Zij woont in de gemeente Westerkwartier, in de provincie Groningen.") == [
        ("place", "Westerkwartier", "Westerkwartier", 0.75), ("place", "Groningen", "Groningen", 0.9)]
    assert surfaces("Het dorp Zuidermeer, de wijk Overvecht en de stad Gent.") == [
        ("place", "Zuidermeer"), ("place", "Overvecht"), ("place", "Gent")]
    assert surfaces("Ten noorden van Hattemerbroek ligt het eiland Griend.") == [
        ("place", "Hattemerbroek"), ("place", "Griend")]


def test_0_a_capitalised_head_opens_an_organisations_name():
    assert names("De Gemeente Amsterdam en de Provincie Utrecht tekenden met de Universiteit Utrecht.") == [
        ("org", "Gemeente Amsterdam", "Gemeente Amsterdam", 0.8), ("org", "Provincie Utrecht", "Provincie Utrecht", 0.8),
        ("org", "Universiteit Utrecht", "Universiteit Utrecht", 0.9)]
    assert surfaces("De Koninklijke Marechaussee en de Stichting Zeehondencrèche Lenie hielpen.") == [
        ("org", "Koninklijke Marechaussee"), ("org", "Stichting Zeehondencrèche Lenie")]
    assert surfaces("FC Utrecht won van KV Mechelen. Het Ministerie van Defensie zweeg.") == [
        ("org", "FC Utrecht"), ("org", "KV Mechelen"), ("org", "Ministerie van Defensie")]
    # a capitalised head opens its own run, never one after it
    assert surfaces("De Europese Commissie en het Europees Parlement zijn het eens.") == [
        ("org", "Europese Commissie"), ("org", "Europees Parlement")]


def test_1_a_listed_name_is_marked_whole_without_its_article_but_with_its_own():
    assert names("De Tweede Kamer en de Eerste Kamer debatteerden. De Raad van State adviseerde negatief.") == [
        ("org", "Tweede Kamer", "Tweede Kamer", 0.9), ("org", "Eerste Kamer", "Eerste Kamer", 0.9),
        ("org", "Raad van State", "Raad van State", 0.8)]  # its capitalised head opens it (rule 0) before the list
    assert surfaces("Het Openbaar Ministerie eist vijf jaar. Het OM gaat in beroep.") == [
        ("org", "Openbaar Ministerie"), ("org", "OM")]
    assert surfaces("De Nederlandsche Bank waarschuwt. Volgens de Nederlandsche Bank en DNB groeit het.") == [
        ("org", "De Nederlandsche Bank"), ("org", "Nederlandsche Bank"), ("org", "DNB")]
    assert surfaces("Hij sprak met De Telegraaf, de Volkskrant en Het Laatste Nieuws in Den Haag.") == [
        ("org", "De Telegraaf"), ("org", "Volkskrant"), ("org", "Het Laatste Nieuws"), ("place", "Den Haag")]


def test_the_parties_of_the_netherlands_and_of_belgium_are_listed():
    assert surfaces("De VVD en het CDA stemden tegen, net als GroenLinks-PvdA, de PVV, D66, NSC, BBB, SP en JA21.") == [
        ("org", "VVD"), ("org", "CDA"), ("org", "GroenLinks-PvdA"), ("org", "PVV"), ("org", "D66"), ("org", "NSC"),
        ("org", "BBB"), ("org", "SP"), ("org", "JA21")]
    assert surfaces("De N-VA, Vlaams Belang, Vooruit, CD&V en Open Vld praten. Groen niet.") == [
        ("org", "N-VA"), ("org", "Vlaams Belang"), ("org", "Vooruit"), ("org", "CD&V"), ("org", "Open Vld"),
        ("org", "Groen")]


def test_clubs_companies_and_institutions_of_belgium_are_listed():
    assert surfaces("Ajax won van PSV, Feyenoord speelde gelijk tegen AZ en Club Brugge verloor.") == [
        ("org", "Ajax"), ("org", "PSV"), ("org", "Feyenoord"), ("org", "AZ"), ("org", "Club Brugge")]
    assert surfaces("Het Hof van Cassatie en het Grondwettelijk Hof oordeelden; De Lijn en de NMBS staken.") == [
        ("org", "Hof van Cassatie"), ("org", "Grondwettelijk Hof"), ("org", "De Lijn"), ("org", "NMBS")]
    # the Flemish government capitalised is the institution; "de Vlaamse regering" a demonym and a noun
    assert surfaces("De Vlaamse regering en de Vlaamse Regering, het Vlaams Parlement.") == [
        ("org", "Vlaamse Regering"), ("org", "Vlaams Parlement")]


def test_2_a_title_before_a_name_makes_a_person_and_stays_outside_the_span():
    assert names("Premier Dick Schoof en minister-president Mark Rutte spraken.") == [
        ("person", "Dick Schoof", "Dick Schoof", 0.85), ("person", "Mark Rutte", "Mark Rutte", 0.85)]
    assert surfaces("De heer Jansen, mevrouw Bakker, dhr. Smit en mevr. Meijer waren aanwezig.") == [
        ("person", "Jansen"), ("person", "Bakker"), ("person", "Smit"), ("person", "Meijer")]
    assert surfaces("Koning Willem-Alexander, koningin Máxima en prinses Amalia bezochten Zeeland.") == [
        ("person", "Willem-Alexander"), ("person", "Máxima"), ("person", "Amalia"), ("place", "Zeeland")]
    assert surfaces("Bondscoach Ronald Koeman koos voor aanvoerder Virgil van Dijk en trainer Arne Slot.") == [
        ("person", "Ronald Koeman"), ("person", "Virgil van Dijk"), ("person", "Arne Slot")]
    assert surfaces("Staatssecretaris Nora Achahbar, burgemeester Femke Halsema en schepen Jan Peeters.") == [
        ("person", "Nora Achahbar"), ("person", "Femke Halsema"), ("person", "Jan Peeters")]
    assert surfaces("Prof. dr. Anna Kok van de Universiteit Leiden en Kamerlid Pieter Omtzigt.") == [
        ("person", "Anna Kok"), ("org", "Universiteit Leiden"), ("person", "Pieter Omtzigt")]
    assert surfaces("Oud-premier Jan Peter Balkenende en paus Leo XIV.") == [
        ("person", "Jan Peter Balkenende"), ("person", "Leo XIV")]


def test_2_a_demonym_before_the_title_is_no_name():
    assert surfaces("De Amerikaanse president Donald Trump en de Russische president Vladimir Poetin belden.") == [
        ("person", "Donald Trump"), ("person", "Vladimir Poetin")]
    assert surfaces("De Rotterdamse burgemeester Carola Schouten opende de Limburgse kerk.") == [
        ("person", "Carola Schouten")]


def test_2_after_a_title_and_a_connector_the_portfolio_is_no_organisation():
    assert names("De minister van Financiën Eelco Heinen presenteerde de begroting.") == [
        ("person", "Eelco Heinen", "Eelco Heinen", 0.8)]
    assert surfaces("Minister van Buitenlandse Zaken Caspar Veldkamp en de minister van Justitie en Veiligheid "
                    "David van Weel.") == [("person", "Caspar Veldkamp"), ("person", "David van Weel")]
    assert surfaces("De minister van Onderwijs, Cultuur en Wetenschap Eppo Bruins zei dat.") == [("person", "Eppo Bruins")]
    # a place after a title and a connector is a place ("burgemeester van")
    assert surfaces("De burgemeester van Dordrecht, Wouter Kolff, was boos.") == [
        ("place", "Dordrecht"), ("person", "Wouter Kolff")]


def test_2_a_compound_of_a_listed_name_and_a_title_is_a_title_and_its_name_an_organisation():
    assert names("PVV-leider Geert Wilders en VVD-leider Dilan Yeşilgöz debatteerden.") == [
        ("org", "PVV", "PVV", 0.8), ("person", "Geert Wilders", "Geert Wilders", 0.85),
        ("org", "VVD", "VVD", 0.8), ("person", "Dilan Yeşilgöz", "Dilan Yeşilgöz", 0.85)]
    assert surfaces("EU-commissaris Wopke Hoekstra sprak met NAVO-secretaris-generaal Mark Rutte.") == [
        ("org", "EU"), ("person", "Wopke Hoekstra"), ("org", "NAVO"), ("person", "Mark Rutte")]
    assert surfaces("Vooruit-voorzitter Conner Rousseau en Ajax-trainer John Heitinga.") == [
        ("org", "Vooruit"), ("person", "Conner Rousseau"), ("org", "Ajax"), ("person", "John Heitinga")]
    # an unknown first part makes no title
    assert surfaces("De Brightmoor-topman zweeg.") == []


def test_2_a_surname_opening_with_a_capitalised_particle_after_a_title_or_beside_a_verb_of_saying():
    assert names("Premier De Croo en staatssecretaris Van Marum reageerden.") == [
        ("person", "De Croo", "De Croo", 0.85), ("person", "Van Marum", "Van Marum", 0.85)]
    assert names("De Vries zei dat het kon. Volgens Van der Berg niet, aldus Ten Brink.") == [
        ("person", "De Vries", "De Vries", 0.7), ("person", "Van der Berg", "Van der Berg", 0.7),
        ("person", "Ten Brink", "Ten Brink", 0.7)]
    assert surfaces("De heer De Vries en mevrouw Van Dijk.") == [("person", "De Vries"), ("person", "Van Dijk")]
    # the article before a listed name, or a head, or a title is no particle
    assert surfaces("De VVD zei nee. De Telegraaf meldt niets.") == [("org", "VVD"), ("org", "De Telegraaf")]
    assert names("De Brightmoor ging failliet.") == []


def test_3_an_org_head_or_an_org_first_and_a_connector_make_an_organisation():
    assert names("Philips N.V. daagde Bouwbedrijf Jansen B.V. voor de rechter.") == [
        ("org", "Philips N.V.", "Philips N.V.", 0.8), ("org", "Bouwbedrijf Jansen B.V.", "Bouwbedrijf Jansen B.V.", 0.8)]
    assert surfaces("De Vereniging van Huiseigenaren reageerde, en het Wilhelmina Ziekenhuis ook.") == [
        ("org", "Vereniging van Huiseigenaren"), ("org", "Wilhelmina Ziekenhuis")]
    # "en" before a listed name or one a head opens parts two organisations
    assert surfaces("De Vereniging van Huiseigenaren en het Rijksmuseum, de Volkskrant en Het Laatste Nieuws.") == [
        ("org", "Vereniging van Huiseigenaren"), ("org", "Rijksmuseum"), ("org", "Volkskrant"),
        ("org", "Het Laatste Nieuws")]
    assert surfaces("Het Centraal Bureau voor de Statistiek meldt groei, het Nationaal Instituut voor Budgetvoorlichting "
                    "niet.") == [
        ("org", "Centraal Bureau voor de Statistiek"), ("org", "Nationaal Instituut voor Budgetvoorlichting")]


def test_4_a_place_head_or_a_listed_place_after_a_comma_makes_a_place():
    assert names("Schepen voeren door de Rode Zee naar de Golf van Biskaje.") == [
        ("place", "Rode Zee", "Rode Zee", 0.9), ("place", "Golf van Biskaje", "Golf van Biskaje", 0.75)]
    assert names("Ze woont in Wijhe, Overijssel.") == [
        ("place", "Wijhe", "Wijhe", 0.75), ("place", "Overijssel", "Overijssel", 0.9)]


def test_4_a_dateline_in_capitals_is_a_place_and_the_agency_an_organisation():
    assert names("DEN HAAG (ANP) - Het kabinet is gevallen.") == [
        ("place", "DEN HAAG", "DEN HAAG", 0.7), ("org", "ANP", "ANP", 0.9)]
    assert surfaces("BRUSSEL - De regering stapt op.") == [("place", "BRUSSEL")]
    assert surfaces("Regen.\nAMSTERDAM (ANP) - De politie heeft in Amsterdam-Noord een man aangehouden.") == [
        ("place", "AMSTERDAM"), ("org", "ANP"), ("place", "Amsterdam-Noord")]
    assert surfaces("BRUSSEL (BELGA) - Minister Annelies Verlinden (CD&V) wil meer agenten.") == [
        ("place", "BRUSSEL"), ("org", "BELGA"), ("person", "Annelies Verlinden"), ("org", "CD&V")]
    assert surfaces("Amsterdam, 3 mei - De politie heeft een man aangehouden.") == [("place", "Amsterdam")]


def test_5_a_given_name_opening_two_to_four_words_makes_a_person_its_particles_inside():
    assert names("Mark van der Berg, Hugo de Jonge en Erik ten Hag kwamen.") == [
        ("person", "Mark van der Berg", "Mark van der Berg", 0.8), ("person", "Hugo de Jonge", "Hugo de Jonge", 0.8),
        ("person", "Erik ten Hag", "Erik ten Hag", 0.8)]
    assert surfaces("Bart De Wever, Marc Van Ranst en Ursula von der Leyen spraken.") == [
        ("person", "Bart De Wever"), ("person", "Marc Van Ranst"), ("person", "Ursula von der Leyen")]
    assert surfaces("Gerard 't Hooft en Jan Peter Balkenende.") == [
        ("person", "Gerard 't Hooft"), ("person", "Jan Peter Balkenende")]
    assert surfaces("Gert-Jan Segers arriveert.") == [("person", "Gert-Jan Segers")]


def test_5_a_verb_of_saying_beside_two_or_three_words_makes_a_person():
    assert names('"We gaan door", zei Ottolien Brakkee.') == [("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.7)]
    assert surfaces("Brakkee Mulders liet weten dat het klopt. Volgens Hoogenboom Stael niet.") == [
        ("person", "Brakkee Mulders"), ("person", "Hoogenboom Stael")]
    assert surfaces("'Dit is een zwarte dag', aldus Ottolien Brakkee.") == [("person", "Ottolien Brakkee")]
    assert names("Brakkee Mulders eet.") == []


def test_6_an_age_a_description_or_a_place_word_after_a_comma():
    assert names("Ottolien Brakkee (45) uit Wijhe is aangehouden.") == [
        ("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.7), ("place", "Wijhe", "Wijhe", 0.5)]
    assert names("Ottolien Brakkee, 61, vertelde het.") == [("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.7)]
    assert names("Ottolien Brakkee, die de stichting leidt, sprak.") == [
        ("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.6)]
    assert surfaces("Ottolien Brakkee, woordvoerder van de gemeente, bevestigde het.") == [("person", "Ottolien Brakkee")]
    assert names("Ze was in Zuidermeer, een dorp in West-Friesland.") == [
        ("place", "Zuidermeer", "Zuidermeer", 0.6), ("place", "West-Friesland", "West-Friesland", 0.9)]


def test_6_a_word_naming_a_kind_of_organisation_before_a_name_makes_it_one_outside_the_span():
    assert names("Het Amerikaanse techbedrijf Brightmoor en de vakbond Vooruitgang tekenden.") == [
        ("org", "Brightmoor", "Brightmoor", 0.6), ("org", "Vooruitgang", "Vooruitgang", 0.6)]
    assert surfaces("De chipmachinefabrikant ASML en de supermarktketen Dekamarkt.") == [
        ("org", "ASML"), ("org", "Dekamarkt")]


def test_7_a_place_cue_makes_an_unknown_name_a_place_at_a_low_cert():
    assert names("Ze kwam uit Zuidermeer en woont in Hattemerbroek, nabij Wijhe.") == [
        ("place", "Zuidermeer", "Zuidermeer", 0.5), ("place", "Hattemerbroek", "Hattemerbroek", 0.5),
        ("place", "Wijhe", "Wijhe", 0.5)]
    assert surfaces("In de Achterhoek en op de Veluwe regent het. Op Texel en Vlieland waait het.") == [
        ("place", "Achterhoek"), ("place", "Veluwe"), ("place", "Texel"), ("place", "Vlieland")]
    # "naar", "bij" and "voor" stand before persons as often: no cues
    assert names("Hij luisterde naar Brakkee, werkte bij Mulders en stemde voor Stael.") == []


def test_8_a_particle_before_a_listed_name_parts_the_person_from_it():
    assert surfaces("Kim Putters van het SCP en Jan de Vries van de VVD spraken.") == [
        ("person", "Kim Putters"), ("org", "SCP"), ("person", "Jan de Vries"), ("org", "VVD")]
    assert surfaces("Partijleider Caroline van der Plas van BBB en Kamerlid Pieter Omtzigt.") == [
        ("person", "Caroline van der Plas"), ("org", "BBB"), ("person", "Pieter Omtzigt")]
    assert surfaces("Burgemeester Femke Halsema van Amsterdam reageerde.") == [
        ("person", "Femke Halsema"), ("place", "Amsterdam")]


def test_8_en_joins_two_persons_or_two_places_never_one():
    assert surfaces("Schoof en Wilders zwegen. Hebben Fleur Brakkee en Jan Mulders gelijk?") == [
        ("person", "Fleur Brakkee"), ("person", "Jan Mulders")]
    assert surfaces("Nederland en België tekenden. De Belastingdienst en de Dienst Toeslagen maakten fouten.") == [
        ("place", "Nederland"), ("place", "België"), ("org", "Belastingdienst"), ("org", "Dienst Toeslagen")]


def test_8_a_listed_name_inside_a_run_is_never_parted():
    assert surfaces("Het Hof van Justitie van de Europese Unie in Luxemburg deed uitspraak.") == [
        ("org", "Hof van Justitie van de Europese Unie"), ("place", "Luxemburg")]
    assert surfaces("Het Rode Kruis en Artsen zonder Grenzen helpen in Gaza.") == [
        ("org", "Rode Kruis"), ("org", "Artsen zonder Grenzen"), ("place", "Gaza")]


# --- later mentions, acronyms -----------------------------------------------------------------

def test_a_surname_alone_later_is_the_person_found_in_full_its_capitalised_particle_inside():
    assert names("Mark van der Berg is de nieuwe directeur. Van der Berg zei dat hij blij is.") == [
        ("person", "Mark van der Berg", "Mark van der Berg", 0.8), ("person", "Van der Berg", "Mark van der Berg", 0.7)]
    assert names("Peter de Vries werd neergeschoten. De Vries overleed later.") == [
        ("person", "Peter de Vries", "Peter de Vries", 0.8), ("person", "De Vries", "Peter de Vries", 0.75)]
    assert names("Bondscoach Ronald Koeman koos voor Virgil van Dijk. Van Dijk scoorde.") == [
        ("person", "Ronald Koeman", "Ronald Koeman", 0.85), ("person", "Virgil van Dijk", "Virgil van Dijk", 0.8),
        ("person", "Van Dijk", "Virgil van Dijk", 0.75)]
    assert names("Erik ten Hag is trainer. Ten Hag was teleurgesteld.") == [  # "Hag" written alone: rule 7
        ("person", "Erik ten Hag", "Erik ten Hag", 0.8), ("person", "Ten Hag", "Erik ten Hag", 0.6)]
    # the mention found first takes the full name's key too
    assert names("Verder sprak Van der Plas met boeren. Caroline van der Plas is BBB-leider.") == [
        ("person", "Van der Plas", "Caroline van der Plas", 0.7),
        ("person", "Caroline van der Plas", "Caroline van der Plas", 0.8), ("org", "BBB", "BBB", 0.8)]


def test_a_flemish_surname_keeps_its_capitalised_particle_and_two_of_one_surname_lend_it_to_neither():
    assert names("Bart De Wever is premier. De Wever zei vrijdag dat de N-VA niet wijkt.") == [
        ("person", "Bart De Wever", "Bart De Wever", 0.8), ("person", "De Wever", "Bart De Wever", 0.7),
        ("org", "N-VA", "N-VA", 0.9)]
    assert names("Mark van der Berg en Anna van der Berg trouwden. Van der Berg zei ja.") == [
        ("person", "Mark van der Berg", "Mark van der Berg", 0.8), ("person", "Anna van der Berg", "Anna van der Berg", 0.8),
        ("person", "Van der Berg", "Van der Berg", 0.7)]


def test_an_acronym_in_brackets_after_an_organisation_is_that_organisation_later_too():
    text = "Het Instituut voor Waterbeheer (IWB) adviseert. Volgens het IWB stijgt het water."
    assert names(text) == [("org", "Instituut voor Waterbeheer", "Instituut voor Waterbeheer", 0.8),
                           ("org", "IWB", "Instituut voor Waterbeheer", 0.8),
                           ("org", "IWB", "Instituut voor Waterbeheer", 0.8)]
    assert names("Het Koninklijk Nederlands Meteorologisch Instituut (KNMI) geeft code oranje.") == [
        ("org", "Koninklijk Nederlands Meteorologisch Instituut", "Koninklijk Nederlands Meteorologisch Instituut", 0.8),
        ("org", "KNMI", "Koninklijk Nederlands Meteorologisch Instituut", 0.9)]


def test_the_author_is_a_person_wherever_written():
    assert names("Door Ottolien Brakkee. Ottolien Brakkee schrijft uit Utrecht.", author="Ottolien Brakkee") == [
        ("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.95), ("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.95),
        ("place", "Utrecht", "Utrecht", 0.9)]


# --- never a name -----------------------------------------------------------------------------

def test_days_months_pronouns_and_words_opening_a_sentence_are_no_names():
    assert names("Donderdag stemt de raad. Volgens het kabinet is dat te laat. Een woordvoerder zei niets.") == []
    assert names("Toch bleef het rustig. Daarna ging iedereen naar huis. Maandagavond, Gisteren, Inmiddels.") == []
    assert names("Het Nederlandse team won goud. In Nederlandse handen. Nederlanders en Vlamingen juichten.") == []


def test_portfolios_laws_holidays_and_events_are_no_names():
    assert names("Op Koningsdag en op Prinsjesdag, met de Miljoenennota en de Grondwet.") == []
    assert names("De Ronde van Vlaanderen en de Tour de France zijn koersen. Hij won de Johan Cruijff Schaal.") == []
    assert names("Ajax speelt in de Champions League, Club Brugge in de Jupiler Pro League.") == [
        ("org", "Ajax", "Ajax", 0.9), ("org", "Club Brugge", "Club Brugge", 0.9)]
    assert names("Zij werkt op Buitenlandse Zaken en daarna bij Sociale Zaken.") == []


def test_cldr_names_that_are_persons_are_no_places():
    assert surfaces("Diego Garcia reisde naar Kirgizië en Ivoorkust.") == [
        ("person", "Diego Garcia"), ("place", "Kirgizië"), ("place", "Ivoorkust")]


@pytest.mark.parametrize("text", ["", "¿...?!", "\n\n"])
def test_a_text_of_no_word_has_no_name(text):
    assert NL.find(text) == []


# --- dates ------------------------------------------------------------------------------------

def test_the_dates_are_the_language_neutral_ones_in_dutch_month_names():
    assert dates("Het gebeurde op 3 mei 2025 en op maandag 12 februari; in maart 2024 was het rustig.") == [
        ("3 mei 2025", {"when": "2025-05-03"}), ("12 februari", {"when": "--02-12"}), ("maart 2024", {"when": "2024-03"})]
    assert dates("Op 1 januari 2026 gaat de wet in, op 31-12-2025 stopt de regeling.", "2025-06-01") == [
        ("1 januari 2026", {"when": "2026-01-01"}), ("31-12-2025", {"when": "2025-12-31"})]
    assert dates("De maand maart was nat.") == []


def test_the_month_abbreviations_are_month_names_after_a_day_only():
    assert dates("Op 12 feb. en 3 mrt 2024 en 5 okt.", "2025-06-01") == [
        ("12 feb", {"when": "2025-02-12"}), ("3 mrt 2024", {"when": "2024-03-03"}), ("5 okt", {"when": "2025-10-05"})]
    assert dates("Jan 12 en feb 2024.") == []


def test_a_year_alone_after_a_year_cue_is_a_date_a_verb_after_it_too_but_not_a_number_of_things():
    assert dates("Sinds 2019 is het gekrompen. Eind 2024 sluit de fabriek. Van 2020 tot 2023 daalde het.") == [
        ("2019", {"when": "2019"}), ("2024", {"when": "2024"}), ("2020", {"when": "2020"}), ("2023", {"when": "2023"})]
    assert dates("Hij kwam in 1998 naar Nederland en woonde in 2000 huizen.") == [("1998", {"when": "1998"})]


# --- the words and the lists ------------------------------------------------------------------

def test_listed_words_with_an_ampersand_or_an_opening_apostrophe_are_one_word():
    toks = Tokens("CD&V, GL/PvdA en Gerard 't Hooft", words("nl"))
    assert toks.words == ["CD&V", "GL/PvdA", "en", "Gerard", "'t", "Hooft"]
    assert Tokens("AT&T", words("nl")).words == ["AT", "T"]  # an ampersand word no list names: two


def test_a_possessive_ending_is_no_part_of_the_name():
    assert names("Hoekstra's plan viel. Wopke Hoekstra's kabinet ook.") == [
        ("person", "Hoekstra", "Wopke Hoekstra", 0.75), ("person", "Wopke Hoekstra", "Wopke Hoekstra", 0.8)]


def test_dutch_has_word_lists_and_the_places_of_cldr():
    assert "nl" in languages()
    lists = words("nl")
    assert ("burgemeester",) in lists.titles and ("partij",) in lists.org_before and "Dick" in lists["given"]
    assert ("gemeente",) in lists.place_before and "en" not in lists["particle"] and "en" in lists["org_connector"]
    assert {"De", "Van", "Ten", "Ter", "Den"} <= lists["particle"] and not {"De", "Van", "Ten"} & lists["not_name"]
    assert "Diego Garcia" not in lists["place"] and {"Kirgizië", "Zwitserland", "Nederland", "België"} <= lists["place"]
    assert not {"naar", "bij", "voor"} & {cue[0] for cue in lists.place_cues if len(cue) == 1}


# --- corpus names, convert, ner extract -------------------------------------------------------

def test_a_name_found_elsewhere_in_the_corpus_is_marked_where_written():
    known = frozenset({("Ottolien Brakkee", "person"), ("Wijhe Sport", "org")})
    text = "De bewoners applaudisseerden voor Ottolien Brakkee bij Wijhe Sport."
    assert names(text) == []
    assert names(text, known_names=known) == [("person", "Ottolien Brakkee", "Ottolien Brakkee", 0.8),
                                              ("org", "Wijhe Sport", "Wijhe Sport", 0.8)]


def test_convert_marks_a_dutch_article_with_the_capitals_recogniser(tmp_path):
    a, b = converted_pair(tmp_path, "nl", "Bezoek aan de haven\n\nBurgemeester Ottolien Brakkee bezocht Harlingen op 3 mei 2024.\n",
                          "Werk aan de markt\n\nDe bewoners applaudisseerden gisteren voor Ottolien Brakkee.\n")
    assert '<persName ref="#pers-ottolien-brakkee" resp="#ner-capitals" cert="0.85">Ottolien Brakkee</persName>' in a
    assert '<date when="2024-05-03"' in a
    marked = '<persName ref="#pers-ottolien-brakkee" resp="#ner-capitals" cert="0.80">Ottolien Brakkee</persName>'
    assert marked in b


def test_ner_extract_runs_the_dutch_recogniser(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Premier Dick Schoof bezocht Zwolle.", encoding="utf-8")
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "nl", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "(capitals)" in result.output
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert line["entities"] == [[8, 19, "persName"], [28, 34, "placeName"]]
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "nl-BE", "-o", str(tmp_path / "be.jsonl")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "be.jsonl").read_text(encoding="utf-8"))["entities"] == line["entities"]
