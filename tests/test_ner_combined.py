"""How rules and model mentions are combined: trusted rules win, model spans must fit around them."""

from __future__ import annotations

from teikit.model import Mention
from teikit.recognise.combined import combine


def test_trusted_rules_kept_model_names_added_untrusted_rules_dropped():
    rules = [
        Mention(0, 9, "date", attrs=(("when", "2013-07-31"),)),
        Mention(20, 26, "place", key="Hà Nội", cert=0.95),      # gazetteer: trusted
        Mention(30, 40, "person", key="Guess", cert=0.5),         # a guess: the model decides
        Mention(50, 60, "role", key="Bộ trưởng"),
    ]
    model = [
        Mention(30, 40, "person", resp="crf", cert=0.81),
        Mention(61, 70, "person", resp="crf", cert=0.97),
    ]
    result = combine(rules, model)
    assert [(m.start, m.end, m.type, m.resp) for m in result] == [
        (0, 9, "date", "rules"), (20, 26, "place", "rules"), (30, 40, "person", "crf"),
        (50, 60, "role", "rules"), (61, 70, "person", "crf")]
    assert result[2].cert == 0.81


def test_model_spans_that_cross_repeat_or_nest_badly_are_dropped():
    rules = [
        Mention(0, 20, "role", key="Bộ trưởng Bộ Công an"),
        Mention(30, 36, "place", key="Hà Nội", cert=0.95),
        Mention(40, 50, "date"),
    ]
    model = [
        Mention(10, 20, "org", resp="crf", cert=0.9),     # org inside a role: allowed
        Mention(15, 25, "person", resp="crf", cert=0.9),  # crosses the role
        Mention(30, 36, "org", resp="crf", cert=0.9),     # same span as a trusted place
        Mention(26, 36, "org", resp="crf", cert=0.9),     # a sure org around the place: the outer name wins
        Mention(28, 36, "place", resp="crf", cert=0.5),   # an unsure place around a place: same kind
        Mention(41, 45, "person", resp="crf", cert=0.9),  # a person inside a date
        Mention(40, 50, "person", resp="crf", cert=0.9),  # equal to the date
    ]
    result = combine(rules, model)
    assert [(m.start, m.end, m.type, m.resp) for m in result] == [
        (0, 20, "role", "rules"), (10, 20, "org", "crf"), (26, 36, "org", "crf"), (40, 50, "date", "rules")]


def test_combination_is_independent_of_input_order():
    rules = [Mention(0, 5, "date"), Mention(10, 16, "place", cert=0.95)]
    model = [Mention(20, 30, "org", resp="crf", cert=0.7), Mention(8, 18, "org", resp="crf", cert=0.6)]
    assert combine(rules, model) == combine(list(reversed(rules)), list(reversed(model)))


def test_a_sure_model_name_around_trusted_names_replaces_them():
    rules = [
        Mention(0, 18, "org", key="Ngân hàng Nhà nước", cert=0.95),  # listed, but the name goes on
        Mention(30, 40, "person", key="Kim Đồng", cert=0.9),
        Mention(50, 56, "place", key="Hà Nội", cert=0.95),
    ]
    model = [
        Mention(0, 44, "org", resp="crf", cert=0.8),      # sure: replaces the shorter org
        Mention(24, 40, "org", resp="crf", cert=0.5),     # unsure: the trusted person stays
        Mention(46, 56, "org", resp="crf", cert=0.9),     # an org holds no place (model.MAY_CONTAIN): the sure org wins
    ]
    result = combine(rules, model)
    assert [(m.start, m.end, m.type, m.resp) for m in result] == [
        (0, 44, "org", "crf"), (46, 56, "org", "crf")]
    # crossing a trusted name is never allowed, however sure the model is
    crossing = combine([Mention(10, 20, "org", cert=0.95)], [Mention(15, 30, "org", resp="crf", cert=0.99)])
    assert [(m.start, m.end) for m in crossing] == [(10, 20)]
