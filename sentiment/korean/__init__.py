"""Korean sentiment on VADER's compound scale (-1..1): morphemes from Kiwi (kiwipiepy, its model in the
`kiwipiepy_model` wheel, offline), a lexicon of morpheme weights, and the rules Korean needs that a
word list alone misses.

- **The lexicon** (`korean_lexicon.tsv`): a logistic regression over signed morpheme counts, learned by
  `bench/build_korean_lexicon.py` from the CC0 Naver movie reviews and the CC BY-SA KoBEST SentiNeg
  product reviews of `../shared/data/korean-sentiment/` (every row; `bench/bench_korean.py` measures a
  sibling learned on the build split on the rest), plus hand-written customer-service words (`CX_WORDS`) the reviews lack or
  under-weigh (해지, 환불, 불친절, 먹통 ...), which take precedence.
- **Negation** flips a word's weight: 안/못 before it, -지 않다 / -지 못하다 / -지 말다 or -ㄹ 수 없다 after it
  (not 수밖에 없다, nor a quality compared: 이보다 더 좋을 수 없어요), and, any of them, its whole clause
  (냄새가 많이 나지 않아요, 냄새가 많이 안 나요; not a cause said with 덕분에 or 때문에; through 것 같다 to the
  clause it is about); 없다 after a noun (불만 없어요) and the words describing it (불편한 점은 없어요), and the prefixes 불/비/무/미
  (불친절). Adverbs that go with a negation (별로, 전혀, 하나도) count nothing before one (별로 나쁘지
  않아요 is praise); 별로 alone says "meh". **The closing clause** weighs most:
  Korean says its stance in the sentence's last predicate. **Intensifiers** (너무, 정말, 진짜, 완전 ...) strengthen the next word. **Contrast**
  (-지만, 하지만, 그런데, 근데) makes the clause after it weigh more than the one before. Emoticons
  and jamo (ㅠㅠ, ㅋㅋ, ㅡㅡ, ^^) count as words. An English word inside Korean text ("UI가 너무
  slow해요") takes VADER's own valence.
- Kiwi corrects spacing and reads typos' intent, so "재미없다" and "재미 없다" read alike.
- **A character convolution** (`korean_syllables.npz`, learned by `bench/build_korean_syllables.py` from the
  same reviews) reads windows of two to four characters, a second opinion where the morphemes miss (slang,
  run-together words); its logit joins z at SYLLABLE_WEIGHT, except where a rule read the text (a word
  negated, a customer-service word, a request): there the rule's reading stands.

compound = VADER's own normalisation of s x z, z the regression's score (a sum of weights, as VADER's is
a sum of valences) and s PRAISE_SCALE or COMPLAINT_SCALE by its sign: the sign is the model's call, and a
turn with no weighted word is 0 (neutral, still scored, as VADER scores neutral English). The scales put
Korean on VADER's scale, not the regression's probability (tanh(z / 2), which read 70% of the demo's
Korean comments at 0.9 or more, 0.5% of the English ones): see PRAISE_SCALE.

The package, in the order a text passes through it:
- `analyser`: Kiwi's morphemes, mended where Kiwi misreads (못/MAG 하/VV after -지 is the auxiliary 못하/VX);
- `rewrites` and `asking`: what a word means in its clause for a customer, rewritten before counting;
- `negation` and `contrast`: which words a negation turns round, which clause says the stance;
- `counts`: the signed counts the regression weighs (`bench/build_korean_lexicon.py` learns on them);
- `weights` and `convolution`: the two readers' weights (the lexicon's and the characters');
- `scorer`: their sum on VADER's compound scale (`score`, `score_many`);
- `grammar` and `words`: what the rules share, a clause's bounds and the words they read.
"""

from .analyser import is_korean, kiwi, lemma_words, lemmas, morphemes, readings, remember_readings, tokens
from .convolution import SYLLABLE_WEIGHT, SYLLABLES, syllable_logits, syllables
from .counts import features, syllable_features, word_features
from .scorer import COMPLAINT_SCALE, PRAISE_SCALE, SCORER_VERSION, Korean, score, score_many
from .weights import LEXICON, lexicon

__all__ = ["COMPLAINT_SCALE", "LEXICON", "PRAISE_SCALE", "SCORER_VERSION", "SYLLABLES", "SYLLABLE_WEIGHT", "Korean",
           "features", "is_korean", "kiwi", "lemma_words", "lemmas", "lexicon", "morphemes", "readings",
           "remember_readings", "score", "score_many", "syllable_features", "syllable_logits", "syllables", "tokens",
           "word_features"]
