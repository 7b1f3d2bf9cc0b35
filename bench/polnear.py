#!/usr/bin/env python3
"""Score Lectern's quotations against PolNeAR's human attributions (TRAIN split only).

    python3 bench/polnear.py /path/to/PolNeAR [--cli target/release/lectern] [--show CLASS] [--save OUT.jsonl]

PolNeAR (networkdynamics/PolNeAR) is read from a local checkout given on the command line; no
article or annotation of it belongs in this repository. Only `data/train` is read: dev and test
are the reviewer's held-out check and must stay unseen.

How an article is fed to Lectern: typeset as a web page shows it (PTB-style ``…'' or ''…'' quotes,
in the NYT files, as “…”, "--" as "—", annotation offsets moved to match); its first line is the headline (`<h1>`), every other non-empty
line a paragraph (`<p>`), HTML-escaped, inside `<article>`; all articles go through one CLI call
(`lectern extract --format json`, one JSON object per line).

What counts as an annotated quotation (gold): PolNeAR annotates every attribution (Source, Cue,
Content), direct or not. A *quoted stretch* is the text between a top-level pair of double quote
marks (or single ones, outside any double) in one paragraph, marks excluded; a quotation left
open at a paragraph's end runs on into the next paragraph, which may or may not repeat the
opening mark, up to its closing mark; an opening mark typed where the closing one belongs (after
a word, a stop, a quote mark or a space, and followed by a space or the paragraph's end, while a
quotation is open) closes, and so does a straight mark followed by a space ("… 'a label,' " said). A stretch is gold when at least half of its characters lie inside one attribution's
Content span; its speaker is that attribution's Source text. The headline (the page's title) is
left out: Lectern looks for quotations in the body only. Stretches inside no Content span
(scare quotes, titles) are not gold, nor are names, titles and slogans inside one (two words or
more in title case: "Cruz named “Criminal Minds” and “Breaking Bad” as his favourite shows" is
Cruz's claim, but the titles are not his words; see `name_like`), which Lectern is to tell apart
as titles, not speech.

Match rule: a Lectern quotation of kind direct, partial or block (scare quotes and titles are not
claims of speech) is placed in the article by its block and character offsets (marks excluded);
it matches a gold stretch when their overlap is at least MIN_OVERLAP of each one's length. Each
gold stretch matches at most one quotation. Span precision = matched / predicted, recall =
matched / gold.

Named-speaker accuracy: over matched quotations whose gold Source names someone (has a
capitalised word that is not a pronoun, determiner or title abbreviation), the speaker is right
when the last word of Lectern's speaker is one of the Source's words (case-sensitive, possessive
stripped; so "Rep" for "Rep. Ann Lee" and "Ann L" for "Ann L. Lee" are wrong).

Classes (a quotation may be in several; see `classes`): abbrev, dash, colon, according, short,
nested, other_paragraph, multi_paragraph, slipped, pronoun (gold Source is a pronoun: reported as
how often a speaker is given, since PolNeAR does not resolve pronouns), and by publisher.
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

# A predicted and a gold quotation match when they overlap by at least this share of each one's
# length: enough that one is not a fragment of the other, lenient on trailing punctuation.
MIN_OVERLAP = 0.5
# A gold stretch counts as inside an attribution when this share of it lies in the Content span.
MIN_CONTENT_SHARE = 0.5
# "Short" quotations (class 5): at most this many words, the scare-quote threshold of Lectern.
SHORT_WORDS = 4
# Lines printed by --show at most (POLNEAR_SHOW overrides, for clustering many failures).
SHOW_MAX = int(os.environ.get("POLNEAR_SHOW", "40"))

OPEN_D, CLOSE_D = "“\"", "”\""
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
NOT_NAMING = PRONOUNS | {"the", "a", "an", "this", "that", "these", "those", "some", "many", "one"}
TITLES = re.compile(r"\b(Mr|Ms|Mrs|Dr|Rep|Sen|Gov|Gen|Prof|Lt|Col|Sgt|Rev|Capt|Adm|Jr|Sr)\.|\b[A-Z]\.\s")


def typeset(text):
    """The article as a web page would show it: PTB-style ``...'' quotes (NYT's files) as curly
    quotes and "--" as an em dash. Returns the text and a map from old to new offsets."""
    out, new_of = [], []
    i = 0
    while i < len(text):
        new_of.append(len(out))
        two = text[i : i + 2]
        if two in ("``", "''", "--"):
            new_of.append(len(out))
            opens = two == "``" or (two == "''" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—-"))
            out.append("“" if opens else "—" if two == "--" else "”")
            i += 2
        else:
            out.append(text[i])
            i += 1
    new_of.append(len(out))
    return "".join(out), new_of


def read_ann(path, new_of):
    """Attributions of one .ann file: dicts with content/source/cue as lists of (start, end)."""
    spans, rels = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, offs = parts[1].partition(" ")
            ranges = []
            for piece in offs.split(";"):
                a, b = piece.split()
                ranges.append((new_of[int(a)], new_of[int(b)]))
            spans[parts[0]] = (kind, ranges)
        elif parts[0].startswith("E"):
            rel = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                if tid in spans:
                    rel[role.lower()] = spans[tid][1]
            if "content" in rel:
                rels.append(rel)
    return rels


def paragraphs(text):
    """(start, end) of each non-empty line, in article offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        s = pos + (len(line) - len(line.lstrip()))
        e = pos + len(line.rstrip())
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def quoted_stretches(text, paras):
    """Top-level quoted stretches (start, end, meta) per paragraph, marks excluded."""
    out = []
    open_at = None  # start of the open double quotation (inner text), carried across paragraphs
    group = 0
    for pi, (ps, pe) in enumerate(paras):
        i = ps
        cont = open_at is not None
        if cont:
            first = text[ps]
            if first in OPEN_D:
                i = ps + 1
                meta = {"para": pi, "multi": group, "slipped": False}
            else:
                # No repeated opening mark: the quotation goes on only if a closing mark comes
                # before any opening one.
                nxt_close = min([p for p in (text.find(c, ps, pe) for c in "”") if p >= 0], default=-1)
                nxt_open = text.find("“", ps, pe)
                if nxt_close >= 0 and (nxt_open < 0 or nxt_close < nxt_open):
                    meta = {"para": pi, "multi": group, "slipped": True}
                else:
                    cont = False
            open_at = i if cont else None
            if cont:
                cur_meta = meta
        single_open = None
        while i < pe:
            c = text[i]
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if open_at is None:
                if c in OPEN_D and not (c == '"' and prev.isalnum()):
                    open_at, cur_meta = i + 1, {"para": pi, "multi": None, "slipped": False}
                elif c == "‘" and not prev.isalnum() and single_open is None:
                    single_open = i + 1
                elif c == "’" and single_open is not None and not nxt.isalnum():
                    out.append((single_open, i, {"para": pi, "multi": None, "slipped": False}))
                    single_open = None
            else:
                # A straight mark closes after a word or punctuation, or before a space or the
                # end ("… 'above the president,' " said …"); an opening mark followed by a space
                # is a closing one typed wrong ("… 'Manhattan poor,' “ she said").
                closes = c in CLOSE_D and not (
                    c == '"' and not (prev.isalnum() or prev in ".,!?—-'’" or nxt.isspace() or i + 1 >= pe)
                )
                slipped = c == "“" and (prev.isalnum() or prev in ".,!?'’ ") and (nxt.isspace() or i + 1 >= pe)
                if closes or slipped:
                    if i > open_at:
                        m = dict(cur_meta)
                        m["slipped"] = m["slipped"] or slipped
                        out.append((open_at, i, m))
                    open_at = None
            i += 1
        if open_at is not None:
            if open_at < pe:
                if cur_meta["multi"] is None:
                    group += 1
                    cur_meta = dict(cur_meta, multi=group)
                out.append((open_at, pe, dict(cur_meta)))
            open_at = pe  # runs on; the next paragraph decides
    return out


def collapsed(text, para):
    """A paragraph's text with whitespace runs as one space, and each character's article offset."""
    out, where = [], []
    for j in range(para[0], para[1]):
        c = text[j]
        if c.isspace():
            if out and out[-1] == " ":
                continue
            c = " "
        out.append(c)
        where.append(j)
    return "".join(out), where


# Words a title or name in title case may keep in lower case ("Meet the Press", "Bernie or Bust").
MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "vs",
               "de", "la", "le", "del", "y"}


def name_like(stretch):
    """A name, title or slogan rather than someone's words: two words or more in title case, not
    a question or exclamation, not all capitals ("Game of Thrones", "Little Marco", "Make America
    Great Again")."""
    t = stretch.strip().rstrip(",.;:")
    if not t or t[-1] in "?!":
        return False
    ws = [w.strip("“”‘’'\"()[]") for w in t.split()]
    ws = [w for w in ws if w]
    if len(ws) < 2 or not ws[0][:1].isupper():
        return False
    # All capitals is a headline or a shout, not a name's casing.
    if all(w.isupper() for w in ws if any(c.isalpha() for c in w)):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR_WORDS for w in ws)


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words(s):
    return re.findall(r"[\w’'.-]+", s)


def named(source_text, common=frozenset()):
    """Whether a Source names someone: a capitalised word that is not a pronoun, determiner or
    title, nor a common word capitalised only because it opens the sentence ("Transcript",
    "Another commenter", "Legal observers": words in `common`, see `common_words`)."""
    ws = words(source_text)
    caps = [w for k, w in enumerate(ws)
            if w[:1].isupper() and w.lower() not in NOT_NAMING and not (k == 0 and w.lower() in common)]
    return bool(caps) and not TITLES.fullmatch(source_text.strip())


def common_words(texts):
    """Words the articles write in lower case and never capitalise right after a lower-case word
    of the same sentence ("another" is common, "Will" is a name). Asked of the whole split and of
    the article: a word common in either opens a Source as a common word."""
    lower, inner_caps = set(), set()
    for text in texts:
        prev_end, prev = 0, ""
        for m in re.finditer(r"[\w’'-]+", text):
            w = m.group()
            if w[:1].islower():
                lower.add(w)
            elif w[:1].isupper() and prev[:1].islower() and re.fullmatch(r"[\s,;()—–-]*", text[prev_end : m.start()]):
                inner_caps.add(w.lower())
            prev_end, prev = m.end(), w
    return frozenset(lower - inner_caps)


# Name suffixes: "Joseph R. Biden Jr." is Mr. Biden; the surname is the word before the suffix.
NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
# Last words of organisations' names: "Trump University" is not the "Trump" a source names.
ORG_WORDS = {"University", "Organization", "Foundation", "Campaign", "Party", "Administration", "Committee", "Inc",
             "Corp", "Group", "News", "Times", "Post", "Institute", "Center", "Council", "Department"}


def bare(w):
    return re.sub(r"(’s|'s|’|')$", "", w.strip(",;:()"))


def speaker_right(speaker, source_text):
    """Right when the speaker's surname (its last word, past a suffix such as "Jr.") is one of the
    Source's words, or when the Source names the person by one word (past a title) that is a word
    of the speaker's name: family-name-first names ("Mr. Lou" for Lou Jiwei), double surnames
    ("Ms. Acosta" for Melba Acosta Febo), a first name alone ("Hillary"); not a person's name
    inside an organisation's ("Trump University" for "Trump")."""
    if not speaker:
        return False
    sw = speaker.split()
    while len(sw) > 1 and sw[-1] in NAME_SUFFIXES:
        sw.pop()
    src = {bare(w) for w in source_text.split()}
    if sw[-1] in src:
        return True
    names = {bare(w) for w in source_text.split() if w[:1].isupper()}
    names = {w for w in names if w and w.lower() not in NOT_NAMING and not TITLES.fullmatch(w + ". ")
             and not TITLES.fullmatch(w)}
    return len(names) == 1 and names <= set(sw) and sw[-1] not in ORG_WORDS


def classes(text, paras, stretch, rel, para_of):
    s, e, meta = stretch
    cls = []
    src = rel.get("source") or []
    src_text = " ".join(text[a:b] for a, b in src)
    if src and TITLES.search(src_text + " "):
        cls.append("abbrev")
    if src:
        after = text[e : src[0][0]]
        if 0 < len(after) <= 6 and re.fullmatch(r"[”\"’.,]*\s*(—|–|--)\s*", after):
            cls.append("dash")
    pi = meta["para"]
    ps = paras[pi][0]
    before = text[ps : s - 1].rstrip()
    if before.endswith(":") or (s - 1 == ps and pi > 0 and text[paras[pi - 1][0] : paras[pi - 1][1]].rstrip().endswith(":")):
        cls.append("colon")
    cue = " ".join(text[a:b] for a, b in rel.get("cue") or [])
    if cue.lower().startswith("according"):
        cls.append("according")
    if len(text[s:e].split()) <= SHORT_WORDS:
        cls.append("short")
    if "‘" in text[s:e] or "“" in text[s:e]:
        cls.append("nested")
    if src and para_of(src[0][0]) != pi:
        cls.append("other_paragraph")
    if meta["multi"] is not None:
        cls.append("multi_paragraph")
    if meta["slipped"]:
        cls.append("slipped")
    if src and src_text.strip().lower() in PRONOUNS:
        cls.append("pronoun")
    return cls


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    root = args[0]
    cli = "target/release/lectern"
    show = None
    if "--cli" in args:
        cli = args[args.index("--cli") + 1]
    if "--show" in args:
        show = args[args.index("--show") + 1]
    train = os.path.join(root, "data", "train")
    if not os.path.isdir(os.path.join(train, "text")):
        sys.exit(f"no {train}/text: give the PolNeAR checkout's root")
    anns = sorted(os.listdir(os.path.join(train, "attributions")))
    first_ann = {}
    for a in anns:
        stem = re.sub(r"_[0-9a-f]{4}\.ann$", "", a)
        first_ann.setdefault(stem, a)  # articles annotated several times: the first annotator
    stems = sorted(s for s in first_ann if os.path.exists(os.path.join(train, "text", s + ".txt")))

    tmp = tempfile.mkdtemp(prefix="polnear-")
    articles = []
    for stem in stems:
        text, new_of = typeset(open(os.path.join(train, "text", stem + ".txt"), encoding="utf-8").read())
        paras = paragraphs(text)
        body = []
        for k, (s, e) in enumerate(paras):
            tag = "h1" if k == 0 else "p"
            body.append(f"<{tag}>{html.escape(text[s:e], quote=False)}</{tag}>")
        page = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title></title></head><body><article>"
        page += "\n".join(body) + "</article></body></html>"
        path = os.path.join(tmp, stem + ".html")
        open(path, "w", encoding="utf-8").write(page)
        articles.append((stem, text, paras, path, new_of))
    out = subprocess.run([cli, "extract", "--format", "json", *[a[3] for a in articles]], capture_output=True, text=True)
    if "--save" in args:
        open(args[args.index("--save") + 1], "w", encoding="utf-8").write(out.stdout)
    lines = [l for l in out.stdout.split("\n") if l.strip()]
    if len(lines) != len(articles):
        sys.exit(f"{len(lines)} results for {len(articles)} articles: {out.stderr[:500]}")

    corpus_common = common_words(a[1] for a in articles)
    total = Counter()
    by_class = defaultdict(Counter)
    shown = 0
    for (stem, text, paras, _, new_of), line in zip(articles, lines):
        res = json.loads(line)
        publisher = stem.split("_")[0]
        rels = read_ann(os.path.join(train, "attributions", first_ann[stem]), new_of)
        starts = [p[0] for p in paras]
        common = corpus_common | common_words([text])

        def para_of(off):
            import bisect

            return max(0, bisect.bisect_right(starts, off) - 1)

        gold = []
        for st in quoted_stretches(text, paras):
            if st[2]["para"] == 0:
                continue  # the headline is the page's title, where Lectern looks for no quotation
            best, best_share = None, 0.0
            for rel in rels:
                share = sum(overlap((st[0], st[1]), r) for r in rel["content"]) / max(1, st[1] - st[0])
                if share > best_share:
                    best, best_share = rel, share
            if best is not None and best_share >= MIN_CONTENT_SHARE and not name_like(text[st[0] : st[1]]):
                gold.append((st, best))
        # Blocks to article offsets: each block's text is found among the paragraphs (whitespace
        # collapsed, as Lectern gives it), in order; `maps[k][j]` is the article offset of the
        # j-th character of paragraph k's collapsed text.
        block_map = []
        pi = 0
        for b in res.get("blocks", []):
            found = None
            for k in range(pi, len(paras)):
                if collapsed(text, paras[k])[0] == b["text"]:
                    found = k
                    break
            block_map.append(collapsed(text, paras[found])[1] if found is not None else None)
            if found is not None:
                pi = found + 1
        preds, others = [], []
        for q in res.get("quotes", []):
            m = block_map[q["block"]] if q["block"] < len(block_map) else None
            if m is None or q["end"] > len(m) or q["end"] <= q["start"]:
                total["pred_unplaced"] += q["kind"] in ("direct", "partial", "block")
                continue
            s, e = m[q["start"]], m[q["end"] - 1] + 1
            # Marks excluded, as for gold.
            if text[s : s + 1] in "“\"‘«":
                s += 1
            if e > s and text[e - 1 : e] in "”\"’»":
                e -= 1
            # Scare quotes and titles are no claims of speech; --show missed names the kind
            # Lectern gave a missed stretch.
            (preds if q["kind"] in ("direct", "partial", "block") else others).append((s, e, q))
        total["pred"] += len(preds)
        total["gold"] += len(gold)
        used = set()
        for gi, (st, rel) in enumerate(gold):
            cls = classes(text, paras, st, rel, para_of) + ["publisher:" + publisher]
            src_text = " ".join(text[a:b] for a, b in rel.get("source") or [])
            match = None
            for k, (s, e, q) in enumerate(preds):
                if k in used:
                    continue
                ov = overlap((s, e), st)
                if ov >= MIN_OVERLAP * (e - s) and ov >= MIN_OVERLAP * (st[1] - st[0]):
                    match = k
                    break
            for c in cls + ["all"]:
                by_class[c]["gold"] += 1
            if match is None:
                for c in cls + ["all"]:
                    by_class[c]["missed"] += 1
                if show and show in cls + ["all", "missed"] and shown < SHOW_MAX:
                    shown += 1
                    kind = next((q["kind"] for s, e, q in others if overlap((s, e), st) > 0), "none")
                    print(f"MISSED [{stem}] {text[st[0]:st[1]][:90]!r} src={src_text!r} as={kind}")
                continue
            used.add(match)
            total["matched"] += 1
            q = preds[match][2]
            for c in cls + ["all"]:
                by_class[c]["matched"] += 1
                if "pronoun" in cls and c == "pronoun":
                    by_class[c]["speaker_given"] += bool(q["speaker"])
            if src_text and named(src_text, common):
                right = speaker_right(q["speaker"], src_text)
                for c in cls + ["all"]:
                    by_class[c]["named"] += 1
                    by_class[c]["named_right"] += right
                    by_class[c]["named_empty"] += not q["speaker"]
                if not right and show and show in cls + ["all", "wrong"] and shown < SHOW_MAX:
                    shown += 1
                    print(f"WRONG  [{stem}] {text[st[0]:st[1]][:60]!r} got={q['speaker']!r} role={q['speaker_role']!r} src={src_text!r}")
        for k, (s, e, q) in enumerate(preds):
            if k not in used and show == "fp" and shown < SHOW_MAX:
                shown += 1
                cut = any(overlap((s, e), st) > 0 for st, _ in gold)
                print(f"FP     [{stem}] {text[s:e][:90]!r} kind={q['kind']} speaker={q['speaker']!r}"
                      + (" (overlaps a gold stretch)" if cut else ""))

    p = total["matched"] / max(1, total["pred"])
    r = total["matched"] / max(1, total["gold"])
    f = 2 * p * r / max(1e-9, p + r)
    a = by_class["all"]
    print(f"PolNeAR train: {len(articles)} articles, {total['gold']} gold quotations, {total['pred']} predicted"
          f" ({total['pred_unplaced']} more in blocks not found among the paragraphs)")
    print(f"span P/R/F1 {p:.3f}/{r:.3f}/{f:.3f} ({total['matched']} matched); named-speaker accuracy {a['named_right'] / max(1, a['named']):.3f} "
          f"({a['named_right']}/{a['named']}, {a['named_empty']} without speaker)")
    print(f"{'class':<22}{'gold':>6}{'recall':>8}{'named':>7}{'spk acc':>9}{'no spk':>8}")
    order = ["all", "abbrev", "dash", "colon", "according", "short", "nested", "other_paragraph",
             "multi_paragraph", "slipped", "pronoun"]
    order += sorted(c for c in by_class if c.startswith("publisher:"))
    for c in order:
        d = by_class[c]
        if not d["gold"]:
            continue
        acc = f"{d['named_right'] / d['named']:.3f}" if d["named"] else "-"
        extra = f"  speaker given {d['speaker_given']}/{d['matched']}" if c == "pronoun" else ""
        print(f"{c:<22}{d['gold']:>6}{d['matched'] / d['gold']:>8.3f}{d['named']:>7}{acc:>9}{d['named_empty']:>8}{extra}")


if __name__ == "__main__":
    main()
