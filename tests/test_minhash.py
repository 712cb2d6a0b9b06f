"""The numpy signer: same signatures as datasketch's MinHash, word by word."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from analyzer.minhash import shingle_hash, shingle_strings, sign_texts, to_minhash, tokens
from analyzer.text import words

TEXTS = (
    "The sanctions won’t work... because the U.S. keeps buying every-day fuel!",
    "hi there",
    "",
    "Émigré café naïve ünïcödé -- a--b well...no _x_ 😀",
    "one two three four five six seven eight nine ten eleven twelve thirteen",
)


def test_signatures_equal_datasketch_updated_with_each_shingle():
    signatures, counts = sign_texts(TEXTS, 3, 128, 7)
    for text, signature, count in zip(TEXTS, signatures, counts, strict=True):
        reference = MinHash(num_perm=128, seed=7, hashfunc=shingle_hash)
        for shingle in shingle_strings(text, 3):
            reference.update(shingle)
        assert np.array_equal(reference.hashvalues, signature)
        assert count >= len(shingle_strings(text, 3))


def test_signature_wrapped_as_minhash_estimates_like_datasketch():
    signatures, _ = sign_texts([TEXTS[0], TEXTS[0] + " and more words at the end"], 3, 64, 1)
    a, b = to_minhash(signatures[0], 1), to_minhash(signatures[1], 1)
    exact = len(shingle_strings(TEXTS[0], 3)) / len(
        shingle_strings(TEXTS[0] + " and more words at the end", 3))
    assert abs(a.jaccard(b) - exact) < 0.25


def test_tokens_read_words_as_the_text_helpers_do_but_fold_curly_apostrophes():
    assert tokens(TEXTS[3]) == words(TEXTS[3])
    assert tokens("Don’t") == ["don't"]
    assert tokens("U.S. and a--b") == ["u.s", "and", "a", "b"]


def test_a_text_holding_the_batch_separator_is_signed_as_if_alone():
    together, _ = sign_texts(["left\x00right side of it", "other text"], 3, 16, 1)
    alone, _ = sign_texts(["left right side of it"], 3, 16, 1)
    assert np.array_equal(together[0], alone[0])
