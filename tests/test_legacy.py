"""Legacy font decoding and detection, with round trips through each font's own table."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sorani
from sorani._data import decode_cell, load_table
from sorani.errors import ConfigError

SENTENCE = "ئەم پارەیە بۆ گوندەکە دەچێت و ژنەکان لە ڕۆژی ساڵی تازەدا دێن"
# A short paragraph of ordinary Sorani, long enough for detection to judge.
PARAGRAPH = (
    "ئەمڕۆ کەشوهەوا زۆر خۆشە و خەڵک دەچنە باخچەکان. ئەو پیاوە کتێبێکی نوێی لەسەر مێژووی کوردستان نووسیوە. "
    + SENTENCE
    + ". بەڵام ئێمە هێشتا لە ماڵەوەین و چاوەڕێی هاوڕێکانمان دەکەین."
)


def _rows(font: str) -> list[tuple[str, str]]:
    return [(decode_cell(r["from"]), decode_cell(r["to"]))
            for r in load_table("legacy_fonts.tsv") if r["font"] == font and not r["context"]]


def encode(text: str, font: str, prefer: tuple[str, ...] = ()) -> str:
    """Unicode -> the legacy font, using the font's rows in reverse: a single code point where the font has
    one, else its first sequence; ``prefer`` names legacy forms (rows of the table) to use instead."""
    rows = _rows(font)
    reverse = {}
    for source in prefer:
        (target,) = [t for s, t in rows if s == source]
        reverse[target] = source
    for source, target in rows:
        if len(target) == 1 and target not in reverse and len(source) == 1:
            reverse[target] = source
    for source, target in rows:  # sequences for letters that have no single-code-point form in the font
        if len(target) == 1 and target not in reverse:
            reverse[target] = source
    pattern = "|".join(map(re.escape, sorted(reverse, key=len, reverse=True)))
    return re.sub(pattern, lambda m: reverse[m.group()], text)


@pytest.mark.parametrize("font", sorani.legacy.FONTS)
def test_round_trip_through_each_font(font):
    legacy_text = encode(SENTENCE, font)
    assert legacy_text != SENTENCE
    assert sorani.normalize(sorani.decode_legacy(legacy_text, font=font)) == SENTENCE


@pytest.mark.parametrize(("font", "prefer"), [
    # the rows added after comparing the public descriptions (docs/legacy-fonts.md)
    ("ali-k", ("لآ", "آ", "وً")),
    ("ali-k", ("لاَ", "يً")),
    ("ali-k", ("یً",)),
    ("ali-k", ("لأ", "ىً", "وَ")),
    ("ali-web", ("لآ", "یَ")),
    ("zarnegar", ("يٌ",)),
    ("zarnegar", ("ىٌ",)),
])
def test_round_trip_through_the_added_rows(font, prefer):
    legacy_text = encode(PARAGRAPH, font, prefer)
    assert all(form in legacy_text for form in prefer)
    assert sorani.normalize(sorani.decode_legacy(legacy_text, font=font)) == PARAGRAPH


@pytest.mark.parametrize("font", sorani.legacy.FONTS)
def test_each_fonts_text_is_detected_as_that_font(font):
    legacy_text = encode(PARAGRAPH, font)
    assert sorani.detect_legacy(legacy_text) == font
    assert sorani.normalize(sorani.decode_legacy(legacy_text)) == PARAGRAPH


def test_detection():
    assert sorani.detect_legacy(encode(SENTENCE, "ali-k")) == "ali-k"
    assert sorani.detect_legacy(SENTENCE) is None  # standard Unicode Sorani
    assert sorani.detect_legacy("ذهب المؤمن إلى السوق وطلب ثلاثة كتب") is None  # Arabic with ؤ is not Ali-K
    assert sorani.detect_legacy("امروز هوا خیلی خوب است") is None
    assert sorani.detect_legacy(PARAGRAPH) is None


@pytest.mark.parametrize("text", [
    "قال الرئيس إن الحكومة ستضع خطة جديدة لمواجهة الأزمة الاقتصادية في البلاد",  # ض ط ة
    "السماء صافية والماء بارد وشيء من الضوء يظهر عند الفجر",  # ء ض ظ
    "آمنة طالبة مؤدبة تدرس في مدرسة ثانوية قريبة من ضاحية المدينة",  # آ ؤ ث ط ض ة
    "ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ صَبَاحًا وَعَادَ مَسَاءً",  # fatha, kasra and tanwin, as the fonts use them
    "آب و هوای تهران در پاییز بسیار دلپذیر است و مردم به پارک‌ها می‌روند",  # Persian آ, heh + ZWNJ
    "مؤسسه‌ی آموزشی ثبت‌نام دانشجویان جدید را آغاز کرد و ضوابط آن را اعلام نمود",  # ؤ ث ض ط آ
])
def test_plain_arabic_and_persian_are_not_legacy(text):
    assert sorani.detect_legacy(text) is None
    assert sorani.decode_legacy("ضاو و طوند") == "چاو و گوند"  # detected, then decoded


def test_table_details_and_errors():
    assert sorani.decode_legacy("شاه", font="ali-k") == "شاهـ"  # a final ه was /h/ in Ali-K
    assert sorani.decode_legacy("سه\u200cر که", font="zarnegar") == "سەر کە"
    assert sorani.decode_legacy("طاهیر گوند", font="ali-web") == "گاهیر طوند"  # Ali-Web swaps ط and گ
    with pytest.raises(ConfigError):
        sorani.decode_legacy("x", font="times")


def test_rows_added_from_the_public_descriptions():
    # Ali-K: a lone آ drew ێ (after ل it is the ڵا ligature); A, S and H agree.
    assert sorani.decode_legacy("زانيبآ بةلآم", font="ali-k") == "زانیبێ بەڵام"
    # Ali-K: ء drew a non-joining و, mostly the conjunction; A, S and B agree.
    assert sorani.decode_legacy("نانء ئاو", font="ali-k") == "نان\u200cو ئاو"
    assert sorani.normalize(sorani.decode_legacy("نانء ئاو", font="ali-k")) == "نانو ئاو"
    # Ali-K: tanwin as a rarer way to type the v-mark of ێ and ۆ (AsoSoft's normalizer and S).
    assert sorani.decode_legacy("ديً دیً دىً توً", font="ali-k") == "دێ دێ دێ تۆ"
    # Ali-Web: lam-alef with madda and Farsi yeh with fatha, as in Ali-K (A and S).
    assert sorani.decode_legacy("بةلآم دیَ", font="ali-web") == "بەڵام دێ"


def test_rows_fixed_after_the_comparison():
    # Zarnegar wrote ێ as any yeh + dammatan; AsoSoft turns ي and ى into ی first, so يٌ and ىٌ are ێ too.
    # Our one-pass table used to read them as ی and leave the tanwin behind.
    assert sorani.decode_legacy("بلٌيٌين بوٌ سىٌيەم", font="zarnegar") == "بڵێین بۆ سێیەم"
    assert "\u064c" not in sorani.decode_legacy("ديٌ دىٌ", font="zarnegar")


def test_readings_kept_against_a_single_source():
    # ckb_textify reads Ali-K ص as ێ; AsoSoft/Kurdinus, S, H and B keep ص (B explicitly), so do we.
    assert sorani.decode_legacy("صةبر", font="ali-k") == "صەبر"
    # S reads a final ه after a consonant as ە; A and ckb_textify read every Ali-K ه as /h/.
    assert sorani.decode_legacy("شاه", font="ali-k") == "شاهـ"
    # Dylan: A reads ض as ڤ and لأ as ڵا; S's experimental Dilan mode disagrees; we follow A.
    assert sorani.decode_legacy("ضیدیۆ سالأر", font="dylan") == "ڤیدیۆ ساڵار"


_SOURCE = re.compile(r"!?(A\(norm\)|A|S|T|H|B)")


def test_every_row_names_its_sources():
    for row in load_table("legacy_fonts.tsv"):
        tokens = row["sources"].replace(" ", ",").split(",")
        assert tokens and all(_SOURCE.fullmatch(t) for t in tokens if t), row
        assert any(not t.startswith("!") for t in tokens if t), row


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_never_crashes(text):
    font = sorani.detect_legacy(text)
    assert font in (None, *sorani.legacy.FONTS)
    sorani.decode_legacy(text)


def test_font_is_a_keyword_option():
    # the rule for the whole API: options by keyword only
    with pytest.raises(TypeError):
        sorani.decode_legacy("ضاو و طوند", "ali-k")
    assert sorani.decode_legacy("ضاو و طوند", font="ali-k") == "چاو و گوند"
