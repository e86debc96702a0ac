"""Names in Italian by capitals and word lists (recognise/capitals.py with data/languages/names/it.tsv):
each rule of its contract as Italian writes it (Italy and Italian Switzerland), the later mentions,
acronyms in brackets, elisions ("l'Istat", "dell'Ue", "Banca d'Italia"), what is never a name,
datelines ("ROMA, 12 MAR -", "(ANSA) - MILANO, 3 maggio -"), the dates in Italian month names and
the agencies' abbreviations, and `ner extract --language it`. What Italian writes differently is
in its lists (a place's lower-case generic word outside its name, "via Nazionale", "il fiume Po",
"il comune di …"; an organisation's lower-case head inside, "la procura di Milano"; the
articulated prepositions "nel", "dalla", "sul" outside a name; the capitalised particles of
surnames, "Di Maio", "De Luca", "Del Piero", inside one); three general rules came with it: a
word with a dot inside is one ("Sig.ra", "Dott.ssa"), a run in capitals after an agency's name in
brackets opening a line is a dateline's place, and after a lower-case title and a connector a given
name parts a person from the organisation a capitalised head opens ("il presidente del Senato
Ignazio La Russa").

The sentences here are written for these tests (the persons in them are invented, or public
figures in invented sentences); the Italian NER sets are written by an annotator who does not
see the word lists, and no word list was tuned on them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.capitalwords import Tokens, languages, words

from capitals_helpers import converted_pair, readers

runner = CliRunner()
IT = CapitalsRecogniser("it")


names, surfaces, dates = readers("it")


# --- the rules, in the contract's order -------------------------------------------------------

def test_0_a_lower_case_head_opens_an_organisations_name_inside_its_span():
    assert names("Il ministero della Salute e la procura di Milano hanno aperto un fascicolo.") == [
        ("org", "ministero della Salute", "ministero della Salute", 0.8),
        ("org", "procura di Milano", "procura di Milano", 0.8)]
    assert surfaces("Il tribunale di Torino e la corte d'appello di Napoli hanno deciso.") == [
        ("org", "tribunale di Torino"), ("org", "corte d'appello di Napoli")]
    assert surfaces("La questura di Lodi ha chiesto aiuto al tribunale del riesame di Brescia.") == [
        ("org", "questura di Lodi"), ("org", "tribunale del riesame di Brescia")]
    assert surfaces("L'ospedale Niguarda e l'università di Bologna collaborano.") == [
        ("org", "ospedale Niguarda"), ("org", "università di Bologna")]


def test_a_places_lower_case_generic_word_stays_outside_its_name():
    # administrative levels, streets, squares and natural features are place_of words
    assert names("Hanno chiuso via Tornabuoni, corso Vannucci e piazza Navona.") == [
        ("place", "Tornabuoni", "Tornabuoni", 0.75), ("place", "Vannucci", "Vannucci", 0.75),
        ("place", "Navona", "Navona", 0.75)]
    assert surfaces("Il fiume Po è in piena, il lago di Garda è calmo e l'isola d'Elba è piena.") == [
        ("place", "Po"), ("place", "Garda"), ("place", "Elba")]
    assert names("Gli abitanti del comune di Valdilana e della frazione di Pianezze protestano, come nel "
                 "sud di Bergamo.") == [
        ("place", "Valdilana", "Valdilana", 0.75), ("place", "Pianezze", "Pianezze", 0.75),
        ("place", "Bergamo", "Bergamo", 0.9)]
    assert surfaces("Il quartiere Scampia, la regione Lazio e la provincia di Sondrio.") == [
        ("place", "Scampia"), ("place", "Lazio"), ("place", "Sondrio")]


def test_0_a_capitalised_head_opens_an_organisations_name_and_a_second_one_after_e_is_its_own():
    assert names("La Guardia Costiera ha soccorso i naufraghi.") == [
        ("org", "Guardia Costiera", "Guardia Costiera", 0.8)]
    assert surfaces("La Regione Lombardia e il Comune di Milano hanno firmato con l'Università Bocconi.") == [
        ("org", "Regione Lombardia"), ("org", "Comune di Milano"), ("org", "Università Bocconi")]
    assert surfaces("La Fondazione Gervasoni e la Banca Popolare di Sondrio hanno firmato.") == [
        ("org", "Fondazione Gervasoni"), ("org", "Banca Popolare di Sondrio")]
    assert surfaces("La Corte d'Appello di Milano e la Procura Generale hanno deciso.") == [
        ("org", "Corte d'Appello di Milano"), ("org", "Procura Generale")]
    assert surfaces("Il Ministero dell'Economia e delle Finanze ha emesso i titoli.") == [
        ("org", "Ministero dell'Economia e delle Finanze")]
    assert surfaces("La Camera e il Senato hanno votato.") == [("org", "Camera"), ("org", "Senato")]


def test_0_an_organisations_name_ending_with_an_enumeration_keeps_it_past_the_comma():
    # an item may open with its connectors, elided too ("dell'Energia")
    assert surfaces("Il Ministero dell'Ambiente, della Sicurezza e dell'Energia ha firmato.") == [
        ("org", "Ministero dell'Ambiente, della Sicurezza e dell'Energia")]


def test_1_a_listed_name_is_marked_whole_without_its_article_but_with_its_own():
    assert names("I rappresentanti delle Nazioni Unite e dell'Unione europea sono arrivati in Ucraina.") == [
        ("org", "Nazioni Unite", "Nazioni Unite", 0.9), ("org", "Unione europea", "Unione europea", 0.9),
        ("place", "Ucraina", "Ucraina", 0.9)]
    assert surfaces("Secondo La Stampa e Il Messaggero, l'Eni e la Juventus hanno guadagnato.") == [
        ("org", "La Stampa"), ("org", "Il Messaggero"), ("org", "Eni"), ("org", "Juventus")]
    assert surfaces("Gli esponenti del Pd, di FdI, della Lega e di Forza Italia hanno votato.") == [
        ("org", "Pd"), ("org", "FdI"), ("org", "Lega"), ("org", "Forza Italia")]
    assert surfaces("La delegazione ha visitato Napoli, Lugano, Bellinzona e L'Aquila.") == [
        ("place", "Napoli"), ("place", "Lugano"), ("place", "Bellinzona"), ("place", "L'Aquila")]
    assert surfaces("Il Quirinale e Palazzo Chigi hanno smentito.") == [("org", "Quirinale"), ("org", "Palazzo Chigi")]


def test_an_elided_article_or_preposition_is_no_part_of_the_name():
    assert names("L'Istat e l'Inps hanno diffuso i dati dell'Ue e della Bce.") == [
        ("org", "Istat", "Istat", 0.9), ("org", "Inps", "Inps", 0.9), ("org", "Ue", "Ue", 0.9),
        ("org", "Bce", "Bce", 0.9)]
    assert surfaces("Nell'Ue si vota, all'Onu si discute e sull'Adriatico piove.") == [
        ("org", "Ue"), ("org", "Onu"), ("place", "Adriatico")]
    # inside a name, the elided preposition is a connector
    assert surfaces("La Banca d'Italia e Fratelli d'Italia.") == [("org", "Banca d'Italia"), ("org", "Fratelli d'Italia")]
    toks = Tokens("dell'Ue e l’Istat", words("it"))
    assert toks.words == ["dell'", "Ue", "e", "l’", "Istat"]


def test_2_a_title_before_a_name_makes_a_person_and_stays_outside_the_span():
    assert names("Il Sig. Ghezzi ha ricevuto la Dott.ssa Federica Porcu.") == [
        ("person", "Ghezzi", "Ghezzi", 0.85), ("person", "Federica Porcu", "Federica Porcu", 0.85)]
    assert surfaces("La Sig.ra Bianchi, l'On. Fassino e il Prof. Anselmo Ricciardi hanno parlato.") == [
        ("person", "Bianchi"), ("person", "Fassino"), ("person", "Anselmo Ricciardi")]
    assert surfaces("Il presidente Sergio Mattarella ha ricevuto la premier Giorgia Meloni.") == [
        ("person", "Sergio Mattarella"), ("person", "Giorgia Meloni")]
    assert surfaces("Don Luigi Ciotti e suor Anna Monia Alfieri erano presenti.") == [
        ("person", "Luigi Ciotti"), ("person", "Anna Monia Alfieri")]
    assert surfaces("Il sindaco Beppe Sala, il governatore Luca Zaia e il senatore Matteo Renzi.") == [
        ("person", "Beppe Sala"), ("person", "Luca Zaia"), ("person", "Matteo Renzi")]
    assert surfaces("Il giudice Ermanno Caporaso, il procuratore Nicola Gratteri e la deputata Ornella "
                    "Zambelli.") == [("person", "Ermanno Caporaso"), ("person", "Nicola Gratteri"),
                                     ("person", "Ornella Zambelli")]
    assert surfaces("L'allenatore Carlo Ancelotti ha lodato l'attaccante Lautaro Martínez e il tecnico "
                    "Gian Piero Gasperini.") == [("person", "Carlo Ancelotti"), ("person", "Lautaro Martínez"),
                                                 ("person", "Gian Piero Gasperini")]
    assert surfaces("Papa Francesco e il papa Leone XIV.") == [("person", "Francesco"), ("person", "Leone XIV")]


def test_2_a_title_adjective_may_stand_between_the_title_and_the_name():
    assert surfaces("Il presidente francese Emmanuel Macron e l'ex premier britannico Boris Johnson.") == [
        ("person", "Emmanuel Macron"), ("person", "Boris Johnson")]
    assert surfaces("Il presidente ucraino Volodymyr Zelensky e il segretario generale António Guterres.") == [
        ("person", "Volodymyr Zelensky"), ("person", "António Guterres")]


def test_2_after_a_title_and_a_connector_the_complement_runs_to_a_given_name():
    assert names("Il ministro dell'Interno Matteo Piantedosi ha parlato.") == [
        ("person", "Matteo Piantedosi", "Matteo Piantedosi", 0.8)]
    assert surfaces("La ministra del Lavoro Marina Calderone e il ministro degli Esteri Antonio Tajani.") == [
        ("person", "Marina Calderone"), ("person", "Antonio Tajani")]
    assert surfaces("Il sindaco di Milano Beppe Sala e il governatore della Campania Vincenzo De Luca.") == [
        ("place", "Milano"), ("person", "Beppe Sala"), ("place", "Campania"), ("person", "Vincenzo De Luca")]
    assert surfaces("Il presidente della Repubblica Sergio Mattarella ha firmato.") == [("person", "Sergio Mattarella")]
    # a capitalised title and its complement name no person
    assert surfaces("Il Presidente della Repubblica e il Ministro della Salute sono arrivati.") == []


def test_2_after_a_lower_case_title_and_a_connector_a_given_name_parts_the_person_from_the_organisation():
    assert names("Il presidente del Consiglio Giorgia Meloni ha parlato.") == [
        ("person", "Giorgia Meloni", "Giorgia Meloni", 0.85)]
    assert surfaces("Il presidente del Senato Ignazio La Russa e il presidente della Regione Lombardia Attilio "
                    "Fontana.") == [("org", "Senato"), ("person", "Ignazio La Russa"), ("org", "Regione Lombardia"),
                                    ("person", "Attilio Fontana")]
    assert surfaces("Il direttore dell'Istituto Superiore di Sanità Silvio Brusaferro ha parlato.") == [
        ("org", "Istituto Superiore di Sanità"), ("person", "Silvio Brusaferro")]
    # without a given name the organisation is whole
    assert surfaces("Il presidente della Fondazione Gervasoni ha parlato.") == [("org", "Fondazione Gervasoni")]


def test_3_an_org_head_or_an_org_first_and_a_connector_make_an_organisation():
    assert names("La Ghezzi Costruzioni S.p.A. ha fatto causa alla Bracchi Srl.") == [
        ("org", "Ghezzi Costruzioni S.p.A.", "Ghezzi Costruzioni S.p.A.", 0.8),
        ("org", "Bracchi Srl", "Bracchi Srl", 0.8)]
    assert surfaces("Lo ha deciso il Consiglio di Valdilana.") == [("org", "Consiglio di Valdilana")]


def test_4_a_place_first_or_a_listed_place_after_a_comma_makes_a_place():
    assert names("Lavorano sul Lago di Bracciano, in Val Brembana e sul Monte Amiata.") == [
        ("place", "Lago di Bracciano", "Lago di Bracciano", 0.75),
        ("place", "Val Brembana", "Val Brembana", 0.75), ("place", "Monte Amiata", "Monte Amiata", 0.75)]
    assert names("Abita a Pianezze, Biella.") == [
        ("place", "Pianezze", "Pianezze", 0.75), ("place", "Biella", "Biella", 0.9)]


def test_4_a_dateline_in_capitals_is_a_place_and_the_agency_an_organisation():
    assert surfaces("ROMA, 12 MAR - Il governo ha approvato il decreto.") == [("place", "ROMA")]
    assert names("(ANSA) - MILANO, 3 maggio - Il governo ha approvato il decreto.") == [
        ("org", "ANSA", "ANSA", 0.9), ("place", "MILANO", "MILANO", 0.7)]
    assert surfaces("Piove.\nNAPOLI, 5 SET (ANSA) - Il governo ha approvato.") == [("place", "NAPOLI"), ("org", "ANSA")]
    assert surfaces("Roma, 12 marzo 2025 - Il governo ha approvato il decreto.") == [("place", "Roma")]
    assert surfaces("MILANO - La Borsa è in calo.") == [("place", "MILANO")]
    # an agency's name in brackets inside a sentence opens no dateline
    assert surfaces("Lo dice l'agenzia (ANSA) - BUONE notizie, dunque.") == [("org", "ANSA")]


def test_5_a_given_name_opening_two_to_four_words_makes_a_person_its_particles_inside():
    assert names("Luigi Di Maio e Vincenzo De Luca hanno discusso con Massimo D'Alema.") == [
        ("person", "Luigi Di Maio", "Luigi Di Maio", 0.8), ("person", "Vincenzo De Luca", "Vincenzo De Luca", 0.8),
        ("person", "Massimo D'Alema", "Massimo D'Alema", 0.8)]
    assert surfaces("Ursula von der Leyen ha incontrato Alessandro Del Piero e Diego Della Valle.") == [
        ("person", "Ursula von der Leyen"), ("person", "Alessandro Del Piero"), ("person", "Diego Della Valle")]
    assert surfaces("Gian Marco Centinaio, Pier Ferdinando Casini e Maria Grazia Cucinotta sono arrivati.") == [
        ("person", "Gian Marco Centinaio"), ("person", "Pier Ferdinando Casini"), ("person", "Maria Grazia Cucinotta")]
    assert surfaces("Anna-Maria Bracchi arriva tardi.") == [("person", "Anna-Maria Bracchi")]


def test_5_an_elided_preposition_with_a_capital_inside_a_name_is_its_surnames():
    # "Dell'", "Dall’" open no name where a sentence does, but inside one they are a surname's
    assert surfaces("È morto lo scultore Giovanni Battista Dell'Acqua, tra i protagonisti.") == [
        ("person", "Giovanni Battista Dell'Acqua")]
    assert surfaces("Lo coordina la neuroscienziata Chiara Dall’Olio con colleghi.") == [("person", "Chiara Dall’Olio")]
    assert surfaces("Dell'anno scorso resta poco.") == []


def test_5_a_verb_of_saying_beside_two_or_three_words_makes_a_person():
    assert names('"Non ci sto", dice Tullio Vacchelli.') == [("person", "Tullio Vacchelli", "Tullio Vacchelli", 0.8)]
    assert names("Pezzali Ranieri ha detto che non è vero. Secondo Ghezzi Ferraris, sì. Stando a Caporaso "
                 "Bellini, forse.") == [
        ("person", "Pezzali Ranieri", "Pezzali Ranieri", 0.7), ("person", "Ghezzi Ferraris", "Ghezzi Ferraris", 0.7),
        ("person", "Caporaso Bellini", "Caporaso Bellini", 0.7)]
    assert names('"Basta così", ha dichiarato Ottorino Pezzali.') == [
        ("person", "Ottorino Pezzali", "Ottorino Pezzali", 0.7)]
    assert names("Pezzali Ranieri mangia.") == []


def test_6_an_age_an_apposition_or_a_description_after_a_comma_makes_a_person_or_a_place():
    assert names("Ermenegilda Porcu, 61, ha raccontato.") == [
        ("person", "Ermenegilda Porcu", "Ermenegilda Porcu", 0.7)]
    assert names("La sua collega, Ermenegilda Porcu, ha parlato.") == [
        ("person", "Ermenegilda Porcu", "Ermenegilda Porcu", 0.6)]
    assert names("Ottorino Pezzali, che guida l'associazione, ha parlato.") == [
        ("person", "Ottorino Pezzali", "Ottorino Pezzali", 0.6)]
    assert names("Ottorino Pezzali, ex sindaco di Valdilana, ha parlato.") == [
        ("person", "Ottorino Pezzali", "Ottorino Pezzali", 0.6), ("place", "Valdilana", "Valdilana", 0.75)]
    assert surfaces("Ermenegilda Porcu, classe 1963, ha raccontato.") == [("person", "Ermenegilda Porcu")]
    assert names("Sono stata a Pianezze, un paesino di montagna.") == [("place", "Pianezze", "Pianezze", 0.6)]


def test_6_a_word_naming_a_kind_of_organisation_before_a_name_makes_it_one_outside_the_span():
    assert names("Il sindacato Fiaccola e la multinazionale americana Brightmoor hanno firmato.") == [
        ("org", "Fiaccola", "Fiaccola", 0.6), ("org", "Brightmoor", "Brightmoor", 0.6)]
    assert surfaces("Si è iscritto al partito Nuova Aurora Civica. La società Ferrovie Brianzole ha chiuso.") == [
        ("org", "Nuova Aurora Civica"), ("org", "Ferrovie Brianzole")]
    assert surfaces("L'azienda Brambilla Serramenti e la società francese Vivendi.") == [
        ("org", "Brambilla Serramenti"), ("org", "Vivendi")]


def test_6_an_article_and_a_verb_of_saying_make_an_organisation():
    assert names("La Brightmoor ha detto che non è vero.") == [("org", "Brightmoor", "Brightmoor", 0.6)]


def test_7_a_place_cue_makes_an_unknown_name_a_place_at_a_low_cert():
    assert names("Viaggiano in Valdilana e nella Bassa Brianzola, vicino a Pianezze.") == [
        ("place", "Valdilana", "Valdilana", 0.5), ("place", "Bassa Brianzola", "Bassa Brianzola", 0.5),
        ("place", "Pianezze", "Pianezze", 0.5)]
    assert names("Sono arrivati in Brianza e nel Cilento.") == [
        ("place", "Brianza", "Brianza", 0.9), ("place", "Cilento", "Cilento", 0.9)]
    # "a" and "da" stand before persons: no cue
    assert names("La polizia ha scritto a Ghezzi. È stato criticato da Caporaso.") == []


def test_8_a_particle_before_a_listed_name_parts_the_person_from_it():
    assert surfaces("Ornella Zambelli di Fratelli d'Italia e Marco Ghezzi della Lega hanno votato.") == [
        ("person", "Ornella Zambelli"), ("org", "Fratelli d'Italia"), ("person", "Marco Ghezzi"), ("org", "Lega")]


def test_8_e_joins_two_persons_or_two_places_never_one():
    assert surfaces("Hanno discusso Giorgia Meloni e Elly Schlein.") == [
        ("person", "Giorgia Meloni"), ("person", "Elly Schlein")]
    assert names("Piove in Valdilana e Biella.") == [
        ("place", "Valdilana", "Valdilana", 0.5), ("place", "Biella", "Biella", 0.9)]
    assert surfaces("Hanno visitato Emilia-Romagna e Friuli Venezia Giulia.") == [
        ("place", "Emilia-Romagna"), ("place", "Friuli Venezia Giulia")]


def test_8_a_listed_name_inside_a_run_is_never_parted():
    assert surfaces("Secondo l'Organizzazione mondiale della sanità e la Cassa Depositi e Prestiti.") == [
        ("org", "Organizzazione mondiale della sanità"), ("org", "Cassa Depositi e Prestiti")]
    assert surfaces("I Vigili del Fuoco e i Carabinieri sono intervenuti.") == [
        ("org", "Vigili del Fuoco"), ("org", "Carabinieri")]


def test_8_a_word_opening_a_sentence_is_no_part_of_the_name():
    assert names("Hanno parlato Federica Porcu e Marco Ghezzi.") == [
        ("person", "Federica Porcu", "Federica Porcu", 0.8), ("person", "Marco Ghezzi", "Marco Ghezzi", 0.8)]
    # the articulated prepositions that open a sentence are no part of the name
    assert surfaces("Dalla Cina e dal Giappone arrivano notizie. Nel Lazio piove. Sulla Lega si discute.") == [
        ("place", "Cina"), ("place", "Giappone"), ("place", "Lazio"), ("org", "Lega")]
    assert surfaces("Secondo Marco Ghezzi, no.") == [("person", "Marco Ghezzi")]


def test_a_ministrys_portfolio_after_a_title_is_no_organisation():
    assert surfaces("La ministra del Lavoro, Marina Calderone, e il ministro dell'Economia, Giancarlo Giorgetti, "
                    "hanno parlato.") == [("person", "Marina Calderone"), ("person", "Giancarlo Giorgetti")]


# --- later mentions, acronyms -----------------------------------------------------------------

def test_a_surname_alone_later_is_the_person_found_in_full():
    text = "Il leader della Lega Matteo Salvini ha detto no. Salvini ha poi ribadito."
    assert names(text) == [("org", "Lega", "Lega", 0.9), ("person", "Matteo Salvini", "Matteo Salvini", 0.85),
                           ("person", "Salvini", "Matteo Salvini", 0.75)]
    assert names("Marco Ghezzi ha vinto. Il Sig. Ghezzi sorride.") == [
        ("person", "Marco Ghezzi", "Marco Ghezzi", 0.8), ("person", "Ghezzi", "Marco Ghezzi", 0.85)]


def test_a_persons_last_two_words_later_are_that_person():
    text = "Anna Maria Ghezzi Ferraris ha parlato a Roma. Ghezzi Ferraris ha sorriso."
    assert names(text) == [("person", "Anna Maria Ghezzi Ferraris", "Anna Maria Ghezzi Ferraris", 0.8),
                           ("place", "Roma", "Roma", 0.9),
                           ("person", "Ghezzi Ferraris", "Anna Maria Ghezzi Ferraris", 0.75)]


def test_a_name_whose_surname_is_written_alone_elsewhere_is_a_person_and_two_of_one_surname_lend_it_to_neither():
    assert names("Bracchi ha vinto di nuovo. Federica Bracchi ha festeggiato.") == [
        ("person", "Bracchi", "Federica Bracchi", 0.75), ("person", "Federica Bracchi", "Federica Bracchi", 0.8)]
    assert names("Lucia Bracchi e Sara Bracchi sono arrivate. Bracchi ha parlato.") == [
        ("person", "Lucia Bracchi", "Lucia Bracchi", 0.8), ("person", "Sara Bracchi", "Sara Bracchi", 0.8)]


def test_an_acronym_in_brackets_after_an_organisation_is_that_organisation_later_too():
    text = "L'Istituto di Ricerca Forestale (IRF) ha aperto. Poi l'IRF ha chiuso."
    assert names(text) == [("org", "Istituto di Ricerca Forestale", "Istituto di Ricerca Forestale", 0.8),
                           ("org", "IRF", "Istituto di Ricerca Forestale", 0.8),
                           ("org", "IRF", "Istituto di Ricerca Forestale", 0.8)]
    assert names("La Federazione Italiana Giuoco Calcio (FIGC) ha deciso.") == [
        ("org", "Federazione Italiana Giuoco Calcio", "Federazione Italiana Giuoco Calcio", 0.8),
        ("org", "FIGC", "Federazione Italiana Giuoco Calcio", 0.9)]
    # a name holding lower-case words whose initials spell the acronym
    assert names("Lo ha detto l'Agenzia per la cybersicurezza nazionale (Acn).") == [
        ("org", "Agenzia per la cybersicurezza nazionale", "Agenzia per la cybersicurezza nazionale", 0.8),
        ("org", "Acn", "Agenzia per la cybersicurezza nazionale", 0.8)]


def test_the_author_is_a_person_wherever_written():
    assert names("Di Federica Porcu. Federica Porcu scrive da Milano.", author="Federica Porcu") == [
        ("person", "Federica Porcu", "Federica Porcu", 0.95), ("person", "Federica Porcu", "Federica Porcu", 0.95),
        ("place", "Milano", "Milano", 0.9)]


# --- never a name -----------------------------------------------------------------------------

def test_days_months_pronouns_and_words_opening_a_sentence_are_no_names():
    assert names("Lunedì, Giovedì e Domenica pioverà. Questo Quella Intanto Inoltre Però Ma Secondo loro.") == []
    assert names("Oggi Salute. Marzo Giugno Agosto. Eppure È vero. Ecco Ieri Dopo Poi. Nel frattempo Dalla "
                 "parte loro.") == []


def test_laws_holidays_events_and_subjects_are_no_names():
    assert names("La Legge di Bilancio e il Piano Casa sono entrati in vigore. A Natale e a Pasqua si "
                 "viaggia.") == []
    assert names("Si è laureato in Giurisprudenza. Crede in Dio.") == []


def test_an_events_name_holds_no_name_but_what_follows_its_next_connector():
    assert surfaces("Ha vinto il Giro d'Italia e il Festival di Sanremo a Roma.") == [("place", "Roma")]


def test_cldr_names_that_are_persons_or_common_nouns_are_no_places():
    assert surfaces("Diego Garcia e Federica Brignone sono arrivati in Kirghizistan e in Costa d'Avorio.") == [
        ("person", "Diego Garcia"), ("person", "Federica Brignone"), ("place", "Kirghizistan"),
        ("place", "Costa d'Avorio")]
    assert names("Riunione dei ministri in prefettura") == []


def test_a_title_case_headline_gets_listed_names_only():
    assert surfaces("Grande Festa Per Il Futuro Di Bergamo\n\nI consiglieri hanno votato.") == [("place", "Bergamo")]
    assert surfaces("Il Sindaco Parla Alla Città Di Valdilana") == []


@pytest.mark.parametrize("text", ["", "¿...?!", "\n\n"])
def test_a_text_of_no_word_has_no_name(text):
    assert IT.find(text) == []


# --- dates ------------------------------------------------------------------------------------

def test_the_dates_are_the_language_neutral_ones_in_italian_month_names():
    assert dates("Si sono sposati il 12 marzo 2025 e separati a marzo 2026.") == [
        ("12 marzo 2025", {"when": "2025-03-12"}), ("marzo 2026", {"when": "2026-03"})]
    assert dates("Il vertice sarà il 3 giugno e finirà il 5 giugno 2024.", "2024-05-10") == [
        ("3 giugno", {"when": "2024-06-03"}), ("5 giugno 2024", {"when": "2024-06-05"})]
    assert dates("Il 1º maggio 2024 e il 15/03/2024.") == [
        ("1º maggio 2024", {"when": "2024-05-01"}), ("15/03/2024", {"when": "2024-03-15"})]
    assert dates("Il mese di marzo è stato piovoso.") == []


def test_the_upper_case_month_abbreviations_of_an_agency_dateline_are_month_names():
    assert dates("ROMA, 12 MAR - Il mare è calmo.") == [("12 MAR", {"when": "--03-12"})]
    assert dates("NAPOLI, 5 SETT - TORINO, 30 DIC - BARI, 1 GEN (ANSA)", "2025-06-01") == [
        ("5 SETT", {"when": "2025-09-05"}), ("30 DIC", {"when": "2025-12-30"}), ("1 GEN", {"when": "2025-01-01"})]
    # before a year or a word they are words; "set" is no month, a tennis score says it after a number
    assert dates("Il mar 2024 e il set di domani. Ha vinto in 3 set.") == []


def test_a_year_alone_after_a_year_cue_is_a_date_but_not_a_number_of_things():
    assert dates("Nel 1990 e fino al 2020 è cresciuta. Nel corso del 2024 il Pil è salito; a partire dal 2027, "
                 "cambierà. Nell'anno 2019, anche.") == [
        ("1990", {"when": "1990"}), ("2020", {"when": "2020"}), ("2024", {"when": "2024"}),
        ("2027", {"when": "2027"}), ("2019", {"when": "2019"})]
    assert dates("Dal 2019 al 2023 sono morte meno persone.") == [("2019", {"when": "2019"}), ("2023", {"when": "2023"})]
    assert dates("C'erano 2000 persone, da 1500 euro ciascuna.") == []


# --- the words and the lists ------------------------------------------------------------------

def test_an_abbreviated_title_with_a_dot_inside_is_one_word():
    toks = Tokens("la Sig.ra Rossi, la Dott.ssa Bianchi e il Sig. Verdi", words("it"))
    assert toks.words == ["la", "Sig.ra", "Rossi", "la", "Dott.ssa", "Bianchi", "e", "il", "Sig.", "Verdi"]
    assert not words("it")["possessive"]
    assert surfaces("Gli U.S.A., gli Usa e gli Stati Uniti.") == [
        ("place", "U.S.A."), ("place", "Usa"), ("place", "Stati Uniti")]


def test_italian_has_word_lists_and_the_places_of_cldr():
    assert "it" in languages()
    lists = words("it")
    assert ("partito",) in lists.org_before and ("sindaco",) in lists.titles and "Giuseppe" in lists["given"]
    assert ("fiume",) in lists.place_before and "e" not in lists["particle"] and "e" in lists["connector"]
    assert {"dell'", "l'", "d'"} <= set(lists.elisions) and "Di" not in lists["not_name"]
    assert "Riunione" not in lists["place"] and "Diego Garcia" not in lists["place"]
    assert {"Kirghizistan", "Svizzera", "Italia"} <= lists["place"]


# --- corpus names, convert, ner extract -------------------------------------------------------

def test_a_name_found_elsewhere_in_the_corpus_is_marked_where_written():
    known = frozenset({("Ottorino Pezzali", "person"), ("Valdilana Sport", "org")})
    text = "Gli abitanti hanno applaudito Ottorino Pezzali davanti alla Valdilana Sport."
    assert names(text) == []
    assert names(text, known_names=known) == [("person", "Ottorino Pezzali", "Ottorino Pezzali", 0.8),
                                              ("org", "Valdilana Sport", "Valdilana Sport", 0.8)]


def test_convert_marks_an_italian_article_with_the_capitals_recogniser(tmp_path):
    a, b = converted_pair(tmp_path, "it", "Visita al porto\n\nIl sindaco Ottorino Pezzali ha visitato Chioggia il 3 maggio 2024.\n",
                          "Lavori al mercato\n\nGli abitanti hanno applaudito Ottorino Pezzali ieri.\n")
    assert '<persName ref="#pers-ottorino-pezzali" resp="#ner-capitals" cert="0.85">Ottorino Pezzali</persName>' in a
    assert '<date when="2024-05-03"' in a
    marked = '<persName ref="#pers-ottorino-pezzali" resp="#ner-capitals" cert="0.80">Ottorino Pezzali</persName>'
    assert marked in b


def test_ner_extract_runs_the_italian_recogniser(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Il presidente Sergio Mattarella ha visitato Bergamo.", encoding="utf-8")
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "it", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "(capitals)" in result.output
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert line["entities"] == [[14, 31, "persName"], [44, 51, "placeName"]]
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "it-CH", "-o", str(tmp_path / "ch.jsonl")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "ch.jsonl").read_text(encoding="utf-8"))["entities"] == line["entities"]
