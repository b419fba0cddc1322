"""What the sentence splitter knows: the punctuation that ends, opens and closes a sentence in
each script, and per language (``RULES``, by its primary subtag) the abbreviations, the words
that often open a sentence, and the titles and phrases that decide "at 6 p.m. Mr. Smith"."""

from __future__ import annotations

from dataclasses import dataclass


STOPS = ".!?…‼⁇⁈⁉।॥؟۔։።"  # Latin, Devanagari danda, Arabic and Urdu, Armenian, Ethiopic
CJK_STOPS = "。！？｡"  # end a sentence with no space after them
OPENING = "\"'“‘«‹([¿¡"
CLOSING = "\"'”’»)]}›」』）"


@dataclass(frozen=True)
class Rules:
    """Per-language knowledge: abbreviations (lowercase, without the final period), words that
    often open a sentence, and whether "3." is an ordinal ("am 3. Oktober").

    An abbreviation before a capitalised word ends the sentence when the word is a starter
    ("Co. It closed"), and also, where these sets are given:
    - after a `terminal` abbreviation, whatever the word ("pens, ink, etc. Much more");
    - before a title opening a name, after an abbreviation that closes a phrase: `enders`
      ("at 6 p.m. Mr. Smith", "Acme Inc. Sen. Walsh", "King Jr. Mr. King") before `titles` or
      `offices`, and a capitalised acronym or initial ("the U.S. Mr. Lee", "plan B. Dr. Ng")
      before `titles` only ("U.S. Sen. Ortiz" is one name). Titles after titles never split
      ("the Rev. Dr. King"), nor does a short introductory phrase opened by a `fronted` word
      ("At 5 a.m. Mr. Smith went", "He said that by 7 p.m. Dr. Ng had left")."""

    abbreviations: frozenset[str]
    starters: frozenset[str]
    ordinals: bool = False
    terminal: frozenset[str] = frozenset()
    enders: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    fronted: frozenset[str] = frozenset()


def _rules(abbreviations: str, starters: str, ordinals: bool = False, **sets: str) -> Rules:
    return Rules(frozenset(abbreviations.split()), frozenset(starters.split()), ordinals,
                  **{name: frozenset(words.split()) for name, words in sets.items()})


# Kept small on purpose: dotted forms (U.S.A, e.g) and single letters are recognised by shape.
RULES = {
   "en": _rules(
       "mr mrs ms messrs dr prof gen sen rep gov lt col maj capt sgt adm cmdr pres hon rev "
       "st mt ft ave blvd rd jr sr inc ltd co corp bros llc plc dept univ vs etc al approx "
       "ph.d jan feb mar apr jun jul aug sep sept oct nov dec no nos n° nr p pp vol fig ch",
       "A After Also And As At But By Did During For He Her His How However I If In It Its "
       "Meanwhile Millions More Now On One Our She So That The Their There These They This "
       "Those Thus To We What When Where While Why With Yet You",
       terminal="etc",
       enders="a.m p.m jr sr inc ltd co corp bros llc plc ph.d ave blvd rd",
       titles="mr mrs ms messrs mme dr prof",
       offices="gen sen rep gov lt col maj capt sgt adm cmdr pres hon rev st mt ft",
       fronted="about after around at before by during from in near on since till until",
   ),
   "de": _rules(
       "dr prof hr fr frl st str nr ca bzw usw vgl evtl ggf inkl zzgl abs tel geb gest jh "
       "mio mrd bspw sog u.a d.h z.b jan feb märz apr aug sep sept okt nov dez etc",
       "Der Die Das Er Sie Es Ich Wir Ihr Aber Auch Am Im In Ein Eine Dies Diese Dann Doch "
       "So Man Nach Bei Mit",
       ordinals=True,
   ),
   "fr": _rules(
       "m mm mme mlle dr pr st ste av bd env etc cf ex p vol chap n° janv févr avr juil "
       "sept oct nov déc",
       "Le La Les Il Elle Ils Elles Je Nous On Un Une Ce Cette Mais Et En Dans Pour Puis",
   ),
   "es": _rules(
       "sr sra srta dr dra d dña ud uds gral sto sta etc pág núm av avda ej aprox p ee.uu",
       "El La Los Las Él Ella Ellos Yo Nosotros Un Una Pero Y En Es Este Esta",
   ),
   "it": _rules(
       "sig sigg dott prof ing avv geom on sen gen ecc pag es cfr sr n",
       "Il Lo La I Gli Le Lui Lei Io Noi Un Una Ma E In È Questo Questa",
   ),
   "pt": _rules(
       "sr sra srta dr dra prof av etc pág p ex nº núm lda sto sta eng",
       "O A Os As Ele Ela Eu Nós Um Uma Mas E Em É Este Esta",
   ),
   "nl": _rules(
       "dhr mevr mr dr drs prof ir ing bijv enz o.a d.w.z nr blz ca etc jl vs st",
       "De Het Een Hij Zij Ze Ik Wij We Maar En In Dit Dat",
   ),
   "pl": _rules(
       "np tj tzn itp itd ok ul al dr prof mgr inż gen płk św r w tys mln mld nr godz",
       "To W Na Nie On Ona Oni Ja My Ale I A Jest Ten Ta",
       ordinals=True,
   ),
}
