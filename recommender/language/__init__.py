"""Language: how text is read, in every language the default embedder serves.

Folding (no case, no accents) and splitting into sentences and words (:mod:`.text`); the
function words of 16 languages, folded once, and the words that only say that someone
wishes or point back to an earlier sentence (:mod:`.stopwords`); one table of language names
and ISO codes (:mod:`.names`); which language a text is written in (:mod:`.langid`);
numbers and dates as each language of the page writes them (:mod:`.formats`). Nothing here
imports another part of the package: every other layer reads text through it.
"""
