"""The shipped CLIP tokenizer files tokenize exactly like open_clip's SimpleTokenizer.

How padding is compared: open_clip's `tokenize()` pads with id 0 after EOT; a Hugging Face
tokenizer pads with its pad token. So the reference ids are cut after the first EOT and
filled up to 77 with the tokenizer's pad id: 49407 (EOT) for SD 1.x and SDXL's first
tokenizer, 0 ("!") for SD 2.x and SDXL's tokenizer_2, which is open_clip's own padding.

Text cleaning: open_clip runs ftfy.fix_text and html.unescape before tokenizing; the HF
tokenizer only does NFC, whitespace and lower-casing. Strings those two leave unchanged must
match as typed; the rest (HTML entities, curly quotes, full-width letters...) match once
the same cleaning is applied first, which is what the app should do to prompts.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.fixtures.open_clip_ref import ensure_open_clip_wheel, load_open_clip_tokenizer

REPO_ROOT = Path(__file__).resolve().parents[2]
SD_CONFIGS = REPO_ROOT / "resources" / "sd_configs"
CONTEXT = 77
SOT, EOT = 49406, 49407

HAND_WRITTEN = [
    "",
    "   ",
    "a photo of a car",
    "A Renault SM6 parked by the sea, golden hour, 35mm, f/1.8",
    "Renault SM6 TCe 225 EDC Initiale Paris — midnight blue",
    "부산 야경 속 르노 SM6",
    "서울 강남역 사거리, 비 오는 밤, 네온 불빛",
    "르노삼성 SM6 2.0 GDe 프리미에르",
    "東京の夜景とルノーの車",
    "雷诺 SM6 在上海外滩",
    "Ренo SM6 на заснеженной дороге",
    "سيارة رينو في الصحراء",
    "café crème brûlée, naïve façade, Größe, smørrebrød",
    "ÉLÉGANCE À LA FRANÇAISE",
    "🚗",
    "🚗💨🔥",
    "😀 happy car 😎",
    "👨‍👩‍👧‍👦 family trip",
    "🇰🇷 🇫🇷 flags",
    "👍🏽 thumbs",
    "❤️ love it",
    "✨sparkle✨",
    "wow!!!",
    "wow!!! great!",
    "!",
    "!!",
    "!!!!!!!!!!",
    "hello, world!",
    "what?!",
    "...",
    "--",
    "@#$%^&*()",
    "(masterpiece:1.2), (best quality), [blurry], {detailed}",
    "<lora:sm6_style:0.8> red car",
    "it's a car; they're fast, we've seen, I'm sure, you'll see, he'd go, don't",
    "IT'S LOUD, THEY'RE SHOUTING",
    "rock'n'roll o'clock",
    "3.14159 2024 1,000,000 007 0x1F 1e-5 50% #1 $99.99 €45 ¥100 £3",
    "1920x1080 4k 8K uhd 16:9",
    "2.0L turbo 225hp 300Nm 0-100 in 7.1s",
    "temperature 25°C, 77°F, 3½ cups, x² + y² = z²",
    "https://example.com/renault-sm6?color=blue&trim=initiale",
    "user@example.com #renault #sm6 @renault_korea",
    "snake_case_words and kebab-case-words and CamelCaseWords",
    "tabs\tand\nnewlines\r\nand   many     spaces",
    "  leading and trailing spaces  ",
    "a, b; c: d. e! f? g",
    "quote \"double\" and 'single'",
    "back\\slash and /forward/ slash | pipe ~ tilde ` backtick",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "pneumonoultramicroscopicsilicovolcanoconiosis",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "<|startoftext|> and <|endoftext|> typed as text",
    "the the the the the the the the the the",
    "SM6 SM6 SM6 sm6 Sm6 sM6",
    "a " * 100,
    "long prompt, " * 40,
    "부산 " * 90,
    "🚗" * 100,
    " ".join(str(i) for i in range(200)),
    # changed by open_clip's ftfy/html cleaning:
    "Tom &amp; Jerry &lt;3",
    "“curly quotes” and ‘single’ ones",
    "ＳＭ６ ｆｕｌｌｗｉｄｔｈ",
    "ﬁne ligatures ﬂow",
    "mojibake: cafÃ© crÃ¨me",
    "zero\u200bwidth and soft\u00adhyphen",
]

WORDS = (
    "renault sm6 sedan car night city street rain neon chrome wheel headlight grille coast "
    "mountain road sunset studio photo render cinematic matte glossy pearl white black red blue "
    "midnight interior leather dashboard highway tunnel bridge harbour busan seoul paris"
).split()
KOREAN = "부산 서울 야경 르노 자동차 바다 도로 불빛 하늘 노을 빗속 겨울 봄 도시 세단".split()
EXTRA = [
    "🚗",
    "🌃",
    "🌊",
    "✨",
    "😍",
    "🔥",
    "🇰🇷",
    "!",
    "!!",
    "?",
    ",",
    ".",
    "...",
    "-",
    ":",
    ";",
    "(",
    ")",
    "'s",
    "&",
    "+",
    "%",
]


def generated_strings(count: int = 140, seed: int = 6) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.choice([1, 2, 3, 5, 8, 13, 21, 40, 80])
        parts = []
        for _ in range(n):
            pool = rng.choices([WORDS, KOREAN, EXTRA], weights=[6, 2, 2])[0]
            token = rng.choice(pool)
            if pool is WORDS and rng.random() < 0.2:
                token = token.upper() if rng.random() < 0.5 else token.capitalize()
            if rng.random() < 0.15:
                token += str(rng.randint(0, 9999))
            parts.append(token)
        sep = rng.choice([" ", " ", " ", ", ", "", "  "])
        out.append(sep.join(parts))
    return out


CORPUS = HAND_WRITTEN + generated_strings()


@pytest.fixture(scope="module")
def open_clip_tok(tmp_path_factory):
    return load_open_clip_tokenizer(ensure_open_clip_wheel(), tmp_path_factory.mktemp("open_clip_ref"))


@pytest.fixture(scope="module")
def hf_tokenizers():
    from transformers import CLIPTokenizer

    return {
        "sd15": CLIPTokenizer.from_pretrained(SD_CONFIGS / "sd15" / "tokenizer"),
        "sd2": CLIPTokenizer.from_pretrained(SD_CONFIGS / "sd2" / "tokenizer"),
        "sdxl": CLIPTokenizer.from_pretrained(SD_CONFIGS / "sdxl" / "tokenizer"),
        "sdxl_2": CLIPTokenizer.from_pretrained(SD_CONFIGS / "sdxl" / "tokenizer_2"),
    }


def reference_ids(open_clip_tok, text: str, pad_id: int) -> list[int]:
    ids = open_clip_tok.tokenize([text], context_length=CONTEXT)[0].tolist()
    end = ids.index(EOT) + 1
    return ids[:end] + [pad_id] * (CONTEXT - end)


def hf_ids(tokenizer, text: str) -> list[int]:
    # the call diffusers' pipelines make in encode_prompt
    return tokenizer(text, padding="max_length", max_length=CONTEXT, truncation=True).input_ids


def is_clean(open_clip_tok, text: str) -> bool:
    return open_clip_tok.basic_clean(text) == text.strip()


def test_corpus_is_big_and_mostly_clean(open_clip_tok):
    assert len(CORPUS) >= 200
    assert sum(is_clean(open_clip_tok, s) for s in CORPUS) >= 190


def test_vocab_and_merges_are_open_clips(open_clip_tok, hf_tokenizers):
    ref = open_clip_tok.SimpleTokenizer()
    renamed = {"<start_of_text>": "<|startoftext|>", "<end_of_text>": "<|endoftext|>"}
    expected = {renamed.get(tok, tok): i for tok, i in ref.encoder.items()}
    assert hf_tokenizers["sd15"].get_vocab() == expected
    merges = (SD_CONFIGS / "sd15" / "tokenizer" / "merges.txt").read_text(encoding="utf-8").split("\n")
    assert merges[0] == "#version: 0.2" and merges[-1] == ""
    assert [tuple(m.split()) for m in merges[1:-1]] == sorted(ref.bpe_ranks, key=ref.bpe_ranks.get)


@pytest.mark.parametrize("name", ["sd15", "sd2", "sdxl", "sdxl_2"])
def test_ids_match_open_clip_on_text_it_would_not_clean(open_clip_tok, hf_tokenizers, name):
    tok = hf_tokenizers[name]
    mismatches = [
        (text, hf_ids(tok, text), reference_ids(open_clip_tok, text, tok.pad_token_id))
        for text in CORPUS
        if is_clean(open_clip_tok, text) and hf_ids(tok, text) != reference_ids(open_clip_tok, text, tok.pad_token_id)
    ]
    assert not mismatches, mismatches[:3]


def test_ids_match_open_clip_after_the_same_cleaning(open_clip_tok, hf_tokenizers):
    tok = hf_tokenizers["sd15"]
    for text in CORPUS:
        assert hf_ids(tok, open_clip_tok.basic_clean(text)) == reference_ids(open_clip_tok, text, tok.pad_token_id), (
            text
        )


def test_pad_tokens(open_clip_tok, hf_tokenizers):
    assert hf_tokenizers["sd15"].pad_token_id == EOT
    assert hf_tokenizers["sdxl"].pad_token_id == EOT
    for name in ("sd2", "sdxl_2"):
        tok = hf_tokenizers[name]
        assert tok.pad_token == "!" and tok.pad_token_id == 0
        # pad 0 is open_clip's zero padding, so no mapping is needed at all
        for text in ("a car", "wow!!! great!", "", "부산 야경 속 르노 SM6"):
            assert hf_ids(tok, text) == open_clip_tok.tokenize([text])[0].tolist()


def test_exclamation_marks_in_prompts_stay_text(hf_tokenizers):
    # with "!" as pad token, transformers would otherwise split "!!!" into three pad ids
    for tok in hf_tokenizers.values():
        ids = hf_ids(tok, "wow!!! great!")
        assert ids[:6] == [SOT, 2781, 995, 830, 256, EOT]  # wow, !!!, great, !</w>


def test_special_tokens_typed_in_a_prompt_are_plain_text(hf_tokenizers):
    for tok in hf_tokenizers.values():
        ids = hf_ids(tok, "a <|endoftext|> b")
        assert ids.index(EOT) > 3 and ids.count(SOT) == 1


@pytest.mark.parametrize("text", ["long prompt, " * 40, "부산 " * 90, "🚗" * 100])
def test_long_prompts_truncate_to_77_with_start_and_end(open_clip_tok, hf_tokenizers, text):
    for tok in hf_tokenizers.values():
        ids = hf_ids(tok, text)
        assert len(ids) == CONTEXT and ids[0] == SOT and ids[-1] == EOT
        assert ids == open_clip_tok.tokenize([text])[0].tolist()


def test_sdxl_tokenizers_are_the_sd_ones():
    for fname in ("vocab.json", "merges.txt", "special_tokens_map.json", "tokenizer_config.json"):
        assert (SD_CONFIGS / "sdxl/tokenizer" / fname).read_bytes() == (
            SD_CONFIGS / "sd15/tokenizer" / fname
        ).read_bytes()
        assert (SD_CONFIGS / "sdxl/tokenizer_2" / fname).read_bytes() == (
            SD_CONFIGS / "sd2/tokenizer" / fname
        ).read_bytes()
