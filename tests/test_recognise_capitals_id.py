"""Names in Indonesian by capitals and word lists (recognise/capitals.py with data/languages/names/id.tsv):
each rule of its contract as Indonesian writes it, the later mentions (by the first words of a name too,
"Prabowo", "Sri Mulyani"), acronyms and portmanteau abbreviations ("DPR", "Kemenkes", "Pemprov DKI"), what
is never a name, datelines ("Jakarta (ANTARA) -", "JAKARTA, KOMPAS.com -"), the dates ("3 Mei 2025",
"Senin (12/2/2025)", "Selasa (4/3)", "tahun 2024") and `ner extract --language id`. What Indonesian writes
differently: a title written with a capital before a name takes its complement with no connector ("Gubernur
Jawa Barat Dedi Mulyadi", "Menteri Keuangan Sri Mulyani Indrawati", "Kepala BNPB Letjen TNI Suharyanto":
recognise/capitaltitles.py); an organisation's and a place's capitalised head opens its name and is inside
it ("Kementerian Kesehatan", "Kabupaten Bogor", "Jalan Jenderal Sudirman"); one name alone is common
('"…," kata Suharyanto': saying_alone); a year follows "tahun" whatever word comes after it (year_word).

The sentences here are written for these tests (the persons in them are invented, or public figures in
invented sentences); the Indonesian NER sets are written by an annotator who does not see the word lists,
and no word list was tuned on them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.recognise.capitals import CapitalsRecogniser
from teikit.recognise.capitalwords import Tokens, languages, words

from capitals_helpers import converted_pair, readers

runner = CliRunner()
ID = CapitalsRecogniser("id")


names, surfaces, dates = readers("id")


# --- the rules, in the contract's order -------------------------------------------------------

def test_0_a_capitalised_head_opens_an_organisations_name_inside_its_span():
    assert names("Kementerian Kesehatan dan Dinas Perhubungan Kota Tangerang menutup jalan.") == [
        ("org", "Kementerian Kesehatan", "Kementerian Kesehatan", 0.9),
        ("org", "Dinas Perhubungan Kota Tangerang", "Dinas Perhubungan Kota Tangerang", 0.8)]
    assert surfaces("Pengadilan Negeri Jakarta Selatan memvonis terdakwa. Polres Bogor dan Polda Jawa Barat "
                    "menyelidiki.") == [("org", "Pengadilan Negeri Jakarta Selatan"), ("org", "Polres Bogor"),
                                        ("org", "Polda Jawa Barat")]
    assert surfaces("Pemprov DKI Jakarta bekerja sama dengan Pemerintah Kota Surabaya dan Universitas "
                    "Sumberwaras.") == [("org", "Pemprov DKI Jakarta"), ("org", "Pemerintah Kota Surabaya"),
                                        ("org", "Universitas Sumberwaras")]
    # "dan" inside a listed name or before no second head joins it
    assert surfaces("Badan Pengawas Obat dan Makanan dan Kementerian Energi dan Sumber Daya Mineral.") == [
        ("org", "Badan Pengawas Obat dan Makanan"), ("org", "Kementerian Energi dan Sumber Daya Mineral")]


def test_0_a_capitalised_administrative_or_generic_head_is_inside_a_places_name():
    assert names("Longsor terjadi di Kecamatan Sukaraja, Kabupaten Sukabumi, Provinsi Jawa Barat.") == [
        ("place", "Kecamatan Sukaraja", "Kecamatan Sukaraja", 0.8),
        ("place", "Kabupaten Sukabumi", "Kabupaten Sukabumi", 0.8),
        ("place", "Provinsi Jawa Barat", "Provinsi Jawa Barat", 0.8)]
    assert surfaces("Warga Kampung Cibeureum mengungsi ke Desa Karangjaya dan Kota Cimahi.") == [
        ("place", "Kampung Cibeureum"), ("place", "Desa Karangjaya"), ("place", "Kota Cimahi")]
    assert surfaces("Kapal tenggelam di Selat Sunda dekat Gunung Anak Krakatau dan Teluk Bayur.") == [
        ("place", "Selat Sunda"), ("place", "Gunung Anak Krakatau"), ("place", "Teluk Bayur")]
    # a title inside the name is the name's ("Jenderal"), and "dan" parts two places
    assert surfaces("Polisi menutup Jalan Jenderal Sudirman. Banjir melanda Kota Bandung dan Kabupaten "
                    "Bandung.") == [("place", "Jalan Jenderal Sudirman"), ("place", "Kota Bandung"),
                                    ("place", "Kabupaten Bandung")]
    assert surfaces("Wisatawan memadati Pantai Parangtritis, Candi Prambanan dan Masjid Al-Ikhlas.") == [
        ("place", "Pantai Parangtritis"), ("place", "Candi Prambanan"), ("place", "Masjid Al-Ikhlas")]


def test_a_places_lower_case_generic_word_stays_outside_its_name():
    assert names("Keluarganya berasal dari kota Sumberwaras dan pulau Lombok, warga kabupaten Cikaret.") == [
        ("place", "Sumberwaras", "Sumberwaras", 0.75), ("place", "Lombok", "Lombok", 0.9),
        ("place", "Cikaret", "Cikaret", 0.75)]
    assert surfaces("Ia bersama warga Cikaret dan pemuda asal Wonoredjo berkumpul di sungai Cibening.") == [
        ("place", "Cikaret"), ("place", "Wonoredjo"), ("place", "Cibening")]


def test_1_a_listed_name_acronym_or_portmanteau_abbreviation_is_marked_whole():
    assert names("DPR dan KPK memanggil Kemenkes, Bappenas dan Polri.") == [
        ("org", "DPR", "DPR", 0.9), ("org", "KPK", "KPK", 0.9), ("org", "Kemenkes", "Kemenkes", 0.9),
        ("org", "Bappenas", "Bappenas", 0.9), ("org", "Polri", "Polri", 0.9)]
    assert surfaces("Kader PDI-P, Gerindra, Golkar, PKB dan NasDem berkumpul di Jakarta Selatan.") == [
        ("org", "PDI-P"), ("org", "Gerindra"), ("org", "Golkar"), ("org", "PKB"), ("org", "NasDem"),
        ("place", "Jakarta Selatan")]
    assert surfaces("BMKG, BNPB, OJK dan BI memantau Jawa Timur, Sulawesi Tengah dan Jabar.") == [
        ("org", "BMKG"), ("org", "BNPB"), ("org", "OJK"), ("org", "BI"), ("place", "Jawa Timur"),
        ("place", "Sulawesi Tengah"), ("place", "Jabar")]
    assert surfaces("Persib Bandung mengalahkan Persija Jakarta di Stadion Gelora Bung Karno.") == [
        ("org", "Persib Bandung"), ("org", "Persija Jakarta"), ("place", "Stadion Gelora Bung Karno")]


def test_an_organisations_word_in_brackets_is_inside_its_name():
    assert names("PT Bank Rakyat Indonesia (Persero) Tbk mencatat laba. Pertamina (Persero) menaikkan harga.") == [
        ("org", "PT Bank Rakyat Indonesia (Persero) Tbk", "PT Bank Rakyat Indonesia (Persero) Tbk", 0.8),
        ("org", "Pertamina (Persero)", "Pertamina (Persero)", 0.8)]
    toks = Tokens("PT Pertamina (Persero) dan (ANTARA)", words("id"))
    assert toks.words == ["PT", "Pertamina", "(Persero)", "dan", "ANTARA"]


def test_2_a_capitalised_title_before_a_name_makes_a_person_and_stays_outside_the_span():
    assert names("Presiden Prabowo Subianto menerima Wakil Presiden Gibran Rakabuming Raka.") == [
        ("person", "Prabowo Subianto", "Prabowo Subianto", 0.85),
        ("person", "Gibran Rakabuming Raka", "Gibran Rakabuming Raka", 0.85)]
    assert surfaces("Kapolri Jenderal Listyo Sigit Prabowo dan Mantan Presiden Joko Widodo hadir.") == [
        ("person", "Listyo Sigit Prabowo"), ("person", "Joko Widodo")]
    assert surfaces("Pak Budi dan Bu Risma menyambut Dr. H. Anwar Abbas dan K.H. Ma'ruf Amin.") == [
        ("person", "Budi"), ("person", "Risma"), ("person", "Anwar Abbas"), ("person", "Ma'ruf Amin")]
    assert surfaces("Presiden Soeharto dan Presiden SBY dikenang.") == [("person", "Soeharto"), ("person", "SBY")]
    # a lower-case role is a title too
    assert surfaces("Menurut pengamat politik Ujang Komarudin, koalisi itu rapuh.") == [("person", "Ujang Komarudin")]


def test_2_a_title_takes_its_capitalised_complement_with_no_connector_before_the_person():
    assert names("Gubernur Jawa Barat Dedi Mulyadi meninjau banjir.") == [
        ("place", "Jawa Barat", "Jawa Barat", 0.9), ("person", "Dedi Mulyadi", "Dedi Mulyadi", 0.85)]
    # a portfolio names nothing; the place or organisation in a complement is marked
    assert surfaces("Menteri Keuangan Sri Mulyani Indrawati bertemu Menteri Luar Negeri AS Marco Rubio.") == [
        ("person", "Sri Mulyani Indrawati"), ("place", "AS"), ("person", "Marco Rubio")]
    assert surfaces("Ketua DPR Puan Maharani dan Kepala BNPB Letjen TNI Suharyanto hadir.") == [
        ("org", "DPR"), ("person", "Puan Maharani"), ("org", "BNPB"), ("org", "TNI"), ("person", "Suharyanto")]
    assert surfaces("Wali Kota Bandung Muhammad Farhan dan Bupati Sleman Harda Kiswaya berbicara.") == [
        ("place", "Bandung"), ("person", "Muhammad Farhan"), ("place", "Sleman"), ("person", "Harda Kiswaya")]
    assert surfaces("Presiden Amerika Serikat Donald Trump dan Perdana Menteri Malaysia Anwar Ibrahim.") == [
        ("place", "Amerika Serikat"), ("person", "Donald Trump"), ("place", "Malaysia"), ("person", "Anwar Ibrahim")]
    # a head opens one name in the complement; a second title ends it
    assert surfaces("Kepala Dinas Kesehatan DKI Jakarta Ani Ruspitawati dan Ketua Komisi III DPR Habiburokhman.") == [
        ("org", "Dinas Kesehatan DKI Jakarta"), ("person", "Ani Ruspitawati"), ("org", "Komisi III DPR"),
        ("person", "Habiburokhman")]
    assert surfaces("Kapolda Jawa Timur Irjen Nanang Avianto dan Pj Gubernur DKI Jakarta Teguh Setyabudi.") == [
        ("place", "Jawa Timur"), ("person", "Nanang Avianto"), ("place", "DKI Jakarta"), ("person", "Teguh Setyabudi")]
    assert surfaces("Kepala Desa Sukamaju Slamet dan Direktur Utama PT Pertamina (Persero) Simon Aloysius Mantiri.") == [
        ("place", "Desa Sukamaju"), ("person", "Slamet"), ("org", "PT Pertamina (Persero)"),
        ("person", "Simon Aloysius Mantiri")]
    assert surfaces("Ketua Umum Partai Solidaritas Indonesia Kaesang Pangarep dan Menteri Dalam Negeri Tito "
                    "Karnavian.") == [("org", "Partai Solidaritas Indonesia"), ("person", "Kaesang Pangarep"),
                                      ("person", "Tito Karnavian")]
    # in lower case too
    assert surfaces("Hal itu disampaikan gubernur Jawa Barat Dedi Mulyadi.") == [
        ("place", "Jawa Barat"), ("person", "Dedi Mulyadi")]


def test_2_a_title_and_its_complement_without_a_name_name_no_person():
    assert names("Menteri Keuangan mengatakan defisit naik. Presiden menyetujui.") == []
    assert surfaces("Gubernur Jawa Barat meninjau lokasi. Kepala BNPB datang.") == [
        ("place", "Jawa Barat"), ("org", "BNPB")]
    assert surfaces("Warga Ibu Kota Jakarta berlibur.") == [("place", "Jakarta")]


def test_3_an_org_head_ends_an_organisations_name():
    assert names("Sinar Rejeki Tbk menggugat Persiwa FC.") == [
        ("org", "Sinar Rejeki Tbk", "Sinar Rejeki Tbk", 0.8), ("org", "Persiwa FC", "Persiwa FC", 0.8)]


def test_4_a_direction_ends_a_places_name():
    assert names("Gempa terasa di Cilandak Barat dan Flores Timur.") == [
        ("place", "Cilandak Barat", "Cilandak Barat", 0.75), ("place", "Flores Timur", "Flores Timur", 0.75)]


def test_4_datelines_are_places_and_the_agencies_organisations():
    assert names("Jakarta (ANTARA) - Bank Indonesia (BI) menahan suku bunga.") == [
        ("place", "Jakarta", "Jakarta", 0.9), ("org", "ANTARA", "ANTARA", 0.9),
        ("org", "Bank Indonesia", "Bank Indonesia", 0.9), ("org", "BI", "Bank Indonesia", 0.9)]
    assert surfaces("JAKARTA, KOMPAS.com - Polisi menangkap dua orang.") == [
        ("place", "JAKARTA"), ("org", "KOMPAS.com")]
    assert surfaces("TEMPO.CO, Jakarta - Harga naik.\nBisnis.com, JAKARTA — Harga turun.") == [
        ("org", "TEMPO.CO"), ("place", "Jakarta"), ("org", "Bisnis.com"), ("place", "JAKARTA")]
    assert surfaces("Jakarta, CNN Indonesia -- Liputan6.com juga memberitakan.") == [
        ("place", "Jakarta"), ("org", "CNN Indonesia"), ("org", "Liputan6.com")]
    assert surfaces("CIKARET, 3 Mei - Hujan deras turun.") == [("place", "CIKARET")]


def test_5_a_given_name_opening_two_to_four_words_makes_a_person():
    assert names("Siti Nurhaliza Rahmawati dan Agus Setiawan Wibisono menghadiri acara.") == [
        ("person", "Siti Nurhaliza Rahmawati", "Siti Nurhaliza Rahmawati", 0.8),
        ("person", "Agus Setiawan Wibisono", "Agus Setiawan Wibisono", 0.8)]
    assert surfaces("I Wayan Koster, Ni Luh Djelantik dan Muhammad bin Salman menghadiri upacara.") == [
        ("person", "I Wayan Koster"), ("person", "Ni Luh Djelantik"), ("person", "Muhammad bin Salman")]
    # a name a person is known by opens with "Gus", "Bung", "Cak": inside the span
    assert surfaces("Gus Dur, Bung Karno dan Cak Imin dikenang.") == [
        ("person", "Gus Dur"), ("person", "Bung Karno"), ("person", "Cak Imin")]


def test_5_a_verb_of_saying_beside_a_name_makes_a_person_one_word_too():
    assert names('"Stok aman," kata Harda Kiswaya.') == [("person", "Harda Kiswaya", "Harda Kiswaya", 0.7)]
    assert names("Wiratmoko Sasongko mengatakan banjir surut.") == [
        ("person", "Wiratmoko Sasongko", "Wiratmoko Sasongko", 0.7)]
    assert names('"Kami akan terus bekerja," ujar Suharyanto. Boediono menambahkan bahwa ia setuju.') == [
        ("person", "Suharyanto", "Suharyanto", 0.7), ("person", "Boediono", "Boediono", 0.7)]
    # never an acronym nor a word no name alone
    assert names('Menurut BMKG, hujan turun. "Aman," kata Pemerintah.') == [("org", "BMKG", "BMKG", 0.9)]


def test_6_an_age_or_a_description_after_a_comma_makes_a_person_or_a_place():
    assert names("Harda Kiswaya, 45, menjadi korban.") == [("person", "Harda Kiswaya", "Harda Kiswaya", 0.7)]
    assert names("Harda Kiswaya, warga Cikaret, kehilangan motor.") == [
        ("person", "Harda Kiswaya", "Harda Kiswaya", 0.6), ("place", "Cikaret", "Cikaret", 0.75)]
    assert surfaces("Wiratmoko Sasongko, yang memimpin rapat, dan Harda Kiswaya, S.H., hadir.") == [
        ("person", "Wiratmoko Sasongko"), ("person", "Harda Kiswaya")]
    assert names("Ia tinggal di Cikaret Wetan, sebuah desa di kaki gunung.") == [
        ("place", "Cikaret Wetan", "Cikaret Wetan", 0.6)]


def test_6_a_word_naming_a_kind_of_organisation_before_a_name_makes_it_one_outside_the_span():
    assert names("Ia bekerja di perusahaan Sinar Harapan Jaya dan bergabung dengan partai Gelombang Rakyat.") == [
        ("org", "Sinar Harapan Jaya", "Sinar Harapan Jaya", 0.6), ("org", "Gelombang Rakyat", "Gelombang Rakyat", 0.6)]
    assert surfaces("Ia membela klub Persiwa Wamena dan maskapai Garuda Indonesia.") == [
        ("org", "Persiwa Wamena"), ("org", "Garuda Indonesia")]


def test_7_a_place_cue_makes_an_unknown_name_a_place_at_a_low_cert():
    assert names("Ia berlibur ke Wonosari dan menginap di Sendangsari.") == [
        ("place", "Wonosari", "Wonosari", 0.5), ("place", "Sendangsari", "Sendangsari", 0.5)]
    # "dari" stands before persons: no cue
    assert names("Ia menerima surat dari Wiratmoko.") == []


def test_8_dan_joins_two_persons_or_two_places_never_one():
    assert surfaces("Prabowo Subianto dan Gibran Rakabuming Raka bertemu di Solo dan Yogyakarta.") == [
        ("person", "Prabowo Subianto"), ("person", "Gibran Rakabuming Raka"), ("place", "Solo"),
        ("place", "Yogyakarta")]
    assert surfaces("Siti Rahmawati dan Kementerian Sosial menyalurkan bantuan.") == [
        ("person", "Siti Rahmawati"), ("org", "Kementerian Sosial")]


def test_8_a_word_opening_a_sentence_is_no_part_of_the_name():
    assert surfaces("Menurut Budi Santoso, harga naik. Sementara Dinas Pendidikan Kabupaten Garut menutup "
                    "sekolah.") == [("person", "Budi Santoso"), ("org", "Dinas Pendidikan Kabupaten Garut")]
    assert surfaces("Di Kabupaten Bogor banjir. Dalam Rapat Paripurna DPR, anggota setuju. Pemerintah Indonesia "
                    "menolak.") == [("place", "Kabupaten Bogor"), ("org", "DPR"), ("place", "Indonesia")]
    assert surfaces("Mereka berunjuk rasa di depan Kantor BP Batam dan Gedung DPR.") == [
        ("org", "BP Batam"), ("org", "DPR")]


# --- later mentions, acronyms -----------------------------------------------------------------

def test_a_person_is_named_again_by_the_first_words_of_the_name():
    text = "Presiden Prabowo Subianto tiba di Beijing. Prabowo bertemu Presiden Xi Jinping."
    assert names(text) == [("person", "Prabowo Subianto", "Prabowo Subianto", 0.85),
                           ("place", "Beijing", "Beijing", 0.9), ("person", "Prabowo", "Prabowo Subianto", 0.75),
                           ("person", "Xi Jinping", "Xi Jinping", 0.85)]
    text = "Menteri Keuangan Sri Mulyani Indrawati berbicara. Sri Mulyani menambahkan bahwa pajak naik."
    assert names(text) == [("person", "Sri Mulyani Indrawati", "Sri Mulyani Indrawati", 0.85),
                           ("person", "Sri Mulyani", "Sri Mulyani Indrawati", 0.8)]
    text = "Ketua DPR Puan Maharani membuka rapat. Puan mengatakan DPR mendukung."
    assert names(text)[2] == ("person", "Puan", "Puan Maharani", 0.7)


def test_a_person_is_named_again_by_the_last_word_too_and_two_of_one_first_word_lend_it_to_neither():
    assert names("Pelatih Timnas Indonesia Patrick Kluivert memanggil pemain. Kluivert puas.") == [
        ("org", "Timnas Indonesia", "Timnas Indonesia", 0.9), ("person", "Patrick Kluivert", "Patrick Kluivert", 0.85),
        ("person", "Kluivert", "Patrick Kluivert", 0.75)]
    assert names("Siti Rahmawati dan Siti Aminah datang. Siti tersenyum.") == [
        ("person", "Siti Rahmawati", "Siti Rahmawati", 0.8), ("person", "Siti Aminah", "Siti Aminah", 0.8)]


def test_an_acronym_in_brackets_after_an_organisation_is_that_organisation_later_too():
    text = "Badan Riset Pertanian Nusantara (BRPN) meneliti padi. BRPN menemukan varietas baru."
    assert names(text) == [("org", "Badan Riset Pertanian Nusantara", "Badan Riset Pertanian Nusantara", 0.8),
                           ("org", "BRPN", "Badan Riset Pertanian Nusantara", 0.8),
                           ("org", "BRPN", "Badan Riset Pertanian Nusantara", 0.8)]
    assert names("Komisi Pemberantasan Korupsi (KPK) menahan tersangka.") == [
        ("org", "Komisi Pemberantasan Korupsi", "Komisi Pemberantasan Korupsi", 0.9),
        ("org", "KPK", "Komisi Pemberantasan Korupsi", 0.9)]


def test_the_author_is_a_person_wherever_written():
    assert names("Oleh Harda Kiswaya. Harda Kiswaya melaporkan dari Sleman.", author="Harda Kiswaya") == [
        ("person", "Harda Kiswaya", "Harda Kiswaya", 0.95), ("person", "Harda Kiswaya", "Harda Kiswaya", 0.95),
        ("place", "Sleman", "Sleman", 0.9)]


# --- never a name -----------------------------------------------------------------------------

def test_days_months_pronouns_and_words_opening_a_sentence_are_no_names():
    assert names("Senin, Rabu dan Minggu hujan. Mereka Ia Kami Menurut Namun Sementara Selain Pada Dalam.") == []
    assert names("Hal itu benar. Para pedagang mengeluh. Sebanyak 20 orang hadir. Kemudian Lalu Bahkan.") == []


def test_laws_programmes_holidays_events_and_religions_are_no_names():
    assert names("UU Cipta Kerja dan RUU Penyiaran dibahas. Program Makan Bergizi Gratis berjalan saat Lebaran "
                 "dan Natal.") == []
    assert names("Umat Islam dan Kristen merayakan Idulfitri. Pukul 10.00 WIB. Harga Rp16.500.") == []


def test_cldr_names_that_are_words_or_persons_are_no_places():
    lists = words("id")
    assert "Dunia" not in lists["place"] and "Jersey" not in lists["place"] and "Diego Garcia" not in lists["place"]
    assert {"Tiongkok", "Amerika Serikat", "Belanda", "Selandia Baru"} <= lists["place"]
    assert surfaces("Bank Dunia memuji Indonesia.") == [("org", "Bank Dunia"), ("place", "Indonesia")]


def test_a_title_case_headline_gets_listed_names_only():
    assert surfaces("Prabowo Resmikan Bendungan Baru Di Jawa Tengah\n\nWarga menyambut.") == [
        ("place", "Jawa Tengah")]


@pytest.mark.parametrize("text", ["", "...?!", "\n\n"])
def test_a_text_of_no_word_has_no_name(text):
    assert ID.find(text) == []


# --- dates ------------------------------------------------------------------------------------

def test_the_dates_in_indonesian_month_names_and_their_older_spellings():
    assert dates("Proklamasi pada 17 Agustus 1945, pertempuran 10 Nopember 1945 dan pemilu Pebruari 2024.") == [
        ("17 Agustus 1945", {"when": "1945-08-17"}), ("10 Nopember 1945", {"when": "1945-11-10"}),
        ("Pebruari 2024", {"when": "2024-02"})]
    assert dates("Rapat pada 3 Mei 2025 ditunda hingga 5 Juni.", "2025-04-01") == [
        ("3 Mei 2025", {"when": "2025-05-03"}), ("5 Juni", {"when": "2025-06-05"})]
    assert dates("Pada Januari harga naik.") == []
    assert dates("Kamis, 3 Des 2024, dan 12 Agt.", "2025-01-01") == [
        ("3 Des 2024", {"when": "2024-12-03"}), ("12 Agt", {"when": "2025-08-12"})]


def test_a_weekday_and_a_numeric_date_in_brackets_the_weekday_outside():
    assert dates("Sidang digelar Senin (12/2/2025) di Jakarta.") == [("12/2/2025", {"when": "2025-02-12"})]
    assert dates("Tersangka ditangkap pada Selasa (4/3) malam.", "2025-03-06") == [("4/3", {"when": "2025-03-04"})]
    assert dates("Tersangka ditangkap pada Selasa (4/3) malam.") == [("4/3", {"when": "--03-04"})]
    # not an impossible day, nor a fraction without a weekday
    assert dates("Rabu (31/4) tidak ada; skor (4/3) bukan tanggal.") == []


def test_a_year_after_tahun_is_a_date_whatever_follows():
    assert dates("Pada tahun 2024 mencapai puncak; APBN 2025 defisit; sejak 2019, naik.") == [
        ("2024", {"when": "2024"}), ("2025", {"when": "2025"}), ("2019", {"when": "2019"})]
    assert dates("Hingga 2030 lalu; sebanyak 1500 rumah rusak pada 2000 orang.") == [("2030", {"when": "2030"})]


# --- the words and the lists ------------------------------------------------------------------

def test_a_listed_word_with_a_dot_inside_is_one_word():
    toks = Tokens("JAKARTA, KOMPAS.com - Tempo.co dan Dr. H. Budi", words("id"))
    assert toks.words == ["JAKARTA", "KOMPAS.com", "Tempo.co", "dan", "Dr.", "H.", "Budi"]


def test_indonesian_has_word_lists_and_the_places_of_cldr():
    assert "id" in languages()
    lists = words("id")
    assert ("gubernur",) in lists.complement_titles and ("gubernur",) in lists.titles and ("pak",) in lists.titles
    assert ("kata",) in lists.sayings_alone and ("kata",) in lists.sayings and "first" in lists["later_mention"]
    assert "dan" in lists["connector"] and "dan" not in lists["particle"] and "Muhammad" in lists["given"]
    assert ("Kabupaten",) in {head for head, _ in lists.heads} and "tahun" in lists["year_cue"]


# --- corpus names, convert, ner extract -------------------------------------------------------

def test_a_name_found_elsewhere_in_the_corpus_is_marked_where_written():
    known = frozenset({("Harda Kiswaya", "person"), ("Sumber Rejeki Makmur", "org")})
    text = "Warga menyambut Harda Kiswaya di depan Sumber Rejeki Makmur."
    assert names(text) == []
    assert names(text, known_names=known) == [("person", "Harda Kiswaya", "Harda Kiswaya", 0.8),
                                              ("org", "Sumber Rejeki Makmur", "Sumber Rejeki Makmur", 0.8)]


def test_convert_marks_an_indonesian_article_with_the_capitals_recogniser(tmp_path):
    a, b = converted_pair(tmp_path, "id", "Kunjungan ke pelabuhan\n\nBupati Sleman Harda Kiswaya meninjau Cikaret pada "
                                          "3 Mei 2024.\n",
                          "Pasar baru\n\nWarga menyambut Harda Kiswaya kemarin.\n")
    assert '<persName ref="#pers-harda-kiswaya" resp="#ner-capitals" cert="0.85">Harda Kiswaya</persName>' in a
    assert '<date when="2024-05-03"' in a
    marked = '<persName ref="#pers-harda-kiswaya" resp="#ner-capitals" cert="0.80">Harda Kiswaya</persName>'
    assert marked in b


def test_ner_extract_runs_the_indonesian_recogniser(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Gubernur Jawa Barat Dedi Mulyadi meninjau Bogor.", encoding="utf-8")
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "id", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "(capitals)" in result.output
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert line["entities"] == [[9, 19, "placeName"], [20, 32, "persName"], [42, 47, "placeName"]]
    result = runner.invoke(app, ["ner", "extract", str(text), "--language", "id-ID", "-o", str(tmp_path / "id.jsonl")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "id.jsonl").read_text(encoding="utf-8"))["entities"] == line["entities"]
