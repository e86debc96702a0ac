"""Names in Spanish by capitals and word lists (recognise/capitals.py with data/languages/names/es.tsv):
each rule of its contract as Spanish writes it, the later mentions (a surname alone, the two surnames),
acronyms in brackets, what is never a name, datelines, the dates in Spanish's month names, and
`ner extract --language es`. What Spanish needs beyond English and French is data but for a few
general rules, tested here in Spanish: a title's complement before the person ("la ministra de
Sanidad Itziar …"), a word naming a kind of organisation before it (org_of: "el sindicato …"), a
second organisation after "y" in a run a head opens, a particle before a listed name ("… del PSOE"),
listed names kept whole inside a run ("Castilla y León", "El Salvador y …"), a word opening a
sentence before a given name, a month and a year with "de" between, "EE.UU." one word.

The sentences here are written for these tests (the persons in them are invented, or public
figures in invented sentences); the Spanish NER sets are written by an annotator who does not see
the word lists, and no word list was tuned on them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.capitalwords import Tokens, languages, words

from capitals_helpers import converted_pair, readers

runner = CliRunner()
ES = CapitalsRecogniser("es")


names, surfaces, dates = readers("es")


# --- the rules, in the contract's order -------------------------------------------------------

def test_0_a_lower_case_head_opens_an_organisations_name_inside_its_span():
    assert names("El ministerio de Sanidad y el ayuntamiento de Alboraia lo confirmaron.") == [
        ("org", "ministerio de Sanidad", "ministerio de Sanidad", 0.8),
        ("org", "ayuntamiento de Alboraia", "ayuntamiento de Alboraia", 0.8)]


def test_a_places_lower_case_generic_word_stays_outside_its_name():
    # streets, squares, venues and natural features are place_of words, as English writes them
    assert names("Cortaron la calle de Alcalá, el paseo de la Castellana y la plaza Mayor.") == [
        ("place", "Alcalá", "Alcalá", 0.75), ("place", "Castellana", "Castellana", 0.9),
        ("place", "Mayor", "Mayor", 0.75)]
    assert surfaces("El río Ebro se desbordó y el volcán de Cumbre Vieja entró en erupción.") == [
        ("place", "Ebro"), ("place", "Cumbre Vieja")]


def test_0_a_capitalised_head_opens_an_organisations_name_and_a_second_one_after_y_is_its_own():
    assert names("La Guardia Civil detuvo al sospechoso.") == [("org", "Guardia Civil", "Guardia Civil", 0.8)]
    assert surfaces("La Fundación Ugarte y el Banco de Tolosa colaboran con la Confederación Hidrográfica del Segura.") == [
        ("org", "Fundación Ugarte"), ("org", "Banco de Tolosa"), ("org", "Confederación Hidrográfica del Segura")]
    assert surfaces("El Tribunal Supremo y la Audiencia Nacional investigan. La Policía Nacional y los Mossos colaboran.") == [
        ("org", "Tribunal Supremo"), ("org", "Audiencia Nacional"), ("org", "Policía Nacional"), ("org", "Mossos")]
    # "y" before a place, or inside one organisation's name, parts nothing
    assert surfaces("La Cámara de Comercio de Sevilla y Huelva protestó.") == [
        ("org", "Cámara de Comercio de Sevilla y Huelva")]
    assert surfaces("Multó la Comisión Nacional de los Mercados y la Competencia.") == [
        ("org", "Comisión Nacional de los Mercados y la Competencia")]


def test_0_an_organisations_name_ending_with_an_enumeration_keeps_it_past_the_comma():
    assert surfaces("El Ministerio de Ciencia, Innovación y Universidades convocó las ayudas.") == [
        ("org", "Ministerio de Ciencia, Innovación y Universidades")]
    assert surfaces("El ministerio de Transportes, Movilidad y Agenda Urbana licitó las obras.") == [
        ("org", "ministerio de Transportes, Movilidad y Agenda Urbana")]
    # items that are names of their own are a list after it
    assert surfaces("El Ministerio de Defensa, Francia y Alemania firmaron el acuerdo.") == [
        ("org", "Ministerio de Defensa"), ("place", "Francia"), ("place", "Alemania")]


def test_1_a_listed_name_is_marked_whole_without_its_article_but_with_its_own():
    assert names("Representantes de Naciones Unidas y de la Unión Europea llegaron a Honduras.") == [
        ("org", "Naciones Unidas", "Naciones Unidas", 0.9), ("org", "Unión Europea", "Unión Europea", 0.9),
        ("place", "Honduras", "Honduras", 0.9)]
    assert surfaces("Invierte en El Salvador y La Rioja, según El País.") == [
        ("place", "El Salvador"), ("place", "La Rioja"), ("org", "El País")]
    assert surfaces("Militantes del PSOE, del PP, de Vox y de Sumar votaron.") == [
        ("org", "PSOE"), ("org", "PP"), ("org", "Vox"), ("org", "Sumar")]


def test_2_a_title_before_a_name_makes_a_person_and_stays_outside_the_span():
    assert names("La Sra. Remedios Ugarte recibió al Dr. Ballesteros.") == [
        ("person", "Remedios Ugarte", "Remedios Ugarte", 0.85), ("person", "Ballesteros", "Ballesteros", 0.85)]
    assert surfaces("El rey Felipe VI y el papa León XIV se reunieron.") == [
        ("person", "Felipe VI"), ("person", "León XIV")]
    assert surfaces("Don Eusebio Landa y doña Casilda Ortuzar asistieron.") == [
        ("person", "Eusebio Landa"), ("person", "Casilda Ortuzar")]
    assert surfaces("El entrenador Imanol Goikoetxea elogió al delantero Lucho Barrenetxea.") == [
        ("person", "Imanol Goikoetxea"), ("person", "Lucho Barrenetxea")]


def test_2_a_title_adjective_may_stand_between_the_title_and_the_name():
    assert surfaces("El presidente chileno Gabriel Boric y el rey emérito Juan Carlos I hablaron.") == [
        ("person", "Gabriel Boric"), ("person", "Juan Carlos I")]
    assert surfaces("La vicepresidenta segunda Amaia Zubeldia compareció.") == [("person", "Amaia Zubeldia")]


def test_2_after_a_title_and_a_connector_the_complement_runs_to_a_given_name():
    assert names("La ministra de Sanidad Itziar Urrutikoetxea presentó el plan.") == [
        ("person", "Itziar Urrutikoetxea", "Itziar Urrutikoetxea", 0.8)]
    assert names("El presidente del Gobierno Pedro Sánchez llegó.") == [
        ("person", "Pedro Sánchez", "Pedro Sánchez", 0.85)]
    assert surfaces("El presidente de Estados Unidos Donald Trump y el alcalde de San Sebastián Eneko Goia hablaron.") == [
        ("place", "Estados Unidos"), ("person", "Donald Trump"), ("place", "San Sebastián"), ("person", "Eneko Goia")]
    assert surfaces("La presidenta de la Comunidad de Madrid Isabel Díaz Ayuso respondió.") == [
        ("place", "Comunidad de Madrid"), ("person", "Isabel Díaz Ayuso")]
    # a capitalised title and its complement name no person
    assert surfaces("El Presidente del Gobierno y la Ministra de Hacienda viajaron.") == []


def test_3_an_org_head_or_an_org_first_and_a_connector_make_an_organisation():
    assert names("El Sevilla FC ganó a Telefónica S.A. en el torneo.") == [
        ("org", "Sevilla FC", "Sevilla FC", 0.9), ("org", "Telefónica S.A.", "Telefónica S.A.", 0.8)]
    assert surfaces("Lo dijo el Consejo de Sindicalia.") == [("org", "Consejo de Sindicalia")]


def test_4_a_place_first_or_a_listed_place_after_a_comma_makes_a_place():
    assert names("Trabajaron en el Barranco del Poyo y en la Sierra de Cazorla.") == [
        ("place", "Barranco del Poyo", "Barranco del Poyo", 0.75), ("place", "Sierra de Cazorla", "Sierra de Cazorla", 0.75)]
    assert names("Los vecinos de Carcaixent, Valencia, protestaron.") == [
        ("place", "Carcaixent", "Carcaixent", 0.75), ("place", "Valencia", "Valencia", 0.9)]


def test_4_a_dateline_in_capitals_is_a_place_and_the_agency_an_organisation():
    assert names("MADRID, 12 mar (EFE).- El Gobierno aprobó el plan.") == [
        ("place", "MADRID", "MADRID", 0.7), ("org", "EFE", "EFE", 0.9)]
    assert surfaces("BOGOTÁ — El presidente habló.") == [("place", "BOGOTÁ")]
    assert surfaces("CIUDAD DE MÉXICO, 5 may (EFE).- Llovió.") == [("place", "CIUDAD DE MÉXICO"), ("org", "EFE")]
    assert surfaces("Bilbao, 3 de junio (Europa Press).- Llovió.") == [("place", "Bilbao"), ("org", "Europa Press")]


def test_5_a_given_name_opening_two_to_four_words_makes_a_person_its_particles_inside():
    assert names("Valentín Ibarguren Osa y María de los Ángeles Korta llegaron.") == [
        ("person", "Valentín Ibarguren Osa", "Valentín Ibarguren Osa", 0.8),
        ("person", "María de los Ángeles Korta", "María de los Ángeles Korta", 0.8)]
    assert surfaces("Luis de Guindos saludó a Íñigo de la Serna y a José Luis Rodríguez Zapatero.") == [
        ("person", "Luis de Guindos"), ("person", "Íñigo de la Serna"), ("person", "José Luis Rodríguez Zapatero")]
    assert surfaces("Juan-Carlos Oyarzabal llegó tarde.") == [("person", "Juan-Carlos Oyarzabal")]


def test_5_a_verb_of_saying_beside_two_or_three_words_makes_a_person():
    assert names('"No vamos a ceder", ha asegurado Telmo Arregi.') == [("person", "Telmo Arregi", "Telmo Arregi", 0.7)]
    assert names("Etxeberria Lasa dijo que no. Según Goñi Arteta, no.") == [
        ("person", "Etxeberria Lasa", "Etxeberria Lasa", 0.7), ("person", "Goñi Arteta", "Goñi Arteta", 0.7)]
    assert names("Etxeberria Lasa comió.") == []


def test_6_an_age_an_apposition_or_a_description_after_a_comma_makes_a_person_or_a_place():
    assert names("Anselma Korta, de 61 años, declaró.") == [("person", "Anselma Korta", "Anselma Korta", 0.6)]
    assert names("Su hermana, Garazi Olaso, declaró.") == [("person", "Garazi Olaso", "Garazi Olaso", 0.6)]
    assert names("Nekane Olaizola, quien preside la asociación, habló.")[0] == (
        "person", "Nekane Olaizola", "Nekane Olaizola", 0.8)
    assert names("Koldobika Etxebarria, quien preside la asociación, habló.") == [
        ("person", "Koldobika Etxebarria", "Koldobika Etxebarria", 0.6)]
    assert names("Lo recuerda Muskiz, una localidad minera.") == [("place", "Muskiz", "Muskiz", 0.6)]


def test_6_a_word_naming_a_kind_of_organisation_before_a_name_makes_it_one_outside_the_span():
    assert names("El sindicato Sindicalia y la tecnológica estadounidense Quantora firmaron.") == [
        ("org", "Sindicalia", "Sindicalia", 0.6), ("org", "Quantora", "Quantora", 0.6)]
    assert surfaces("Se unió al partido Avanza Rioja.") == [("org", "Avanza Rioja")]


def test_6_an_article_and_a_verb_of_saying_or_a_whose_after_a_comma_make_an_organisation():
    assert names("La Sindicalia ha dicho que no.") == [("org", "Sindicalia", "Sindicalia", 0.6)]
    assert names("Cerró la tienda de Urdaibai Kirolak, cuya sede está en Gernika.") == [
        ("org", "Urdaibai Kirolak", "Urdaibai Kirolak", 0.6), ("place", "Gernika", "Gernika", 0.9)]


def test_6_a_place_word_before_a_name_makes_it_a_place_outside_the_span():
    assert names("Los barrios de Natzaret y el municipio de Alboraia se inundaron, como el sur de Orihuela.") == [
        ("place", "Natzaret", "Natzaret", 0.75), ("place", "Alboraia", "Alboraia", 0.75),
        ("place", "Orihuela", "Orihuela", 0.75)]
    assert surfaces("La provincia de Buenos Aires y la ciudad de Valencia votan.") == [
        ("place", "Buenos Aires"), ("place", "Valencia")]


def test_7_a_place_cue_makes_an_unknown_name_a_place_at_a_low_cert():
    assert names("Viajaron desde Trebujena y hacia Villanueva Alta.") == [
        ("place", "Trebujena", "Trebujena", 0.5), ("place", "Villanueva Alta", "Villanueva Alta", 0.5)]
    assert surfaces("Vive cerca de Tordesillas.") == [("place", "Tordesillas")]
    # "a" stands before persons: no cue
    assert names("La policía buscó a Ugarte Ibarra.") == []


def test_8_a_particle_before_a_listed_name_parts_the_person_from_it():
    assert surfaces("Ana Landa del PSOE y Lamine Yamal del Barcelona asistieron.") == [
        ("person", "Ana Landa"), ("org", "PSOE"), ("person", "Lamine Yamal"), ("place", "Barcelona")]
    assert surfaces("El delantero Lamine Yamal del Barcelona marcó.") == [("person", "Lamine Yamal"), ("place", "Barcelona")]


def test_8_y_joins_two_persons_or_two_places_never_one():
    assert surfaces("Hablaron Pedro Sánchez y Alberto Núñez Feijóo.") == [
        ("person", "Pedro Sánchez"), ("person", "Alberto Núñez Feijóo")]
    assert names("Llovió en Tolosa y Bilbao.") == [("place", "Tolosa", "Tolosa", 0.5), ("place", "Bilbao", "Bilbao", 0.9)]


def test_8_a_listed_name_inside_a_run_is_never_parted():
    assert surfaces("Los consejeros de Castilla y León llegaron.") == [("place", "Castilla y León")]
    assert surfaces("La ONU y la Organización Mundial de la Salud pidieron ayuda.") == [
        ("org", "ONU"), ("org", "Organización Mundial de la Salud")]


def test_8_a_word_opening_a_sentence_before_a_given_name_is_no_part_of_it():
    assert names("Conversaron Itziar Goiri y Feijóo. Goiri sonrió.") == [
        ("person", "Itziar Goiri", "Itziar Goiri", 0.8), ("person", "Goiri", "Itziar Goiri", 0.75)]
    assert surfaces("Dijo Pedro Sánchez que no.") == [("person", "Pedro Sánchez")]


def test_a_ministrys_portfolio_after_a_title_is_no_organisation():
    assert surfaces("La ministra de Sanidad, Mónica García, y el ministro del Interior, Fernando "
                    "Grande-Marlaska, comparecieron.") == [("person", "Mónica García"),
                                                         ("person", "Fernando Grande-Marlaska")]


# --- later mentions, acronyms -----------------------------------------------------------------

def test_a_surname_alone_later_is_the_person_found_in_full():
    text = "El líder del PP, Alberto Núñez Feijóo, criticó al Gobierno. Feijóo dijo que no apoyará los presupuestos."
    assert names(text) == [("org", "PP", "PP", 0.9), ("person", "Alberto Núñez Feijóo", "Alberto Núñez Feijóo", 0.8),
                           ("person", "Feijóo", "Alberto Núñez Feijóo", 0.75)]
    assert names("El juez citó al exministro José Luis Ábalos. El Sr. Ábalos declaró.") == [
        ("person", "José Luis Ábalos", "José Luis Ábalos", 0.85), ("person", "Ábalos", "José Luis Ábalos", 0.85)]


def test_a_persons_two_surnames_later_are_that_person():
    text = "Gabriel García Márquez nació en Aracataca. García Márquez vivió en México."
    assert names(text) == [("person", "Gabriel García Márquez", "Gabriel García Márquez", 0.8),
                           ("place", "Aracataca", "Aracataca", 0.5),
                           ("person", "García Márquez", "Gabriel García Márquez", 0.75), ("place", "México", "México", 0.9)]


def test_a_name_whose_surname_is_written_alone_elsewhere_is_a_person_and_two_of_one_surname_lend_it_to_neither():
    assert names("Lekuona ganó otra vez. Berezi Lekuona lo celebró.") == [
        ("person", "Lekuona", "Berezi Lekuona", 0.75), ("person", "Berezi Lekuona", "Berezi Lekuona", 0.6)]
    assert names("Zigor Arrieta y Lur Arrieta llegaron. Arrieta habló.") == [
        ("person", "Zigor Arrieta", "Zigor Arrieta", 0.6), ("person", "Lur Arrieta", "Lur Arrieta", 0.6)]


def test_an_acronym_in_brackets_after_an_organisation_is_that_organisation_later_too():
    text = "La Oficina de Turismo Rural (OTR) abrió. La OTR lo anunció."
    assert names(text) == [("org", "Oficina de Turismo Rural", "Oficina de Turismo Rural", 0.8),
                           ("org", "OTR", "Oficina de Turismo Rural", 0.8), ("org", "OTR", "Oficina de Turismo Rural", 0.8)]
    # lower-case words inside the name, the initials spelling the acronym
    assert names("La Agencia para el Desarrollo Rural de Teruel (ADRT) presentó el plan.") == [
        ("org", "Agencia para el Desarrollo Rural de Teruel", "Agencia para el Desarrollo Rural de Teruel", 0.8),
        ("org", "ADRT", "Agencia para el Desarrollo Rural de Teruel", 0.8)]
    assert names("La AEMET, según la Agencia Estatal de Meteorología (AEMET), avisó.")[-1] == (
        "org", "AEMET", "Agencia Estatal de Meteorología", 0.9)


def test_the_author_is_a_person_wherever_written():
    assert names("Texto de Amaia Ortuzar. Amaia Ortuzar cubre Bilbao.", author="Amaia Ortuzar") == [
        ("person", "Amaia Ortuzar", "Amaia Ortuzar", 0.95), ("person", "Amaia Ortuzar", "Amaia Ortuzar", 0.95),
        ("place", "Bilbao", "Bilbao", 0.9)]


# --- never a name -----------------------------------------------------------------------------

def test_days_months_pronouns_and_words_opening_a_sentence_are_no_names():
    assert names("Lunes, Martes y Miércoles habrá lluvia. Este año Sin embargo Pero Según ellos.") == []
    assert names("Según Eso, Nosotros Vamos. Hoy Sanidad. Marzo Junio Agosto.") == []


def test_laws_holidays_events_and_subjects_are_no_names():
    assert names("La Ley de Amnistía y el Real Decreto entraron en vigor. En Navidad y en Semana Santa viajaron.") == []
    assert names("Se licenció en Derecho. Cree en Dios.") == []


def test_an_events_name_holds_no_name_but_what_follows_its_next_connector():
    assert surfaces("Pogačar ganó el Tour de Francia y la Ley de Vivienda entró en vigor.") == []
    assert surfaces("El Real Madrid ganó la Copa del Rey en Sevilla.") == [("org", "Real Madrid"), ("place", "Sevilla")]


def test_cldr_names_that_are_given_names_or_common_nouns_are_no_places():
    assert surfaces("Mauricio Macri y Diego García llegaron a Burkina Faso y Kirguistán.") == [
        ("person", "Mauricio Macri"), ("person", "Diego García"), ("place", "Burkina Faso"), ("place", "Kirguistán")]
    assert names("Reunión de ministros en la sede") == []


def test_a_title_case_headline_gets_listed_names_only():
    assert surfaces("Jornada Decisiva Para El Futuro De Castilla\n\nLos consejeros votaron.") == [("place", "Castilla")]
    assert surfaces("El Bloque Vecinal De Alboraia Pide Ayuda") == []


def test_a_long_line_of_names_and_connectors_is_read_in_bounded_time():
    import time
    words_ = "Multó la Comisión Nacional de los Mercados y la Competencia a Ana Pérez del PSOE".split()
    line = " ".join(words_[(i * 7) % len(words_)] for i in range(8000)) + "."  # about 60 KB, one sentence
    started = time.process_time()
    ES.find(line)
    assert time.process_time() - started < 5  # 0.3 s here: a bound against a quadratic reading, not a benchmark


@pytest.mark.parametrize("text", ["", "¡¿...?!", "\n\n"])
def test_a_text_of_no_word_has_no_name(text):
    assert ES.find(text) == []


# --- dates ------------------------------------------------------------------------------------

def test_the_dates_are_the_language_neutral_ones_in_spanish_month_names():
    assert dates("Se casaron el 12 de marzo de 2024 y se separaron en marzo de 2025.") == [
        ("12 de marzo de 2024", {"when": "2024-03-12"}), ("marzo de 2025", {"when": "2025-03"})]
    assert dates("La cumbre será el 3 de junio y terminará el 5 de junio de 2024.", "2024-05-10") == [
        ("3 de junio", {"when": "2024-06-03"}), ("5 de junio de 2024", {"when": "2024-06-05"})]
    assert dates("El informe del 15/03/2024 y el del 2024-03-16.") == [
        ("15/03/2024", {"when": "2024-03-15"}), ("2024-03-16", {"when": "2024-03-16"})]
    assert dates("El mes de marzo fue lluvioso.") == []


def test_a_year_alone_after_a_year_cue_is_a_date_but_not_a_number_of_things():
    assert dates("Desde 1990 hasta 2020, creció. En 2024 se registraron casos; a partir de 2027, habrá más.") == [
        ("1990", {"when": "1990"}), ("2020", {"when": "2020"}), ("2024", {"when": "2024"}), ("2027", {"when": "2027"})]
    assert dates("Había 2000 personas, de 1500 euros cada una.") == []


# --- the words and the lists ------------------------------------------------------------------

def test_initials_of_a_plural_are_one_word_and_spanish_has_no_elision_nor_possessive():
    toks = Tokens("EE.UU. y CC.OO. en d'Esquadra", words("es"))
    assert toks.words == ["EE.UU.", "y", "CC.OO.", "en", "d'Esquadra"]
    assert words("es").elisions == () and not words("es")["possessive"]
    assert surfaces("EE.UU. y EE. UU. y EEUU son Estados Unidos.") == [
        ("place", "EE.UU."), ("place", "EE. UU."), ("place", "EEUU"), ("place", "Estados Unidos")]


def test_spanish_has_word_lists_and_the_places_of_cldr():
    assert "es" in languages()
    lists = words("es")
    assert ("partido",) in lists.org_before and ("ministra",) in lists.titles and "Begoña" in lists["given"]
    assert "Mauricio" not in lists["place"] and "Reunión" not in lists["place"] and "Kirguistán" in lists["place"]


# --- corpus names, convert, ner extract -------------------------------------------------------

def test_a_name_found_elsewhere_in_the_corpus_is_marked_where_written():
    known = frozenset({("Ugutz Lasarte", "person"), ("Urdaibai Kirolak", "org")})
    text = "Los vecinos aplaudieron a Ugutz Lasarte junto a Urdaibai Kirolak."
    assert names(text) == []
    assert names(text, known_names=known) == [("person", "Ugutz Lasarte", "Ugutz Lasarte", 0.8),
                                              ("org", "Urdaibai Kirolak", "Urdaibai Kirolak", 0.8)]


def test_convert_marks_a_spanish_article_with_the_capitals_recogniser(tmp_path):
    a, b = converted_pair(tmp_path, "es", "Visita al puerto\n\nEl alcalde Ugutz Lasarte visitó Bermeo el 3 de mayo de 2024.\n",
                          "Obras en la lonja\n\nLos vecinos aplaudieron a Ugutz Lasarte ayer.\n")
    assert '<persName ref="#pers-ugutz-lasarte" resp="#ner-capitals" cert="0.85">Ugutz Lasarte</persName>' in a
    assert '<date when="2024-05-03"' in a
    marked = '<persName ref="#pers-ugutz-lasarte" resp="#ner-capitals" cert="0.80">Ugutz Lasarte</persName>'
    assert marked in b


def test_ner_extract_runs_the_spanish_recogniser(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("El presidente Gustavo Petro visitó Madrid.", encoding="utf-8")
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "es", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "(capitals)" in result.output
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert line["entities"] == [[14, 27, "persName"], [35, 41, "placeName"]]
