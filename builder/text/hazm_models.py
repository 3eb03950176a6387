"""hazm's models, built once per process and shared by every component.

Left to itself hazm builds a ``WordTokenizer`` inside its ``Normalizer``,
another inside the ``Lemmatizer`` that the Normalizer makes, one for
``hazm.word_tokenize`` and one inside our own Lemmatizer, and each of them
reads and parses ``words.dat`` (half a second).  :func:`models` builds every
model the pipeline uses in one go, on first use, with that file read once and
one Lemmatizer serving both the Normalizer and the verb test.  hazm offers no
way to pass these in, so the two hazm functions involved are swapped for the
few lines that build the models.
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple
from unittest.mock import patch

from .diskcache import cached_value


class Models(NamedTuple):
    normalizer: object  # hazm.Normalizer with its character tables built once
    sentence_tokenizer: object  # what hazm.sent_tokenize uses
    word_tokenizer: object  # what hazm.word_tokenize uses (compound verbs joined: «گفته_است»)
    lemmatizer: object  # for telling verbs (see models())


@cache
def models() -> Models:
    """Every hazm model of the pipeline, built once (a few seconds; the first call pays)."""
    import hazm.normalizer
    import hazm.utils
    import hazm.word_tokenizer
    from hazm import Lemmatizer, SentenceTokenizer, WordTokenizer

    default = hazm.utils.default_words
    with open(default, "rb") as f:  # parsed once per machine (builder.text.diskcache), not once per process
        words = cached_value("hazm-words", f.read(), lambda: hazm.utils.words_list(default))

    def words_list(words_file=default):
        return words if words_file == default else hazm.utils.words_list(words_file)

    with patch.object(hazm.word_tokenizer, "words_list", words_list):  # what every WordTokenizer reads
        # Without joined verb parts: every key that option adds contains «_», and
        # tokens.is_verb answers for such tokens before it asks the lemmatiser.
        # It is the very lemmatiser the Normalizer builds for its verb list.
        lemmatizer = Lemmatizer(joined_verb_parts=False)
        with patch.object(hazm.normalizer, "Lemmatizer", lambda joined_verb_parts: lemmatizer):
            normalizer = _normalizer()
        return Models(normalizer, SentenceTokenizer(), WordTokenizer(), lemmatizer)


def _normalizer():
    from hazm import Normalizer, maketrans

    class TablesOnce(Normalizer):
        """hazm's Normalizer with its two character tables built once.

        hazm rebuilds both tables (dicts of some 500 entries) on every call,
        a quarter of its time on paragraph-sized inputs.  The letter table is
        applied here before ``normalize`` and hazm's own first step is given
        empty tables, which is the same translation in the same place.
        """

        def __init__(self):
            super().__init__()
            self.letters = maketrans(self.translation_src, self.translation_dst)
            self.digits = maketrans(self.number_translation_src, self.number_translation_dst)
            self.translation_src = self.translation_dst = ""

        def normalize(self, text: str) -> str:
            return super().normalize(text.translate(self.letters))

        def persian_number(self, text: str) -> str:
            return text.translate(self.digits)

    return TablesOnce()
