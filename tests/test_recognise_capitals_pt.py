"""Names in Portuguese by capitals and word lists (recognise/capitals.py with data/languages/names/pt.tsv):
each rule of its contract as Portuguese writes it (Brazil and Portugal), the later mentions, acronyms in
brackets, what is never a name, datelines ("BRASÍLIA —", "Lisboa, 12 mar (Lusa) –"), the dates in
Portuguese month names and their abbreviations, and `ner extract --language pt`. Portuguese needs no
rule of its own: what it writes differently from Spanish is in its lists (a place's lower-case generic
word outside its name, "o rio Tejo", "a rua Augusta"; an organisation's lower-case head inside, "o
ministério da Saúde"; the contractions "do", "na", "pelo" outside a name; "e" never inside a person's).

The sentences here are written for these tests (the persons in them are invented, or public
figures in invented sentences); the Portuguese NER sets are written by an annotator who does not
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
PT = CapitalsRecogniser("pt")


names, surfaces, dates = readers("pt")


# --- the rules, in the contract's order -------------------------------------------------------

def test_0_a_lower_case_head_opens_an_organisations_name_inside_its_span():
    assert names("O ministério da Saúde e a prefeitura de Niterói confirmaram.") == [
        ("org", "ministério da Saúde", "ministério da Saúde", 0.8),
        ("org", "prefeitura de Niterói", "prefeitura de Niterói", 0.8)]
    assert surfaces("A câmara municipal de Cascais recorreu ao tribunal de justiça de São Paulo.") == [
        ("org", "câmara municipal de Cascais"), ("org", "tribunal de justiça de São Paulo")]
    assert surfaces("A secretaria de Educação respondeu.") == [("org", "secretaria de Educação")]


def test_a_places_lower_case_generic_word_stays_outside_its_name():
    # administrative levels, streets, squares and natural features are place_of words
    assert names("Fecharam a rua Augusta, a avenida Paulista e o largo do Rato.") == [
        ("place", "Augusta", "Augusta", 0.75), ("place", "Paulista", "Paulista", 0.75),
        ("place", "Rato", "Rato", 0.75)]
    assert surfaces("O rio Tejo subiu, a serra da Estrela gelou e a praia de Carcavelos fechou.") == [
        ("place", "Tejo"), ("place", "Estrela"), ("place", "Carcavelos")]
    assert names("Os moradores do estado de Minas Gerais, do município de Brumadinho e do concelho de "
                 "Odemira protestaram, como no norte de Portugal.") == [
        ("place", "Minas Gerais", "Minas Gerais", 0.9), ("place", "Brumadinho", "Brumadinho", 0.9),
        ("place", "Odemira", "Odemira", 0.9), ("place", "Portugal", "Portugal", 0.9)]
    assert surfaces("Na freguesia de Alcoitão e no bairro da Mouraria.") == [
        ("place", "Alcoitão"), ("place", "Mouraria")]


def test_0_a_capitalised_head_opens_an_organisations_name_and_a_second_one_after_e_is_its_own():
    assert names("A Polícia Federal prendeu o suspeito.") == [("org", "Polícia Federal", "Polícia Federal", 0.8)]
    assert surfaces("A Fundação Albuquerque e o Banco Central assinaram com a Universidade de Coimbra.") == [
        ("org", "Fundação Albuquerque"), ("org", "Banco Central"), ("org", "Universidade de Coimbra")]
    assert surfaces("O Tribunal Superior Eleitoral e o Supremo decidiram.") == [
        ("org", "Tribunal Superior Eleitoral"), ("org", "Supremo")]
    assert surfaces("A Câmara Municipal de Sintra e a Polícia Judiciária investigam.") == [
        ("org", "Câmara Municipal de Sintra"), ("org", "Polícia Judiciária")]


def test_0_an_organisations_name_ending_with_an_enumeration_keeps_it_past_the_comma():
    assert surfaces("O Ministério da Ciência, Tecnologia e Inovação abriu um edital.") == [
        ("org", "Ministério da Ciência, Tecnologia e Inovação")]


def test_1_a_listed_name_is_marked_whole_without_its_article_but_with_its_own():
    assert names("Representantes das Nações Unidas e da União Europeia chegaram a Moçambique.") == [
        ("org", "Nações Unidas", "Nações Unidas", 0.9), ("org", "União Europeia", "União Europeia", 0.9),
        ("place", "Moçambique", "Moçambique", 0.9)]
    assert surfaces("Segundo O Globo e A Bola, a Petrobras e o Benfica lucraram.") == [
        ("org", "O Globo"), ("org", "A Bola"), ("org", "Petrobras"), ("org", "Benfica")]
    assert surfaces("Militantes do PT, do PL, do Chega e do Bloco de Esquerda votaram no STF.") == [
        ("org", "PT"), ("org", "PL"), ("org", "Chega"), ("org", "Bloco de Esquerda"), ("org", "STF")]
    assert surfaces("A comitiva visitou Brasília, Luanda, Maputo e o Rio de Janeiro.") == [
        ("place", "Brasília"), ("place", "Luanda"), ("place", "Maputo"), ("place", "Rio de Janeiro")]


def test_2_a_title_before_a_name_makes_a_person_and_stays_outside_the_span():
    assert names("A Sra. Quitéria Albuquerque recebeu o Dr. Vilela.") == [
        ("person", "Quitéria Albuquerque", "Quitéria Albuquerque", 0.85), ("person", "Vilela", "Vilela", 0.85)]
    assert surfaces("O presidente Lula e o papa Leão XIV reuniram-se.") == [
        ("person", "Lula"), ("person", "Leão XIV")]
    assert surfaces("Dom Anselmo Barreto e dona Custódia Vilela assistiram.") == [
        ("person", "Anselmo Barreto"), ("person", "Custódia Vilela")]
    assert surfaces("O prefeito Anselmo Tavares, o governador Gervásio Lacerda e a senadora Odete Brandão "
                    "votaram.") == [("person", "Anselmo Tavares"), ("person", "Gervásio Lacerda"),
                                    ("person", "Odete Brandão")]
    assert surfaces("O técnico Abel Ferreira elogiou o atacante Damião Quaresma e o avançado Viktor Gyökeres.") == [
        ("person", "Abel Ferreira"), ("person", "Damião Quaresma"), ("person", "Viktor Gyökeres")]


def test_2_a_title_adjective_may_stand_between_the_title_and_the_name():
    assert surfaces("O presidente angolano João Lourenço e o deputado federal Gervásio Lacerda falaram.") == [
        ("person", "João Lourenço"), ("person", "Gervásio Lacerda")]
    assert surfaces("O ex-presidente norte-americano Donald Trump telefonou.") == [("person", "Donald Trump")]


def test_2_after_a_title_and_a_connector_the_complement_runs_to_a_given_name():
    assert names("A ministra da Saúde Odete Brandão apresentou o plano.") == [
        ("person", "Odete Brandão", "Odete Brandão", 0.8)]
    assert surfaces("O presidente da República Marcelo Rebelo de Sousa promulgou.") == [
        ("person", "Marcelo Rebelo de Sousa")]
    assert surfaces("O governador de São Paulo Tarcísio de Freitas e o ministro do STF Alexandre de Moraes "
                    "falaram.") == [("place", "São Paulo"), ("person", "Tarcísio de Freitas"), ("org", "STF"),
                                    ("person", "Alexandre de Moraes")]
    assert surfaces("O presidente da Câmara Municipal do Porto, Anselmo Tavares, respondeu.") == [
        ("org", "Câmara Municipal do Porto"), ("person", "Anselmo Tavares")]
    # a capitalised title and its complement name no person
    assert surfaces("O Presidente da República e o Ministro da Fazenda viajaram.") == []
    assert surfaces("O Presidente da Câmara de Lisboa falou.") == [("org", "Câmara de Lisboa")]


def test_3_an_org_head_or_an_org_first_and_a_connector_make_an_organisation():
    assert names("A Construtora Vilela Ltda. processou a Quaresma S.A. no caso.") == [
        ("org", "Construtora Vilela Ltda.", "Construtora Vilela Ltda.", 0.8),
        ("org", "Quaresma S.A.", "Quaresma S.A.", 0.8)]
    assert surfaces("Disse-o o Conselho de Alcoitão.") == [("org", "Conselho de Alcoitão")]


def test_4_a_place_first_or_a_listed_place_after_a_comma_makes_a_place():
    assert names("Trabalharam na Serra da Mantiqueira e no Vale do Jequitinhonha.") == [
        ("place", "Serra da Mantiqueira", "Serra da Mantiqueira", 0.75),
        ("place", "Vale do Jequitinhonha", "Vale do Jequitinhonha", 0.75)]
    assert surfaces("Nasceu em Cabo Delgado e mudou-se para o Rio Grande do Norte.") == [
        ("place", "Cabo Delgado"), ("place", "Rio Grande do Norte")]
    assert names("Os moradores de Alcoitão, Cascais, protestaram.") == [
        ("place", "Alcoitão", "Alcoitão", 0.75), ("place", "Cascais", "Cascais", 0.9)]


def test_4_a_dateline_in_capitals_is_a_place_and_the_agency_an_organisation():
    assert surfaces("BRASÍLIA — O governo aprovou o plano.") == [("place", "BRASÍLIA")]
    assert names("Lisboa, 12 mar (Lusa) – O Governo aprovou o plano.") == [
        ("place", "Lisboa", "Lisboa", 0.9), ("org", "Lusa", "Lusa", 0.9)]
    assert surfaces("RIO DE JANEIRO (Reuters) - Choveu.") == [("place", "RIO DE JANEIRO"), ("org", "Reuters")]
    assert surfaces("Maputo, 3 de junho (Lusa) - Choveu.") == [("place", "Maputo"), ("org", "Lusa")]


def test_5_a_given_name_opening_two_to_four_words_makes_a_person_its_particles_inside():
    assert names("Luiz Inácio Lula da Silva e Maria Eduarda Vilela chegaram.") == [
        ("person", "Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva", 0.8),
        ("person", "Maria Eduarda Vilela", "Maria Eduarda Vilela", 0.8)]
    assert surfaces("Marcelo Rebelo de Sousa cumprimentou João Pedro Quaresma e José Eduardo dos Santos.") == [
        ("person", "Marcelo Rebelo de Sousa"), ("person", "João Pedro Quaresma"),
        ("person", "José Eduardo dos Santos")]
    assert surfaces("Ana-Rita Valadares chegou tarde.") == [("person", "Ana-Rita Valadares")]


def test_5_a_verb_of_saying_beside_two_or_three_words_makes_a_person():
    assert names('"Não vamos ceder", afirmou Telmo Arruda.') == [("person", "Telmo Arruda", "Telmo Arruda", 0.7)]
    assert names("Valadares Arruda disse que não. Segundo Quaresma Lacerda, não. De acordo com Brandão "
                 "Vilela, também não.") == [
        ("person", "Valadares Arruda", "Valadares Arruda", 0.7),
        ("person", "Quaresma Lacerda", "Quaresma Lacerda", 0.7),
        ("person", "Brandão Vilela", "Brandão Vilela", 0.7)]
    assert names("Valadares Arruda comeu.") == []


def test_6_an_age_an_apposition_or_a_description_after_a_comma_makes_a_person_or_a_place():
    assert names("Quitéria Arruda, de 61 anos, declarou.") == [("person", "Quitéria Arruda", "Quitéria Arruda", 0.6)]
    assert names("A sua irmã, Gertrudes Vilela, declarou.") == [
        ("person", "Gertrudes Vilela", "Gertrudes Vilela", 0.6)]
    assert names("Policarpo Ventosa, que preside a associação, falou.") == [
        ("person", "Policarpo Ventosa", "Policarpo Ventosa", 0.6)]
    assert names("Quitéria Arruda, moradora do bairro, falou.") == [
        ("person", "Quitéria Arruda", "Quitéria Arruda", 0.6)]
    assert names("Lá fica Alcoitão, uma aldeia serrana.") == [("place", "Alcoitão", "Alcoitão", 0.6)]


def test_6_a_word_naming_a_kind_of_organisation_before_a_name_makes_it_one_outside_the_span():
    assert names("O sindicato Sindiforte e a petrolífera angolana Quantora assinaram.") == [
        ("org", "Sindiforte", "Sindiforte", 0.6), ("org", "Quantora", "Quantora", 0.6)]
    assert surfaces("Filiou-se no partido Avança Beira. A construtora Alvorada Obras faliu.") == [
        ("org", "Avança Beira"), ("org", "Alvorada Obras")]
    assert surfaces("A mineradora Vale e a estatal Petrobras.") == [("org", "Vale"), ("org", "Petrobras")]


def test_6_an_article_and_a_verb_of_saying_or_a_whose_after_a_comma_make_an_organisation():
    assert names("A Sindiforte afirmou que não.") == [("org", "Sindiforte", "Sindiforte", 0.6)]
    assert names("Fechou a loja da Tavira Desportos, cuja sede fica em Faro.") == [
        ("org", "Tavira Desportos", "Tavira Desportos", 0.6), ("place", "Faro", "Faro", 0.9)]


def test_7_a_place_cue_makes_an_unknown_name_a_place_at_a_low_cert():
    assert names("Viajaram desde Trancoso e pararam em Vila Flor.") == [
        ("place", "Trancoso", "Trancoso", 0.5), ("place", "Vila Flor", "Vila Flor", 0.75)]
    assert names("Vive perto de Mirandela, na Amadora não.") == [
        ("place", "Mirandela", "Mirandela", 0.5), ("place", "Amadora", "Amadora", 0.9)]
    assert names("Choveu no Cazenga.") == [("place", "Cazenga", "Cazenga", 0.5)]
    # "a" and "para" stand before persons: no cue
    assert names("A polícia procurou a Ventosa Barreto. Perdeu para Arruda.") == []


def test_8_a_particle_before_a_listed_name_parts_the_person_from_it():
    assert surfaces("Odete Arruda do PSD e Lamine Yamal do Barcelona assistiram.") == [
        ("person", "Odete Arruda"), ("org", "PSD"), ("person", "Lamine Yamal"), ("place", "Barcelona")]


def test_8_e_joins_two_persons_or_two_places_never_one():
    assert surfaces("Debateram Luiz Inácio Lula da Silva e Jair Bolsonaro.") == [
        ("person", "Luiz Inácio Lula da Silva"), ("person", "Jair Bolsonaro")]
    assert names("Choveu em Trancoso e Lisboa.") == [
        ("place", "Trancoso", "Trancoso", 0.5), ("place", "Lisboa", "Lisboa", 0.9)]
    assert surfaces("A comitiva visitou Santa Catarina e Rio Grande do Sul.") == [
        ("place", "Santa Catarina"), ("place", "Rio Grande do Sul")]


def test_8_a_listed_name_inside_a_run_is_never_parted():
    assert surfaces("Os vereadores de Rio de Janeiro e São Paulo chegaram.") == [
        ("place", "Rio de Janeiro"), ("place", "São Paulo")]
    assert surfaces("A ONU e a Organização Mundial da Saúde pediram ajuda.") == [
        ("org", "ONU"), ("org", "Organização Mundial da Saúde")]
    assert surfaces("A Fundação para a Ciência e a Tecnologia financiou.") == [
        ("org", "Fundação para a Ciência e a Tecnologia")]


def test_8_a_word_opening_a_sentence_before_a_given_name_is_no_part_of_it():
    assert names("Conversaram Odete Goulart e Lula. Goulart sorriu.") == [
        ("person", "Odete Goulart", "Odete Goulart", 0.8), ("person", "Goulart", "Odete Goulart", 0.75)]
    assert surfaces("Participaram Odete Arruda e Anselmo Tavares.") == [
        ("person", "Odete Arruda"), ("person", "Anselmo Tavares")]


def test_a_ministrys_portfolio_after_a_title_is_no_organisation():
    assert surfaces("A ministra da Saúde, Odete Brandão, e o ministro da Fazenda, Fernando Haddad, "
                    "falaram.") == [("person", "Odete Brandão"), ("person", "Fernando Haddad")]


# --- later mentions, acronyms -----------------------------------------------------------------

def test_a_surname_alone_later_is_the_person_found_in_full():
    text = "O líder do PL, Anselmo Quaresma, criticou o Governo. Quaresma disse que não votará."
    assert names(text) == [("org", "PL", "PL", 0.9), ("person", "Anselmo Quaresma", "Anselmo Quaresma", 0.8),
                           ("person", "Quaresma", "Anselmo Quaresma", 0.75)]
    assert names("O juiz ouviu o ex-ministro José Dirceu. O Sr. Dirceu depôs.") == [
        ("person", "José Dirceu", "José Dirceu", 0.85), ("person", "Dirceu", "José Dirceu", 0.85)]


def test_a_persons_last_two_words_later_are_that_person():
    text = "Ana Paula Vilela Arruda falou em Belém. Vilela Arruda sorriu."
    assert names(text) == [("person", "Ana Paula Vilela Arruda", "Ana Paula Vilela Arruda", 0.8),
                           ("place", "Belém", "Belém", 0.9),
                           ("person", "Vilela Arruda", "Ana Paula Vilela Arruda", 0.75)]


def test_a_name_whose_surname_is_written_alone_elsewhere_is_a_person_and_two_of_one_surname_lend_it_to_neither():
    assert names("Lacerda venceu outra vez. Brynhild Lacerda celebrou.") == [
        ("person", "Lacerda", "Brynhild Lacerda", 0.75), ("person", "Brynhild Lacerda", "Brynhild Lacerda", 0.6)]
    assert names("Zigor Arruda e Lur Arruda chegaram. Arruda falou.") == [
        ("person", "Zigor Arruda", "Zigor Arruda", 0.6), ("person", "Lur Arruda", "Lur Arruda", 0.6)]


def test_an_acronym_in_brackets_after_an_organisation_is_that_organisation_later_too():
    text = "O Instituto de Pesquisa Florestal (IPF) abriu. Depois, o IPF fechou."
    assert names(text) == [("org", "Instituto de Pesquisa Florestal", "Instituto de Pesquisa Florestal", 0.8),
                           ("org", "IPF", "Instituto de Pesquisa Florestal", 0.8),
                           ("org", "IPF", "Instituto de Pesquisa Florestal", 0.8)]
    assert names("A Comissão Nacional de Eleições (CNE) validou.") == [
        ("org", "Comissão Nacional de Eleições", "Comissão Nacional de Eleições", 0.8),
        ("org", "CNE", "Comissão Nacional de Eleições", 0.8)]
    assert names("O STF, segundo o Supremo Tribunal Federal (STF), decidiu.")[-1] == (
        "org", "STF", "Supremo Tribunal Federal", 0.9)


def test_the_author_is_a_person_wherever_written():
    assert names("Texto de Quitéria Arruda. Quitéria Arruda cobre Lisboa.", author="Quitéria Arruda") == [
        ("person", "Quitéria Arruda", "Quitéria Arruda", 0.95), ("person", "Quitéria Arruda", "Quitéria Arruda", 0.95),
        ("place", "Lisboa", "Lisboa", 0.9)]


# --- never a name -----------------------------------------------------------------------------

def test_days_months_pronouns_and_words_opening_a_sentence_are_no_names():
    assert names("Segunda-feira, Terça-feira e Domingo vai chover. Este ano Mas Porém Ainda Segundo eles.") == []
    assert names("Segundo Isso, Nós Vamos. Hoje Saúde. Março Junho Agosto. Recorde-se que Há dias.") == []


def test_laws_holidays_events_and_subjects_are_no_names():
    assert names("A Lei de Diretrizes Orçamentárias e o Plano Real entraram em vigor. No Natal e na Páscoa "
                 "viajaram.") == []
    assert names("Licenciou-se em Direito. Acredita em Deus.") == []


def test_an_events_name_holds_no_name_but_what_follows_its_next_connector():
    assert surfaces("O Flamengo venceu a Copa do Brasil e a Taça de Portugal.") == [("org", "Flamengo")]


def test_cldr_names_that_are_given_names_or_common_nouns_are_no_places():
    assert surfaces("Maurício Souza e Diego Garcia chegaram ao Quirguistão e ao Irão.") == [
        ("person", "Maurício Souza"), ("person", "Diego Garcia"), ("place", "Quirguistão"), ("place", "Irão")]
    assert names("Reunião de ministros na sede") == []


def test_european_and_brazilian_spellings_of_countries_are_both_places():
    assert surfaces("O Irã, o Quênia e o Vietnã; o Irão, o Quénia e o Vietname.") == [
        ("place", "Irã"), ("place", "Quênia"), ("place", "Vietnã"), ("place", "Irão"), ("place", "Quénia"),
        ("place", "Vietname")]


def test_a_title_case_headline_gets_listed_names_only():
    assert surfaces("Jornada Decisiva Para O Futuro De Lisboa\n\nOs vereadores votaram.") == [("place", "Lisboa")]
    assert surfaces("O Bloco Vizinho De Alcoitão Pede Ajuda") == []


@pytest.mark.parametrize("text", ["", "¿...?!", "\n\n"])
def test_a_text_of_no_word_has_no_name(text):
    assert PT.find(text) == []


# --- dates ------------------------------------------------------------------------------------

def test_the_dates_are_the_language_neutral_ones_in_portuguese_month_names():
    assert dates("Casaram-se em 12 de março de 2025 e separaram-se em março de 2026.") == [
        ("12 de março de 2025", {"when": "2025-03-12"}), ("março de 2026", {"when": "2026-03"})]
    assert dates("A cimeira será a 3 de junho e terminará a 5 de junho de 2024.", "2024-05-10") == [
        ("3 de junho", {"when": "2024-06-03"}), ("5 de junho de 2024", {"when": "2024-06-05"})]
    assert dates("O relatório de 15/03/2024 e o de 2024-03-16.") == [
        ("15/03/2024", {"when": "2024-03-15"}), ("2024-03-16", {"when": "2024-03-16"})]
    assert dates("O mês de março foi chuvoso.") == []


def test_the_month_abbreviations_of_a_lusa_dateline_are_month_names():
    assert dates("Lisboa, 12 mar (Lusa) – O mar está calmo.") == [("12 mar", {"when": "--03-12"})]
    assert dates("Luanda, 5 set (Lusa) - Maputo, 30 dez (Lusa) - Díli, 1 out (Lusa)", "2025-06-01") == [
        ("5 set", {"when": "2025-09-05"}), ("30 dez", {"when": "2025-12-30"}), ("1 out", {"when": "2025-10-01"})]


def test_a_year_alone_after_a_year_cue_is_a_date_but_not_a_number_of_things():
    assert dates("Desde 1990 até 2020, cresceu. Em 2024 o número subiu; a partir de 2027, haverá mais. "
                 "No ano de 2019, também.") == [
        ("1990", {"when": "1990"}), ("2020", {"when": "2020"}), ("2024", {"when": "2024"}),
        ("2027", {"when": "2027"}), ("2019", {"when": "2019"})]
    assert dates("Havia 2000 pessoas, de 1500 euros cada uma.") == []


# --- the words and the lists ------------------------------------------------------------------

def test_initials_are_one_word_and_portuguese_has_no_elision_nor_possessive():
    toks = Tokens("E.U.A. e EUA pelo Sr. Lopes", words("pt"))
    assert toks.words == ["E.U.A.", "e", "EUA", "pelo", "Sr.", "Lopes"]
    assert words("pt").elisions == () and not words("pt")["possessive"]
    assert surfaces("Os E.U.A., os EUA e os Estados Unidos.") == [
        ("place", "E.U.A."), ("place", "EUA"), ("place", "Estados Unidos")]


def test_portuguese_has_word_lists_and_the_places_of_cldr():
    assert "pt" in languages()
    lists = words("pt")
    assert ("partido",) in lists.org_before and ("prefeito",) in lists.titles and "Conceição" in lists["given"]
    assert ("rio",) in lists.place_before and "e" not in lists["particle"] and "e" in lists["connector"]
    assert "Maurício" not in lists["place"] and "Reunião" not in lists["place"] and "Quirguistão" in lists["place"]
    assert {"Irão", "Irã", "Vietname", "Vietnã"} <= lists["place"]


# --- corpus names, convert, ner extract -------------------------------------------------------

def test_a_name_found_elsewhere_in_the_corpus_is_marked_where_written():
    known = frozenset({("Ugutz Lacerda", "person"), ("Tavira Desportos", "org")})
    text = "Os moradores aplaudiram Ugutz Lacerda junto à Tavira Desportos."
    assert names(text) == []
    assert names(text, known_names=known) == [("person", "Ugutz Lacerda", "Ugutz Lacerda", 0.8),
                                              ("org", "Tavira Desportos", "Tavira Desportos", 0.8)]


def test_convert_marks_a_portuguese_article_with_the_capitals_recogniser(tmp_path):
    a, b = converted_pair(tmp_path, "pt", "Visita ao porto\n\nO prefeito Ugutz Lacerda visitou Sines em 3 de maio de 2024.\n",
                          "Obras na lota\n\nOs moradores aplaudiram Ugutz Lacerda ontem.\n")
    assert '<persName ref="#pers-ugutz-lacerda" resp="#ner-capitals" cert="0.85">Ugutz Lacerda</persName>' in a
    assert '<date when="2024-05-03"' in a
    marked = '<persName ref="#pers-ugutz-lacerda" resp="#ner-capitals" cert="0.80">Ugutz Lacerda</persName>'
    assert marked in b


def test_ner_extract_runs_the_portuguese_recogniser(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("O presidente João Lourenço visitou Lisboa.", encoding="utf-8")
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "pt", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "(capitals)" in result.output
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert line["entities"] == [[13, 26, "persName"], [35, 41, "placeName"]]
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "pt-BR", "-o", str(tmp_path / "br.jsonl")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "br.jsonl").read_text(encoding="utf-8"))["entities"] == line["entities"]
