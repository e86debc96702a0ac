"""Where organisation names begin and end in Vietnamese news: schools named after a person,
units followed by their parent body, continuations of a name, clubs, lower-case heads, and
names that must stop before a verb. Each rule with cases it must take and cases it must not."""

from __future__ import annotations

import pytest

from teikit.model import ORG, PERSON, PLACE
from teikit.recognise.rules import default_recogniser


def of(text, kind):
    return [text[m.start:m.end] for m in default_recogniser().find(text) if m.type == kind]


# --- 1. bodies named after a person ------------------------------------------------------

@pytest.mark.parametrize("text, org", [
    ("Học sinh Trường Tiểu học Kim Đồng tham gia lễ khai giảng.", "Trường Tiểu học Kim Đồng"),
    ("Trường THPT Chuyên Lê Hồng Phong đạt giải nhất.", "Trường THPT Chuyên Lê Hồng Phong"),
    ("Em học tại Trường THCS Nguyễn Du từ năm 2020.", "Trường THCS Nguyễn Du"),
    ("Đại học Tôn Đức Thắng xếp hạng cao.", "Đại học Tôn Đức Thắng"),
    ("Trường Mầm non Hoa Sen khai giảng sớm.", "Trường Mầm non Hoa Sen"),
])
def test_a_school_named_after_a_person_is_one_org_and_no_person(text, org):
    assert of(text, ORG) == [org]
    assert of(text, PERSON) == []


def test_a_person_after_a_body_that_is_not_named_after_people_stays_a_person():
    text = "Bộ Công an Trần Văn Sơn phát biểu."
    assert of(text, ORG) == ["Bộ Công an"]
    assert of(text, PERSON) == ["Trần Văn Sơn"]


def test_a_person_after_a_school_name_that_is_whole_stays_a_person():
    text = "Trường Đại học Bách khoa Nguyễn Văn An phát biểu."
    assert "Nguyễn Văn An" in of(text, PERSON)


# --- 2. a unit followed directly by its parent body ----------------------------------------

@pytest.mark.parametrize("text, org", [
    ("Ban Dân vận Tỉnh ủy Sóc Trăng tổ chức hội nghị.", "Ban Dân vận Tỉnh ủy Sóc Trăng"),
    ("Phòng Cảnh sát giao thông Công an tỉnh Nghệ An xử phạt 20 trường hợp.",
     "Phòng Cảnh sát giao thông Công an tỉnh Nghệ An"),
    ("Văn phòng Chính phủ thông báo kết luận.", "Văn phòng Chính phủ"),
])
def test_a_unit_and_its_parent_are_one_org(text, org):
    assert of(text, ORG) == [org]


def test_a_parent_after_a_comma_or_va_is_another_org():
    assert of("Ban Dân vận, Tỉnh ủy Sóc Trăng tổ chức hội nghị.", ORG) == ["Ban Dân vận", "Tỉnh ủy Sóc Trăng"]


def test_a_parent_named_by_its_head_alone_is_taken_in():
    assert of("Ban Dân vận Tỉnh ủy tổ chức hội nghị.", ORG) == ["Ban Dân vận Tỉnh ủy"]


@pytest.mark.parametrize("text, org", [
    ("Cơ quan Cảnh sát điều tra Bộ Công an đã khởi tố vụ án.", "Cơ quan Cảnh sát điều tra Bộ Công an"),
    ("Theo Cơ quan Cảnh sát điều tra Công an tỉnh Bình Dương, nghi phạm bị bắt.",
     "Cơ quan Cảnh sát điều tra Công an tỉnh Bình Dương"),
])
def test_an_investigating_agency_and_its_police_are_one_org(text, org):
    assert of(text, ORG) == [org]


def test_a_common_word_head_before_a_lower_case_word_is_no_org():
    assert of("Cơ quan chức năng đã vào cuộc.", ORG) == []


def test_an_office_and_the_person_after_it_are_not_a_parent():
    text = "Ban Dân vận Bộ trưởng Nguyễn Văn An phát biểu."
    assert of(text, ORG) == ["Ban Dân vận"]
    assert of(text, PERSON) == ["Nguyễn Văn An"]


# --- 3. continuations that belong to the name ----------------------------------------------

@pytest.mark.parametrize("text, org", [
    ("Hội Nông dân tỉnh tổ chức hội thảo.", "Hội Nông dân tỉnh"),
    ("Hội Nông dân thành phố tổ chức hội thảo.", "Hội Nông dân thành phố"),
    ("Hội Liên hiệp Phụ nữ huyện Tiên Du trao quà.", "Hội Liên hiệp Phụ nữ huyện Tiên Du"),
])
def test_a_body_at_each_level_takes_its_level_word(text, org):
    assert of(text, ORG) == [org]


@pytest.mark.parametrize("text, org", [
    ("Sở Du lịch Thành phố Đà Nẵng cho biết lượng khách tăng.", "Sở Du lịch Thành phố Đà Nẵng"),
    ("Ủy ban nhân dân Thành phố Hà Nội vừa ban hành kế hoạch.", "Ủy ban nhân dân Thành phố Hà Nội"),
    ("Chiều qua, UBND Thị xã Sơn Tây họp báo.", "UBND Thị xã Sơn Tây"),
    ("Công ty Thành Công ký hợp đồng mới.", "Công ty Thành Công"),
])
def test_a_level_word_capitalised_as_official_names_write_it_is_not_cut(text, org):
    """"Thành phố" (only its first syllable capitalised) is the level, not a name syllable and a
    place "phố …"; "Thành Công" is a name."""
    assert (of(text, ORG), of(text, PLACE)) == ([org], [])


@pytest.mark.parametrize("text", ["Hội nghị tỉnh được tổ chức.", "Bộ Công an tỉnh táo trước thủ đoạn mới."])
def test_a_level_word_after_a_common_word_or_a_body_of_one_level_is_no_name(text):
    assert not any(o.endswith("tỉnh") for o in of(text, ORG))


def test_parts_joined_by_a_hyphen_are_one_name():
    text = "Trường Đại học Sân khấu - Điện ảnh Hà Nội tuyển sinh."
    assert of(text, ORG) == ["Trường Đại học Sân khấu - Điện ảnh Hà Nội"]


@pytest.mark.parametrize("text, org", [
    ("Bệnh viện Bạch Mai - Hà Nội tiếp nhận bệnh nhân.", "Bệnh viện Bạch Mai"),
    ("Bộ Y tế - cơ quan quản lý ngành cho biết.", "Bộ Y tế"),
    ("Sở Y tế - Giám đốc Nguyễn Văn An cho biết.", "Sở Y tế"),
])
def test_a_hyphen_before_a_place_a_lower_case_word_or_a_role_ends_the_name(text, org):
    assert of(text, ORG) == [org]


# --- 6. a name that ended in capitalised words stops before a verb -------------------------

@pytest.mark.parametrize("text, org", [
    ("Bệnh viện Từ Dũ khuyến cáo sản phụ đi khám.", "Bệnh viện Từ Dũ"),
    ("Bệnh viện Chợ Rẫy ghép thận thành công.", "Bệnh viện Chợ Rẫy"),
    ("Bệnh viện K tiếp nhận bệnh nhân.", "Bệnh viện K"),
])
def test_a_lower_case_verb_does_not_continue_a_name(text, org):
    assert of(text, ORG) == [org]


@pytest.mark.parametrize("text, org", [
    ("Bộ Công an khuyến cáo người dân.", "Bộ Công an"),
    ("Sở Y tế Hà Nội ghi nhận thêm ca bệnh.", "Sở Y tế Hà Nội"),
    ("Bệnh viện Nhi Trung ương quá tải.", "Bệnh viện Nhi Trung ương"),
    ("Bệnh viện Bệnh Nhiệt đới Trung ương tiếp nhận bệnh nhân.", "Bệnh viện Bệnh Nhiệt đới Trung ương"),
])
def test_one_lower_case_syllable_still_completes_a_capitalised_word(text, org):
    assert of(text, ORG) == [org]


@pytest.mark.parametrize("text, org", [
    ("Theo Hiệp hội Bất động sản TP Hồ Chí Minh (HoREA), giá tăng.", "Hiệp hội Bất động sản TP Hồ Chí Minh"),
    ("Người dân gửi đơn tới Ban Tiếp công dân tỉnh.", "Ban Tiếp công dân"),
    ("Cục Xuất nhập khẩu cảnh báo doanh nghiệp.", "Cục Xuất nhập khẩu"),
    ("Cục Sở hữu trí tuệ cấp văn bằng.", "Cục Sở hữu trí tuệ"),
    ("Cục Quản lý thị trường kiểm tra cửa hàng.", "Cục Quản lý thị trường"),
])
def test_a_word_of_more_than_two_syllables_is_not_cut(text, org):
    """"bất động sản" (org_words.tsv), "sở hữu" + "trí tuệ" (org_fields.tsv): the name is not cut
    after the capitalised syllable's first lower-case one."""
    assert of(text, ORG)[0] == org


@pytest.mark.parametrize("text, org", [
    ("Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh cho biết tín dụng tăng.",
     "Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh"),
    ("Ngân hàng Agribank chi nhánh Tây Hà Nội cho biết.", "Ngân hàng Agribank chi nhánh Tây Hà Nội"),
    ("Công ty Điện lực Hà Nội chi nhánh Đông Anh cho biết.", "Công ty Điện lực Hà Nội chi nhánh Đông Anh"),
])
def test_a_branch_of_a_bank_or_company_belongs_to_its_name(text, org):
    assert of(text, ORG) == [org]


@pytest.mark.parametrize("text", [
    "Ngân hàng Nhà nước chi nhánh mới khai trương.",
    "Ngân hàng Nhà nước chi nhánh của tỉnh hoạt động tốt.",
])
def test_a_branch_without_a_name_is_no_part_of_the_name(text):
    assert of(text, ORG) == ["Ngân hàng Nhà nước"]


# --- 4. clubs and teams ---------------------------------------------------------------------

@pytest.mark.parametrize("text, org", [
    ("Bắc Ninh FC thắng 2-0.", "Bắc Ninh FC"),
    ("Hà Nội thắng FC Seoul 2-1.", "FC Seoul"),
    ("CLB Hà Nội giành chiến thắng.", "CLB Hà Nội"),
])
def test_a_name_with_fc_or_clb_is_a_club_not_a_place(text, org):
    assert org in of(text, ORG)
    assert not any(p in org for p in of(text, PLACE))


@pytest.mark.parametrize("text, clubs", [
    ("Inter Miami chiêu mộ Messi.", ["Inter Miami"]),
    ("Real Madrid thắng Manchester City 3-2.", ["Real Madrid", "Manchester City"]),
    ("Messi ghi bàn cho Barcelona tối qua.", ["Barcelona"]),
])
def test_listed_foreign_clubs_win_over_their_cities(text, clubs):
    assert of(text, ORG) == clubs
    assert of(text, PLACE) == []


@pytest.mark.parametrize("text", ["Anh ấy sang Barcelona du lịch.", "Tôi sống ở Madrid hai năm.",
                                  "Đội bóng có trụ sở tại Miami."])
def test_a_city_after_a_place_cue_stays_a_city(text):
    assert of(text, ORG) == []
    assert len(of(text, PLACE)) == 1


def test_fc_alone_or_in_lower_case_is_no_club():
    assert of("Đội bóng đá fc của trường thắng.", ORG) == []
    assert of("FC thắng trận.", ORG) == []


# --- 5. lower-case heads that announce an org -------------------------------------------------

@pytest.mark.parametrize("text, org", [
    ("Theo hãng tin Kyodo, Nhật Bản đã đồng ý.", "hãng tin Kyodo"),
    ("Theo hãng thông tấn Bernama, hai bên đã đồng ý.", "hãng thông tấn Bernama"),
    ("Sản phẩm của tập đoàn Foxconn được xuất khẩu.", "tập đoàn Foxconn"),
    ("Ông làm việc cho công ty Vedan nhiều năm.", "công ty Vedan"),
    ("Hãng thông tấn Yonhap cho biết Triều Tiên phóng tên lửa.", "Hãng thông tấn Yonhap"),
    ("Tập đoàn Vingroup công bố kết quả kinh doanh.", "Tập đoàn Vingroup"),
])
def test_a_firm_or_agency_head_announces_the_capitalised_name_after_it(text, org):
    assert org in of(text, ORG)   # the lower-case head is part of the name (docs/ner.md)


@pytest.mark.parametrize("text", ["thâm nhập thị trường Mỹ", "theo dự báo Hà Nội mưa to", "trước khán đài Mỹ Đình"])
def test_a_head_syllable_inside_a_word_announces_nothing(text):
    assert of(text, ORG) == []


@pytest.mark.parametrize("text, orgs", [
    ("CẢNH BÁO LŨ QUÉT TẠI CÁC TỈNH MIỀN NÚI PHÍA BẮC\n\nMưa lớn kéo dài.", []),
    ("DỰ BÁO THỜI TIẾT CÁC NGÀY CUỐI TUẦN\n\nTrời nắng.", []),
    ("Thông Báo Tuyển Sinh Năm Học Mới\n\nHọc sinh nộp hồ sơ.", []),
    ("BỘ Y TẾ CẢNH BÁO DỊCH SỞI Ở TRẺ EM\n\nSố ca tăng.", ["BỘ Y TẾ"]),
    ("SỞ Y TẾ HÀ NỘI THÔNG BÁO KẾT QUẢ KIỂM TRA\n\nNhiều cơ sở bị phạt.", ["SỞ Y TẾ HÀ NỘI"]),
    ("TRUNG TÂM DỰ BÁO KHÍ TƯỢNG THỦY VĂN QUỐC GIA cho biết mưa to.",
     ["TRUNG TÂM DỰ BÁO KHÍ TƯỢNG THỦY VĂN QUỐC GIA"]),
])
def test_in_capitals_a_head_ending_a_common_word_is_none_and_a_place_ends_the_name(text, orgs):
    """In a line in capitals case shows no word's start: "BÁO" of "CẢNH BÁO" (warning) is no
    newspaper (org_head_compounds.tsv), and the name of a body ends at its place."""
    assert of(text, ORG) == orgs


@pytest.mark.parametrize("text", [
    "Theo hãng tin này, hai bên đã đồng ý.",
    "Tập đoàn và công ty con đều tăng trưởng.",
    "Các công ty Bộ trưởng Nguyễn Văn An nhắc đến đều đã bị phạt.",
])
def test_a_lower_case_head_before_no_name_announces_nothing(text):
    assert of(text, ORG) == []


@pytest.mark.parametrize("text, org", [
    ("Bệnh viện K mỗi ngày khám cho 5.000 người.", "Bệnh viện K"),
    ("Hãng thông tấn Yonhap dẫn lời quan chức.", "Hãng thông tấn Yonhap"),
])
def test_a_lone_consonant_or_a_foreign_word_takes_no_lower_case_syllable(text, org):
    assert of(text, ORG) == [org]


def test_a_one_letter_vowel_syllable_still_takes_its_compound():
    assert of("Sở Y tế Hà Nội cho biết.", ORG) == ["Sở Y tế Hà Nội"]
