#!/usr/bin/env python3
"""Seeded generator of news-like version pairs for the diff benchmarks.

    generate_pairs.py --count 1000 --seed 42 --out pairs.jsonl
    generate_pairs.py --large-mb 10 --seed 42 --old old.txt --new new.txt

The edits imitate what republished wire copy does to a story: sentences split and merged, tense
moved to the past, time words dropped, paragraphs added and moved, figures and credits changed,
a few words swapped. Only random.Random(seed) is used, so a seed always gives the same bytes.
"""
import argparse
import json
import random
import re
import sys

MEN = ["Sergey", "Viktor", "Alexei", "David", "Merrick", "Guy", "Jonas", "Omar", "Pavel", "Marco",
       "Hiroshi", "Samuel", "Tomas", "Rashid", "Lukas", "Andrew"]
WOMEN = ["Ursula", "Maria", "Olena", "Kamala", "Ingrid", "Fatima", "Sofia", "Liz", "Annalena",
         "Yuki", "Rachel", "Elena", "Priya", "Helen"]
SURNAMES = ["Lavrov", "Navalny", "Garland", "Sands", "Taylor", "Kuleba", "Borrell", "Haddad",
            "Novak", "Moretti", "Tanaka", "Okafor", "Lindqvist", "Brandt", "Kowalski", "Reyes",
            "Whitfield", "Petrenko", "Sato", "Gertz", "Castellanos", "Marsh", "Adeyemi", "Holm"]
TITLES = ["President", "Foreign Minister", "Defense Secretary", "Prime Minister", "Sen.", "Gov.",
          "Mayor", "Attorney General", "Gen.", "Dr.", "Rep.", "Ambassador"]
JOBS = ["diplomat", "prosecutor", "banker", "tank commander", "schoolteacher", "energy minister",
        "central bank governor", "newspaper editor", "police chief", "nurse"]
CITIES = ["Kharkiv", "Kherson", "Kyiv", "Odesa", "Mariupol", "Warsaw", "Brussels", "Geneva",
          "Vienna", "Istanbul", "Berlin", "Riga", "Vilnius", "Chisinau", "Lviv", "Dnipro", "Minsk"]
COUNTRIES = ["Russia", "Ukraine", "Poland", "Belarus", "Moldova", "Germany", "France", "Turkey",
             "Lithuania", "Latvia", "Hungary", "Romania"]
ORGS = ["U.N. Security Council", "European Union", "Red Cross", "World Bank", "NATO alliance",
        "International Monetary Fund", "Pentagon", "Kremlin", "State Department", "OVD-Info group"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec."]
QUOTES = [
    "We are on our land, and we will not leave it",
    "It will not happen with rockets, it will not happen with bombs",
    "We are ready to talk, but we will not surrender",
    "This is a moment that calls for courage and for patience",
    "Nobody expected it to move this fast",
    "We have done everything we can for these families",
    "The numbers speak for themselves",
    "Our people are tired, but they are not afraid",
    "I am urging everyone to stay calm and to stay home",
    "There is no plan B, and there never was one",
    "We are coming for your yachts and your private jets",
    "History will judge all of us by what we do this week",
    "The shelling has not stopped for a single night",
    "If we need to fill up the jails, we will fill up the jails",
]

# Each template is one sentence. Slots: {P} a person (full name first, "Mr. X" afterwards),
# {C} city, {N} country, {O} organization, {D} weekday, {F} figure with commas, {A} age,
# {R} ordinal, {T} date, {X} percentage, {M} money, {J} job, {Q} quotation.
TEMPLATES = [
    "{N} and {N} on {D} agreed to a {R} round of talks even as troops stepped up their assault on "
    "{C} and {C}, while {P} declared that the country will never surrender.",
    "Officials from the two sides are expected to meet {D}, though the exact details of those talks "
    "remain unclear.",
    "{P} says the {O} is prepared to send {F} more troops to the region, a figure that is far higher "
    "than expected.",
    "At least {F} people were arrested in {C} on {D}, according to the {O}, bringing the total "
    "detained since {T} to more than {F}.",
    "“{Q},” {P} said in a statement {D}.",
    "“{Q},” {P} told reporters in {C}. “{Q}.”",
    "The {O} so far has committed {M} in aid, and officials say more is on the way.",
    "{P}, a {A} former {J}, is expected to testify before the committee on {D}.",
    "Prices in {C} have risen {X} since {T}, which is the steepest increase in the {R} century, "
    "according to the central bank.",
    "The {O} today released a report that says {F} families have been displaced, and it warns that "
    "the number is likely to grow.",
    "Residents of {C} say the power has been out since {D}, but local officials insist repairs will "
    "be finished this week.",
    "{P} has so far refused to comment on the talks, though aides say a decision is coming soon.",
    "The U.S. and its allies have imposed sanctions on {F} companies, and the U.N. is weighing a new "
    "resolution.",
    "Analysts in {C} say the economy is likely to shrink by {X} this year, while unemployment is "
    "expected to climb.",
    "The vote, which is scheduled for {T}, will be the {R} since the crisis began.",
    "A convoy of {F} vehicles is stretched along the road north of {C}, according to satellite "
    "images released Wednesday.",
    "{P} said the {O} is not a party to the conflict, but added that it will defend every inch of "
    "its territory.",
    "Widespread protests have popped up in major cities in the week since the assault began.",
    "The {O} estimates that {F} civilians have fled to {N} so far, and the pace is accelerating.",
    "{P} told a joint session of parliament on {D} night that the government is ready for a long "
    "fight.",
    "Officials in {N} say the {A} suspect is being held in {C} and will appear in court on {T}.",
    "The ministry says it has recorded {F} violations of the ceasefire since {T}.",
    "The {O} has been meeting in emergency session, and a vote is expected as early as {D}.",
    "Energy prices jumped {X} today after {N} announced that it is cutting exports by {F} barrels a "
    "day.",
    "{P} is scheduled to visit {C} on {T}, the {R} such trip since the war began.",
    "Thousands of people gathered in central {C} on {D}, waving flags and chanting slogans against "
    "the war.",
    "The {O} says it has delivered {F} tons of food and medicine to {C}, though aid workers say much "
    "more is needed.",
    "Many of those detained are students, according to the {O}, which tracks arrests across {N}.",
]

TIME_WORDS = [" so far", " today", " this week"] + \
    [f"{on}{d}{night}" for d in DAYS for on in (" on ", " ") for night in (" night", "")]
TENSE = [(" says ", " said "), (" is ", " was "), (" are ", " were "), (" will ", " would "),
         (" has ", " had "), (" remain ", " remained "), (" insist ", " insisted "),
         (" warns ", " warned ")]
SWAPS = [("popped up", "erupted"), ("key", "major"), ("steepest", "sharpest"),
         ("stepped up", "intensified"), ("released", "published"), ("expected", "scheduled"),
         ("people", "residents"), ("far higher", "much higher"), ("again ", ""), ("very ", ""),
         ("warns", "cautions"), ("thousands", "hundreds"), ("assault", "offensive")]
SPLIT_AT = [", and ", ", but ", ", while ", ", though "]
# Sentence openings that stay correct in lower case after a merge or a "Still, " (names do not).
COMMON_OPENINGS = {"The", "A", "It", "Officials", "Residents", "Analysts", "Prices", "Energy",
                   "Thousands", "Many", "Widespread", "Local", "Aides", "Unemployment", "More"}
CREDIT_DASHES = ["— ", "• ", "-- "]


class Article:
    """One story: a cast of people and a list of paragraphs, each a list of sentences."""

    def __init__(self, rng, paragraphs=None):
        self.rng = rng
        self.cast = [self._person() for _ in range(rng.randint(3, 5))]
        self.named = set()
        self.deck = []
        count = paragraphs or rng.randint(8, 30)
        self.paragraphs = [self.paragraph() for _ in range(count - 1)]
        self.paragraphs.append([self.credits()])

    def _person(self):
        rng = self.rng
        woman = rng.random() < 0.4
        first = rng.choice(WOMEN if woman else MEN)
        return (rng.choice(TITLES), first, rng.choice(SURNAMES), "Ms." if woman else "Mr.")

    def person(self):
        title, first, last, honorific = self.rng.choice(self.cast)
        if last in self.named:
            return f"{honorific} {last}"
        self.named.add(last)
        return f"{title} {first} {last}"

    def credits(self):
        rng = self.rng
        names = [f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 3))]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return (f"— {joined} contributed to this report, which is based in part on "
                "wire-service reports.")

    def fill(self, template):
        rng = self.rng
        used = set()

        def fresh(options):
            # "Russia and Russia agreed" reads wrong, so a sentence never repeats a place.
            choice = rng.choice([o for o in options if o not in used])
            used.add(choice)
            return choice

        slots = {
            "P": self.person,
            "C": lambda: fresh(CITIES),
            "N": lambda: fresh(COUNTRIES),
            "O": lambda: fresh(ORGS),
            "D": lambda: rng.choice(DAYS),
            "F": lambda: figure(rng),
            "A": lambda: f"{rng.randint(19, 88)}-year-old",
            "R": lambda: ordinal(rng.randint(2, 31)),
            "T": lambda: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}",
            "X": lambda: f"{rng.randint(2, 40)}.{rng.randint(0, 9)}%",
            "M": lambda: f"${rng.randint(2, 900)} million",
            "J": lambda: rng.choice(JOBS),
            "Q": lambda: rng.choice(QUOTES),
        }
        return re.sub(r"\{(\w)\}", lambda m: slots[m.group(1)](), template)

    def sentence(self):
        # Dealing templates from a shuffled deck keeps a story from repeating itself much.
        if not self.deck:
            self.deck = self.rng.sample(TEMPLATES, len(TEMPLATES))
        return self.fill(self.deck.pop())

    def paragraph(self):
        return [self.sentence() for _ in range(self.rng.randint(1, 4))]

    def text(self):
        return "\n\n".join(" ".join(p) for p in self.paragraphs) + "\n"


def figure(rng):
    # Mostly comma-grouped counts like 2,870 or 6,400, sometimes small ones.
    value = rng.choice([rng.randint(3, 999), rng.randint(1, 90) * 100, rng.randint(1000, 99999)])
    return f"{value:,}"


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Sentence-level edits: each takes (rng, sentence) and returns a list of sentences, or None when
# the edit does not apply, so callers can try another.

def lower_opening(s):
    """The sentence with its first letter in lower case, or None if that would break a name."""
    return s[0].lower() + s[1:] if s.split(" ", 1)[0] in COMMON_OPENINGS else None


def split_sentence(rng, s):
    cuts = [m.start() for sep in SPLIT_AT for m in re.finditer(re.escape(sep), s)]
    cuts = [c for c in cuts if s.count("“", 0, c) == s.count("”", 0, c)]  # never inside a quote
    if not cuts:
        return None
    cut = rng.choice(cuts)
    head = s[:cut] + "."
    tail = re.sub(r"^(and|but|while|though) ", "", s[cut + 2:])
    tail = tail[0].upper() + tail[1:]
    if rng.random() < 0.4 and lower_opening(tail):
        tail = rng.choice(["Still, ", "However, ", "Meanwhile, "]) + lower_opening(tail)
    return [head, tail]


def change_tense(rng, s):
    found = [(a, b) for a, b in TENSE if a in s]
    if not found:
        return None
    a, b = rng.choice(found)
    return [s.replace(a, b, 1)]


def drop_time_words(rng, s):
    found = [w for w in TIME_WORDS if w in s]
    if not found:
        return None
    # Longest first, so "on Wednesday night" goes whole rather than leaving "on night".
    word = max(found, key=len)
    return [s.replace(word, "", 1)]


def change_figure(rng, s):
    # Whole numbers only: "21st" and the parts of "Feb. 24" stay as they are.
    found = list(re.finditer(r"(?<![\w.])\d(?:[\d,]*\d)?\b(?!\.\d)", s))
    if not found:
        return None
    m = rng.choice(found)
    digits = m.group().replace(",", "")
    value = int(digits) + rng.choice([-1, 1]) * max(1, int(digits) // rng.choice([5, 10, 20]))
    text = f"{max(1, value):,}" if "," in m.group() or value >= 1000 else str(max(1, value))
    return [s[:m.start()] + text + s[m.end():]]


def swap_words(rng, s):
    found = [(a, b) for a, b in SWAPS if a in s]
    if not found:
        return None
    a, b = rng.choice(found)
    return [s.replace(a, b, 1)]


SENTENCE_EDITS = [split_sentence, change_tense, change_tense, drop_time_words, drop_time_words,
                  change_figure, swap_words, swap_words]


def edit_one_sentence(rng, sentences, index, edits=SENTENCE_EDITS):
    for edit in rng.sample(edits, len(edits)):
        result = edit(rng, sentences[index])
        if result:
            sentences[index:index + 1] = result
            return True
    return False


def merge_sentences(rng, sentences, index):
    if index + 1 >= len(sentences) or "”" in sentences[index] + sentences[index + 1]:
        return False
    second = lower_opening(sentences[index + 1])
    if not second:
        return False
    joiner = rng.choice([", and ", "; ", ", while "])
    sentences[index:index + 2] = [sentences[index].rstrip(".") + joiner + second]
    return True


def revise_credits(rng, credit):
    """Changes the dash, adds a contributor and drops the hyphen of "wire-service"."""
    names, rest = credit.split(" contributed", 1)
    names = re.split(r", | and ", names.split(" ", 1)[1])
    names.insert(rng.randrange(len(names) + 1), f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}")
    joined = ", ".join(names[:-1]) + " and " + names[-1]
    return f"{rng.choice(CREDIT_DASHES)}{joined} contributed{rest.replace('wire-service', 'wire service')}"


def revise(rng, article):
    """Applies 2–10 article-level edits to a copy of the paragraphs and returns the new text."""
    paragraphs = [list(p) for p in article.paragraphs]
    body = len(paragraphs) - 1  # the credits line stays last
    for _ in range(rng.randint(2, 10)):
        kind = rng.choices(["sentence", "merge", "add", "move", "credits"], [10, 2, 2, 2, 1])[0]
        if kind == "credits":
            paragraphs[-1][0] = revise_credits(rng, paragraphs[-1][0])
        elif kind == "add":
            paragraphs.insert(rng.randint(0, body), article.paragraph())
            body += 1
        elif kind == "move" and body > 2:
            moved = paragraphs.pop(rng.randrange(body))
            paragraphs.insert(rng.randrange(body), moved)
        else:  # a sentence edit or a merge; also a move in a story too short to move
            p = paragraphs[rng.randrange(body)]
            i = rng.randrange(len(p))
            if kind == "merge":
                merge_sentences(rng, p, i)
            else:
                edit_one_sentence(rng, p, i)
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def write_pairs(args):
    rng = random.Random(args.seed)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    with out:
        for n in range(args.count):
            article = Article(rng)
            pair = {"id": f"pair-{args.seed}-{n:05d}", "old": article.text(), "new": revise(rng, article)}
            out.write(json.dumps(pair, ensure_ascii=False) + "\n")


def write_large(args):
    """Two documents of about --large-mb megabytes each, differing in about 1% of sentences."""
    if not (args.old and args.new):
        sys.exit("--large-mb needs --old FILE and --new FILE")
    rng = random.Random(args.seed)
    target = int(args.large_mb * 1_000_000)
    size = 0
    with open(args.old, "w", encoding="utf-8") as old, open(args.new, "w", encoding="utf-8") as new:
        while size < target:
            # Many stories back to back, so that names and figures keep changing along the way.
            article = Article(rng, paragraphs=30)
            for paragraph in article.paragraphs:
                revised = list(paragraph)
                for i in reversed(range(len(paragraph))):
                    if rng.random() < 0.01:
                        edit_one_sentence(rng, revised, i)
                old_text = " ".join(paragraph) + "\n\n"
                old.write(old_text)
                new.write(" ".join(revised) + "\n\n")
                size += len(old_text.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="number of pairs (default 1000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", help="JSONL output (default: standard output)")
    parser.add_argument("--large-mb", type=float, help="write two large documents instead")
    parser.add_argument("--old", help="with --large-mb: the old document")
    parser.add_argument("--new", help="with --large-mb: the new document")
    args = parser.parse_args()
    if args.large_mb:
        write_large(args)
    else:
        write_pairs(args)


if __name__ == "__main__":
    main()
