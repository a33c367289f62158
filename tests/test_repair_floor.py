"""The confusion floor of ``sorani evaluate repair``: the edits a repair restricted to the keyboard
confusions can never make."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sorani.evaluate.metrics import levenshtein_dp, restricted_distance
from sorani.evaluate.repair import _free_edits, confusion_floor

LETTERS = st.text(alphabet="ابپتجچدرڕزژسشعغفڤقکگلڵمنهەوۆیێئ ،.", max_size=12)
NOTHING = frozenset()


@settings(max_examples=200, deadline=None)
@given(LETTERS, LETTERS)
def test_no_free_edits_is_the_edit_distance(a, b):
    assert restricted_distance(a, b, NOTHING, NOTHING, NOTHING) == levenshtein_dp(a, b)


@settings(max_examples=200, deadline=None)
@given(LETTERS, LETTERS)
def test_free_edits_never_cost_more(a, b):
    assert restricted_distance(a, b, *_free_edits()) <= levenshtein_dp(a, b)


def test_keyboard_letters_are_free_and_the_rest_is_not():
    # a Persian-keyboard line of the dev set: ە left out, ێ typed ی, ڵ typed ل — all within the table
    assert confusion_floor([("او سالانه تواو بون", "ئەو ساڵانە تەواو بوون")]) == 0.0
    # the gold's added full stop and the rewritten ق → غ are outside it: 2 edits over 16 letters
    assert confusion_floor([("لشتان ساق بیت", "لەشتان ساغ بێت.")]) == 2 / 15
    # splitting a merged word is a free edit (spaces come and go)
    assert confusion_floor([("بفرو", "بەفر و")]) == 0.0
