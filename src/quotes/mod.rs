//! Stage 6 — find quotations: the article's blocks in, [`Quote`]s out, each with its speaker
//! where the text says who it is.
//!
//! [`marks`] finds the quotation spans of each block; [`speakers`] reads the words around each
//! span for a reporting verb and its subject; a register of the people the article mentions
//! resolves short names ("Khan" → "Imran Khan"), pronouns and roles ("the minister").

pub mod lexicon;
pub mod marks;
pub mod speakers;

use crate::model::{Block, BlockKind, Quote, QuoteKind};
use crate::text::{collapse_whitespace, count_words, is_cjk};
use marks::{Family, Span};
use speakers::{People, Subject, Token};

/// A quotation of at most this many words, with nobody said to have said it, is a scare quote
/// (so-called “innovation hub”) rather than speech.
const MAX_SCARE_WORDS: usize = 4;

/// A quotation of at most this many words may be a title (“Meet the Press”, „Die Zeit“); longer
/// ones are sentences, whatever their capitals.
const MAX_TITLE_WORDS: usize = 8;

/// A title with a subtitle after a colon ("The Fixers: Eddie Mannix, Howard Strickling and the
/// MGM Publicity Machine"), right after a noun for a work, may run to this many words.
const MAX_SUBTITLED_TITLE_WORDS: usize = 16;

/// A run of title case needs this many capitalised words: one capitalised word is as often a
/// reply (“Yes.”) or a sentence's first word as a name.
const MIN_TITLE_CASE_WORDS: usize = 2;

/// A naming verb stands at most this many words before the nickname it gives ("called the
/// empty towers “…”": the verb, its object of up to three words).
const NAMING_VERB_WORDS: usize = 4;

/// A scare marker ("so-called") is looked for in this many characters before the quotation.
const SCARE_MARKER_WINDOW_CHARS: usize = 24;

/// Words just before a name that may give its gender ("Mrs", "his daughter"), looked at.
const GENDER_MARKER_WORDS: usize = 3;

/// Chinese and Japanese words average about two characters, where [`count_words`] counts each
/// character as a word (as reading time should): quotation lengths divide them by this.
const CJK_CHARS_PER_WORD: usize = 2;

/// The words of a quotation as a reader would count them: [`count_words`], with Chinese and
/// Japanese characters taken [`CJK_CHARS_PER_WORD`] to a word.
fn lexical_words(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    count_words(text) - cjk + cjk / CJK_CHARS_PER_WORD
}

/// Words that mark the quotation after them as a scare quote whatever the sentence says.
const SCARE_MARKERS: &[&str] = &[
    "so-called", "so called", "sogenannte", "sogenannten", "so genannte", "so genannten", "soi-disant", "dite", "dit",
    "llamado", "llamada", "supuesto", "supuesta",
];

/// A quotation's last character other than spaces and quote marks.
fn last_before_marks(chars: impl DoubleEndedIterator<Item = char>) -> Option<char> {
    chars.rev().find(|&c| !c.is_whitespace() && !matches!(c, '”' | '"' | '’' | '\'' | '»' | '“'))
}

/// Whether a quotation's text ends its sentence: its last character other than closing marks
/// and spaces is a terminator ("… that much.”").
fn text_ends_sentence(chars: &[char]) -> bool {
    last_before_marks(chars.iter().copied()).is_some_and(is_terminator)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟')
}

fn is_cjk_text(chars: &[char]) -> bool {
    let cjk = chars.iter().filter(|&&c| is_cjk(c)).count();
    cjk * 3 > chars.len()
}

/// Whether the terminator at `i` ends a sentence: followed by a space (or the end, or written in a
/// script without spaces), and not the stop of an abbreviation ("Sen. Ted Cruz", "John F. Kerry").
fn ends_sentence(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if !is_terminator(c) || !(i + 1 >= chars.len() || chars[i + 1].is_whitespace() || !c.is_ascii()) {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word_start = chars[..i].iter().rposition(|c| !c.is_alphabetic()).map_or(0, |p| p + 1);
    let word: String = chars[word_start..i].iter().collect();
    !lexicon::abbreviation_before_stop(&word)
}

/// Start of the sentence holding position `at`, not before `floor`.
fn sentence_start(chars: &[char], at: usize, floor: usize) -> usize {
    let mut i = at.min(chars.len());
    while i > floor {
        if ends_sentence(chars, i - 1) {
            return i;
        }
        i -= 1;
    }
    floor
}

/// End of the sentence starting at `from`, not after `ceiling`.
fn sentence_end(chars: &[char], from: usize, ceiling: usize) -> usize {
    (from..ceiling).find(|&i| ends_sentence(chars, i)).map(|i| i + 1).unwrap_or(ceiling)
}

/// Characters of a block that lie inside quotation spans.
fn quoted_mask(len: usize, spans: &[Span]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for s in spans {
        for m in &mut mask[s.open..s.end.min(len)] {
            *m = true;
        }
    }
    mask
}

/// Pass 1: everyone the article names, with the gender its pronouns give them; and for each
/// block without quotations, the names it mentions in order (the second pass reads that block
/// the same way, so it replays them instead of reading the block again).
fn census(blocks: &[Block], prepared: &[Prepared]) -> (People, Vec<Vec<Mention>>) {
    let mut people = People::default();
    let mut mentions = vec![Vec::new(); blocks.len()];
    for (i, (b, p)) in blocks.iter().zip(prepared).enumerate() {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote | BlockKind::Heading | BlockKind::List) {
            continue;
        }
        if p.spans.is_empty() {
            mentions[i] = register_mentions(&mut people, &p.tokens, true);
            continue;
        }
        let mask = quoted_mask(p.chars.len(), &p.spans);
        // The words outside quotations, with a mark where a quotation holding punctuation was left
        // out: "calling Trump “an orange buffoon,” Susan said" names Trump and Susan, not "Trump
        // Susan"; a nickname inside a name ("Ana “Anchor” Lopes") joins it.
        let mut outside: Vec<Token> = Vec::with_capacity(p.tokens.len());
        let mut skipped = false;
        for t in &p.tokens {
            if mask[t.start] {
                skipped |= !t.word && !marks::has_mark(t.text);
                continue;
            }
            if std::mem::take(&mut skipped) {
                outside.push(Token { text: "|", lower: std::borrow::Cow::Borrowed("|"), start: t.start, word: false });
            }
            outside.push(t.clone());
        }
        register_mentions(&mut people, &outside, true);
    }
    (people, mentions)
}

/// A block read once for both passes: its characters, quotation spans (outside code) and tokens.
struct Prepared<'a> {
    chars: Vec<char>,
    spans: Vec<Span>,
    tokens: Vec<Token<'a>>,
}

fn prepare(block: &Block) -> Prepared<'_> {
    // A block without a quotation mark has no spans, and the characters are read only around
    // spans; a block quotation reads its own, whatever its marks.
    let may_quote = match block.kind {
        BlockKind::Quote => true,
        BlockKind::Paragraph | BlockKind::Heading | BlockKind::List => marks::has_mark(&block.text),
        _ => false,
    };
    if !may_quote {
        return Prepared { chars: Vec::new(), spans: Vec::new(), tokens: Vec::new() };
    }
    let chars: Vec<char> = block.text.chars().collect();
    let code = code_ranges(&block.content);
    let spans = marks::spans(&chars).into_iter().filter(|s| !code.iter().any(|r| r.contains(&s.open))).collect();
    // Tokens are read only when the article has a quotation somewhere (see `find`).
    Prepared { chars, spans, tokens: Vec::new() }
}

/// A name run in a block's text (as [`speakers::run_forward_pub`] reads it) and its role.
#[derive(Clone)]
struct Mention {
    name: String,
    role: Option<String>,
}

/// Register the names in `tokens` (text outside quotations) in reading order; with `evidence`,
/// also credit genders from pronouns and from words like "Mrs" or "daughter" next to a name.
/// Returns the name runs read, in order.
fn register_mentions(people: &mut People, tokens: &[Token], evidence: bool) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut sentence_people: Vec<usize> = Vec::new();
    let mut previous_sentence: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.word && matches!(t.text, "." | "!" | "?") {
            previous_sentence = std::mem::take(&mut sentence_people);
            i += 1;
            continue;
        }
        if evidence {
            let g = if lexicon::MALE_PRONOUNS.contains(&&*t.lower) {
                Some(speakers::Gender::Male)
            } else if lexicon::FEMALE_PRONOUNS.contains(&&*t.lower) && t.lower != "sie" {
                Some(speakers::Gender::Female)
            } else {
                None
            };
            if let Some(g) = g {
                let mut near: Vec<usize> = previous_sentence.iter().chain(sentence_people.iter()).copied().collect();
                near.sort_unstable();
                near.dedup();
                if near.len() == 1 {
                    people.add_evidence(near[0], g);
                }
            }
        }
        if t.word && t.text.chars().next().is_some_and(char::is_uppercase) {
            let mut k = i;
            while k < tokens.len()
                && tokens[k].word
                && (tokens[k].text.chars().next().is_some_and(char::is_uppercase)
                    || lexicon::is_name_particle(&tokens[k].lower))
            {
                k += 1;
            }
            if let Some(Subject::Person { name, role }) = speakers::run_forward_pub(tokens, i) {
                // "the mayor, Étienne Vasseur": a role in apposition before the name is theirs,
                // so that "the mayor" later finds them.
                let apposed = (i >= 2 && tokens[i - 1].text == ",")
                    .then(|| &tokens[i - 2])
                    .filter(|r| r.word && !r.text.starts_with(char::is_uppercase) && lexicon::is_role_word(&r.lower))
                    .map(|r| r.text.to_string());
                let mention = Mention { name, role: role.or(apposed) };
                if let Some(id) = people.admit(&mention.name, mention.role.as_deref()) {
                    if evidence {
                        let before: Vec<&str> =
                            tokens[i.saturating_sub(GENDER_MARKER_WORDS)..i].iter().map(|t| &*t.lower).collect();
                        if before.iter().any(|w| lexicon::FEMALE_MARKERS.contains(w)) {
                            people.add_evidence(id, speakers::Gender::Female);
                        } else if before.iter().any(|w| lexicon::MALE_MARKERS.contains(w)) {
                            people.add_evidence(id, speakers::Gender::Male);
                        }
                    }
                    sentence_people.push(id);
                }
                mentions.push(mention);
                i = k.max(i + 1);
            } else {
                // "Le Dr. Paul Lemarchand": the name may start after a capitalised article.
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    mentions
}

/// A quotation found, before its id is given.
struct Found {
    block: usize,
    span: Span,
    text: String,
    kind: QuoteKind,
    /// Index into the people register.
    speaker: Option<usize>,
    /// The multi-paragraph quotation this piece belongs to.
    group: Option<usize>,
}

/// A list is navigation (or a link directory) when at least this share of its items are mostly
/// link text: quotation marks there are titles of the pages linked to.
const MIN_LINK_ITEM_SHARE: f64 = 0.8;

/// An item is mostly link text from this share of its characters on.
const MIN_LINK_TEXT_SHARE: f64 = 0.6;

/// Characters of `content` inside links, and in all.
fn link_chars(content: &[crate::model::Inline]) -> (usize, usize) {
    use crate::model::Inline;
    let (mut linked, mut all) = (0, 0);
    for i in content {
        match i {
            Inline::Text { text } | Inline::Code { text } => all += text.chars().count(),
            Inline::Math(math) => all += math.text.chars().count(),
            Inline::Link { children, .. } => {
                let n = crate::model::inline_text(children).chars().count();
                linked += n;
                all += n;
            }
            other => {
                let (l, a) = link_chars(other.children().unwrap_or_default());
                linked += l;
                all += a;
            }
        }
    }
    (linked, all)
}

/// Blocks where quotation marks are not speech: the sections under a heading such as
/// "References" or "Weblinks" (titles of works cited) up to the next heading, and lists that
/// are mostly links (navigation, related stories).
fn source_listings(blocks: &[Block]) -> Vec<bool> {
    let mut skip = vec![false; blocks.len()];
    let mut in_references = false;
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            let heading = b.text.trim().trim_end_matches([':', '.']).to_lowercase();
            // A reference section closes an article: a heading before any text is a section
            // label ("Literatur" over a book review), not one.
            let after_text = blocks[..i].iter().any(|b| b.kind != BlockKind::Heading);
            in_references = after_text && lexicon::is_reference_heading(heading.trim());
            continue;
        }
        let linky = b.kind == BlockKind::List && !b.items.is_empty() && {
            let mostly_links = b
                .items
                .iter()
                .filter(|item| {
                    let (linked, all) = link_chars(&item.content);
                    all > 0 && linked as f64 >= MIN_LINK_TEXT_SHARE * all as f64
                })
                .count();
            mostly_links as f64 >= MIN_LINK_ITEM_SHARE * b.items.len() as f64
        };
        skip[i] = in_references || linky;
    }
    skip
}

/// Quotations in `blocks`, in reading order.
pub fn find(blocks: &[Block]) -> Vec<Quote> {
    let skip = source_listings(blocks);
    let mut prepared: Vec<Prepared> = blocks
        .iter()
        .zip(&skip)
        .map(
            |(b, &skip)| {
                if skip {
                    Prepared { chars: Vec::new(), spans: Vec::new(), tokens: Vec::new() }
                } else {
                    prepare(b)
                }
            },
        )
        .collect();
    // Without a quotation mark or a block quotation there is nothing to attribute, and the
    // census of names (most of this stage's work) can be skipped.
    if prepared.iter().all(|p| p.spans.is_empty()) && blocks.iter().all(|b| b.kind != BlockKind::Quote) {
        return Vec::new();
    }
    for ((p, b), &skip) in prepared.iter_mut().zip(blocks).zip(&skip) {
        // Names in a reference list are authors cited, not people the story quotes.
        if !skip && matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote | BlockKind::Heading | BlockKind::List) {
            p.tokens = speakers::tokenize(&b.text, 0, usize::MAX);
        }
    }
    let (mut people, census_mentions) = census(blocks, &prepared);
    people.forget_order();
    // Reading order matters only up to the last quotation: who is mentioned after it resolves
    // nothing (the census has already taken everyone's name, role and gender).
    let last_quoting = (0..blocks.len())
        .rev()
        .find(|&i| !prepared[i].spans.is_empty() || blocks[i].kind == BlockKind::Quote)
        .unwrap_or(0);
    let mut reader = Reader { blocks, people, found: Vec::new(), running: None, groups: 0 };
    for (bi, (block, p)) in blocks.iter().zip(&prepared).enumerate() {
        match block.kind {
            BlockKind::Quote => reader.block_quotation(bi, &p.chars),
            BlockKind::Paragraph | BlockKind::List => {
                let read_to = reader.paragraph(bi, p);
                if bi < last_quoting {
                    if p.spans.is_empty() {
                        for mention in &census_mentions[bi] {
                            reader.people.admit(&mention.name, mention.role.as_deref());
                        }
                    } else {
                        register_mentions_order(&mut reader.people, token_range(&p.tokens, read_to, usize::MAX));
                    }
                }
            }
            _ => reader.running = None,
        }
    }
    reader.drop_unfinished();
    reader.into_quotes()
}

/// The second pass: the blocks in reading order, each quotation attributed as it comes, with the
/// people register following who was mentioned last.
struct Reader<'b> {
    blocks: &'b [Block],
    people: People,
    found: Vec<Found>,
    /// A quotation left open at the end of the previous block: its family and index in `found`.
    running: Option<(Family, usize)>,
    /// Multi-paragraph quotations so far.
    groups: usize,
}

/// A quotation span and what its attribution reads around it.
struct Around<'a, 't> {
    block: usize,
    chars: &'a [char],
    tokens: &'a [Token<'t>],
    span: Span,
    /// Where the block's previous quotation ended (0 for the first).
    prev_end: usize,
    /// Start of the quotation's sentence.
    sentence_start: usize,
    /// Where the next quotation that may be speech starts (the block's end if none): the words
    /// after this one are read up to it.
    next_quote: usize,
    cjk: bool,
}

impl Reader<'_> {
    /// A block quotation: one quotation, whatever marks it holds.
    fn block_quotation(&mut self, bi: usize, chars: &[char]) {
        self.running = None;
        let speaker = blockquote_speaker(self.blocks, bi, chars, &mut self.people);
        let text = strip_outer_marks(&self.blocks[bi].text);
        if !text.is_empty() {
            let span = Span { family: Family::Double, open: 0, end: chars.len(), runs_on: false, open_mark: true };
            self.found.push(Found { block: bi, span, text, kind: QuoteKind::Block, speaker, group: None });
        }
    }

    /// The quotations of a paragraph or list. Returns where the last one ended.
    fn paragraph(&mut self, bi: usize, p: &Prepared) -> usize {
        let chars: &[char] = &p.chars;
        // Continue a quotation that ran on from the previous block? The newspaper way repeats the
        // opening mark; a block that closes the quotation before opening another goes on with it
        // all the same (the paragraph break fell inside the quotation).
        let mut continues = self.running.filter(|(f, _)| marks::starts_with_opener(chars) == Some(*f));
        let carried: Vec<Span> = match self.running {
            Some((f, _)) if continues.is_none() => marks::spans_with(chars, Some(f)),
            _ => Vec::new(),
        };
        let carried_over = carried.first().is_some_and(|s| !s.open_mark && !s.runs_on);
        if carried_over {
            continues = self.running;
        }
        let spans: &[Span] = if carried_over { &carried } else { &p.spans };
        if continues.is_none() {
            // The previous block's unclosed quote was not a multi-paragraph quote after all.
            self.drop_unfinished();
        }
        self.running = None;
        let cjk = is_cjk_text(chars);
        let mut prev_end = 0usize;
        // Where the words before the next quotation start: after the last quotation that is
        // speech. A title or scare quote is part of its sentence ("Okafor, known as “the Iron
        // Mayor”, said: “…”").
        let mut floor = 0usize;
        let mut last_speaker: Option<usize> = None;
        let first_found = self.found.len();
        // For each quotation, where the next one that may be speech starts: a short quotation
        // inside the attribution ("Bill Eastland, wearing “Ted Cruz” pins, said") is a name or
        // label, not the next speaker's words. One pass from the end.
        let mut next_long = vec![chars.len(); spans.len()];
        for k in (0..spans.len().saturating_sub(1)).rev() {
            let s = spans[k + 1];
            let long = lexical_words(&chars[s.open..s.end].iter().collect::<String>()) > MAX_SCARE_WORDS;
            next_long[k] = if long { s.open } else { next_long[k + 1] };
        }
        for (k, &span) in spans.iter().enumerate() {
            // Register who is named between the previous quotation and this one.
            register_mentions_order(&mut self.people, token_range(&p.tokens, prev_end, span.open));
            let inner_end = if span.runs_on { chars.len() } else { span.end - 1 };
            let inner_start = if span.open_mark { span.open + 1 } else { span.open };
            let text = collapse_whitespace(&chars[inner_start..inner_end].iter().collect::<String>());
            if text.is_empty() {
                prev_end = span.end;
                floor = span.end;
                continue;
            }
            let sentence_start = sentence_start(chars, span.open, floor);
            let next_quote = next_long[k];
            let around =
                Around { block: bi, chars, tokens: &p.tokens, span, prev_end: floor, sentence_start, next_quote, cjk };
            let speaker = self.speaker(&around, last_speaker);
            let kind =
                if is_title(&around, &text) { QuoteKind::Title } else { quote_kind(&around, &text, speaker.is_some()) };
            // Whoever the sentence names was mentioned last, speech or not; only speech makes
            // them the paragraph's speaker.
            if let Some(id) = speaker {
                self.people.touch(id);
            }
            let speaker = if kind.is_speech() { speaker } else { None };
            if speaker.is_some() {
                last_speaker = speaker;
            }
            let opens_block = k == 0 && chars[..span.open].iter().all(|c| c.is_whitespace());
            let group = match continues {
                Some((_, previous)) if opens_block => Some(self.group_of(previous)),
                _ => None,
            };
            self.found.push(Found { block: bi, span, text, kind, speaker, group });
            if span.runs_on {
                self.running = Some((span.family, self.found.len() - 1));
            }
            prev_end = span.end;
            if self.found.last().is_some_and(|f| f.kind.is_speech()) {
                floor = span.end;
            }
        }
        self.share_listed_speakers(first_found, &p.tokens);
        prev_end
    }

    /// Quotations listed in one sentence ("Guns are “a crisis” and “a plague,” Dean said"): one
    /// with no speaker of its own, followed by nothing but a comma or a list conjunction and then
    /// the next one, has that one's speaker. `found[from..]` are the block's quotations.
    fn share_listed_speakers(&mut self, from: usize, tokens: &[Token]) {
        for k in (from..self.found.len().saturating_sub(1)).rev() {
            let (this, next) = (&self.found[k], &self.found[k + 1]);
            if this.speaker.is_some() || !this.kind.is_speech() || !next.kind.is_speech() || this.span.runs_on {
                continue;
            }
            let between = token_range(tokens, this.span.end, next.span.open);
            if between.iter().all(|t| t.text == "," || (t.word && lexicon::is_list_conjunction(&t.lower))) {
                self.found[k].speaker = next.speaker;
            }
        }
    }

    /// Who said the quotation: the words around it in its sentence; else whoever spoke last in
    /// the block; else, for a block that opens with it, the previous paragraph's introduction;
    /// else reported speech earlier in the block.
    fn speaker(&mut self, around: &Around, last_in_block: Option<usize>) -> Option<usize> {
        // "“…,” according to a copy of the letter": a document is the source, nobody is the speaker,
        // unless the sentence says who spoke ("Lee said, according to audio of the meeting").
        let Around { chars, tokens, span, sentence_start, .. } = *around;
        let ends_sentence = !span.runs_on && text_ends_sentence(&chars[span.open..span.end]);
        let end = if ends_sentence { span.end } else { sentence_end(chars, span.end, chars.len()) };
        let (before, after) = (token_range(tokens, sentence_start, span.open), token_range(tokens, span.end, end));
        let spoke = before.iter().chain(after).any(|t| is_reporting_verb(t) && t.lower != "according");
        if !around.cjk && !spoke && (speakers::according_to_document(before) || speakers::according_to_document(after))
        {
            return None;
        }
        self.sentence_speaker(around)
            .or(last_in_block)
            .or_else(|| self.introduced_before(around))
            .or_else(|| self.reported_earlier(around))
            .or_else(|| self.quoted_before(around))
    }

    /// A paragraph that is nothing but a quotation, after a paragraph whose last quotation has a
    /// speaker: the same person goes on (news prints a speaker's next words as a paragraph of its
    /// own); after a paragraph without quotations, the subject of its last sentence. A lead-in
    /// that ends on a colon and names nobody ("Then, later that month on CNN: “…”") tells when
    /// or where, not who: the paragraph is still the quotation alone.
    fn quoted_before(&mut self, around: &Around) -> Option<usize> {
        let Around { chars, span, block, .. } = *around;
        let lead_in: String = chars[..span.open].iter().collect();
        let introduced = around.prev_end == 0 && around.sentence_start == 0 && lead_in.trim_end().ends_with(':');
        let alone = (lead_in.trim().is_empty() || introduced) && chars[span.end..].iter().all(|c| !c.is_alphanumeric());
        if !alone || around.cjk {
            return None;
        }
        let prev = (0..block).rev().find(|&i| self.blocks[i].kind != BlockKind::Figure)?;
        if self.blocks[prev].kind != BlockKind::Paragraph {
            return None;
        }
        if let Some(f) = self.found.iter().rev().take_while(|f| f.block >= prev).find(|f| f.block == prev) {
            return f.speaker;
        }
        // A paragraph without quotations, about someone ("Viguerie is upbeat about Cruz's
        // chances."): its last sentence's subject.
        let pc: Vec<char> = self.blocks[prev].text.chars().collect();
        let last_sentence = sentence_start(&pc, pc.len().saturating_sub(1), 0);
        let tokens = speakers::tokenize(&self.blocks[prev].text, last_sentence, usize::MAX);
        self.people.resolve_first(&speakers::sentence_subjects(&tokens))
    }

    /// The speaker the quotation's own sentence names, by the rules of its script.
    fn sentence_speaker(&mut self, around: &Around) -> Option<usize> {
        let Around { chars, tokens, span, sentence_start: start, .. } = *around;
        let end = sentence_end(chars, span.end, chars.len());
        // The words after the quotation stop at the next one.
        let next_quote = around.next_quote;
        let before = token_range(tokens, start, span.open);
        // "Bush called Trump “unhinged.” Sen. Rubio called …": a quotation inside a sentence that
        // ends with the sentence's stop, then a capitalised word, is followed by the next
        // sentence, whose subject said something else; so is a quotation that is a sentence of
        // its own, ending on a full stop, when the next one reports a clause of its own ("“… no
        // place in a campaign.” Gov. Kasich said he would have fired him"); a question or an
        // exclamation is followed by its attribution ("“Why?” Obama asked Republicans").
        let next_sentence = token_range(tokens, span.end, end);
        let last = chars[span.open..span.end - 1].iter().rev().find(|c| !c.is_whitespace()).copied();
        let ends_sentence = !span.runs_on
            && last.is_some_and(is_terminator)
            && (before.iter().any(|t| t.word)
                || (matches!(last, Some('.' | '。')) && speakers::reports_own_clause(next_sentence)))
            && next_sentence.first().is_some_and(|t| t.word && t.text.starts_with(char::is_uppercase));
        let after =
            if ends_sentence { &[][..] } else { token_range(tokens, span.end, end.min(next_quote).max(span.end)) };
        let candidates: Vec<Subject> = if around.cjk {
            speakers::cjk_speaker(&chars[start..span.open], &chars[span.end..])
                .or_else(|| cjk_block_speaker(&chars[..span.open]))
                .into_iter()
                .collect()
        } else if !chars.iter().any(|c| c.is_uppercase() || c.is_lowercase()) {
            speakers::uncased_sentence(before, after).into_iter().collect()
        } else {
            // A colon introduces the quotation: its speaker is before it ("Rubio fired back:
            // “…,” referencing …"), whatever follows.
            let colon = chars[start..span.open].iter().rev().find(|c| !c.is_whitespace()) == Some(&':');
            if colon {
                speakers::before_quote(before).into_iter().chain(speakers::after_quote(after)).collect()
            } else {
                let attribution = speakers::after_quote(after);
                // "“…,” an Intel spokeswoman said": the quotation's own attribution names an
                // unnamed person; a name elsewhere in the sentence is someone else.
                if let Some(s @ (Subject::Role(_) | Subject::Described(_))) = &attribution {
                    if let Some(id) = self.people.resolve_first(std::slice::from_ref(s)) {
                        return Some(id);
                    }
                }
                attribution.into_iter().chain(speakers::before_quote(before)).collect()
            }
        };
        // After an earlier quotation in the same sentence ("X said, “…,” Obama “opted for …”"),
        // the first name of the words between is no sign of a new speaker: that one goes on.
        let mid_sentence = start == around.prev_end
            && start >= 2
            && !chars[..start].iter().rev().skip(1).take(1).any(|&c| is_terminator(c));
        let candidates: Vec<Subject> =
            candidates.into_iter().filter(|s| !(mid_sentence && matches!(s, Subject::Weak(_)))).collect();
        self.people.resolve_first(&candidates)
    }

    /// A block that opens with the quotation, after a paragraph that introduces it ("…, he
    /// described the rescue:" / "Tallis recalled the night.").
    fn introduced_before(&mut self, around: &Around) -> Option<usize> {
        let opens_block = around.chars[..around.span.open].iter().all(|c| c.is_whitespace());
        if around.cjk || !opens_block || around.block == 0 {
            return None;
        }
        let before = &self.blocks[..around.block];
        let prev =
            before.iter().rev().find(|b| b.kind != BlockKind::Figure).filter(|b| b.kind == BlockKind::Paragraph)?;
        let pc: Vec<char> = prev.text.chars().collect();
        let last_sentence = sentence_start(&pc, pc.len().saturating_sub(1), 0);
        let tokens = speakers::tokenize(&prev.text, last_sentence, usize::MAX);
        let introduces = tokens.iter().any(|t| t.text == ":" || (t.word && lexicon::is_speech_verb(&t.lower)));
        if !introduces {
            return None;
        }
        self.people.resolve_first(&speakers::before_quote(&tokens))
    }

    /// Reported speech earlier in the block names the speaker ("Selon Benaïssa, …").
    fn reported_earlier(&mut self, around: &Around) -> Option<usize> {
        if around.cjk {
            return None;
        }
        let prefix = token_range(around.tokens, around.prev_end, around.sentence_start);
        let candidates: Vec<Subject> =
            speakers::according_to(prefix).into_iter().chain(speakers::before_quote(prefix)).collect();
        self.people.resolve_first(&candidates)
    }

    /// The group of the multi-paragraph quotation that `found[index]` starts or belongs to.
    fn group_of(&mut self, index: usize) -> usize {
        let groups = &mut self.groups;
        *self.found[index].group.get_or_insert_with(|| {
            *groups += 1;
            *groups
        })
    }

    /// Forget a quotation left open that no later block continued: it was an opening mark never
    /// closed, not a quotation.
    fn drop_unfinished(&mut self) {
        if let Some((_, index)) = self.running.take() {
            if self.found[index].group.is_none() {
                self.found.remove(index);
            }
        }
    }

    /// The quotations with their ids (the pieces of one multi-paragraph quotation share one) and
    /// speakers' names.
    fn into_quotes(mut self) -> Vec<Quote> {
        // A multi-paragraph quotation has one speaker: whichever piece names it.
        for g in 1..=self.groups {
            let members: Vec<usize> = (0..self.found.len()).filter(|&i| self.found[i].group == Some(g)).collect();
            let speaker = members.iter().rev().find_map(|&i| self.found[i].speaker);
            for &i in &members {
                self.found[i].speaker = speaker;
                if self.found[i].kind == QuoteKind::Scare {
                    self.found[i].kind = QuoteKind::Direct;
                }
            }
        }
        let mut group_ids: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut out = Vec::with_capacity(self.found.len());
        for f in self.found {
            let id = match f.group {
                Some(g) => *group_ids.entry(g).or_insert(out.len()),
                None => out.len(),
            };
            let person = f.speaker.map(|s| &self.people.people[s]);
            out.push(Quote {
                id,
                text: f.text,
                speaker: person.map(|p| p.name.clone()),
                speaker_role: person.and_then(|p| p.role.clone()),
                block: f.block,
                start: f.span.open,
                end: f.span.end,
                kind: f.kind,
            });
        }
        out
    }
}

/// The tokens starting in `from..to` (tokens are in text order).
fn token_range<'t, 'a>(tokens: &'t [Token<'a>], from: usize, to: usize) -> &'t [Token<'a>] {
    let lo = tokens.partition_point(|t| t.start < from);
    let hi = tokens.partition_point(|t| t.start < to);
    &tokens[lo..hi.max(lo)]
}

/// Register mentions while reading (recency only; genders came from the census).
fn register_mentions_order(people: &mut People, tokens: &[Token]) {
    register_mentions(people, tokens, false);
}

/// Direct, partial or scare, from where the quotation stands in its sentence. A short quotation
/// is speech when someone is found to have said it or its sentence reports speech ("calling him
/// “a total stiff”", "“No,” he said", "chanted “USA! USA!”"); otherwise it is a scare quote.
fn quote_kind(around: &Around, text: &str, has_speaker: bool) -> QuoteKind {
    let (chars, open) = (around.chars, around.span.open);
    let before: String =
        chars[open.saturating_sub(SCARE_MARKER_WINDOW_CHARS)..open].iter().collect::<String>().to_lowercase();
    let before_trim = before.trim_end();
    // "Then came the first “Welcome home!” from the pier": a question or exclamation is someone's
    // utterance, not a word held at a distance.
    let utterance = last_before_marks(text.chars()).is_some_and(|c| matches!(c, '?' | '!' | '؟' | '？' | '！'));
    if lexical_words(text) <= MAX_SCARE_WORDS
        && (SCARE_MARKERS.iter().any(|m| ends_with_word(before_trim, m))
            || !(has_speaker || utterance || reports_speech(around)))
    {
        return QuoteKind::Scare;
    }
    let prev = before_trim.chars().last();
    // "qualifié le projet d’« irresponsable »": after an elided article or preposition the
    // quotation is part of the sentence.
    if matches!(prev, Some('’' | '\'')) && before_trim.chars().rev().nth(1).is_some_and(char::is_alphabetic) {
        return QuoteKind::Partial;
    }
    // Japanese and Chinese: after the topic or subject particle or a comma, the quotation is
    // mostly what the speaker says ("高橋館長は「…」と述べた"); a quoted predicate ("説明は「唐突
    // だ」と批判し") is the exception this misses.
    if around.cjk && matches!(prev, Some('は' | 'が' | '，' | '、' | '：')) {
        return QuoteKind::Direct;
    }
    let starts_lower = text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_lowercase());
    match prev {
        None => QuoteKind::Direct,
        Some(c) if c == ':' || is_terminator(c) || c == '—' || c == '–' => QuoteKind::Direct,
        Some(',') | Some('،') | Some('，') if !starts_lower => QuoteKind::Direct,
        Some(c) if c.is_alphanumeric() || c == ',' || c == '،' || c == '，' => QuoteKind::Partial,
        _ => QuoteKind::Direct,
    }
}

/// Whether `text` ends with the word `word`: not a word that ends like it ("credit" does not
/// end with the marker "dit").
fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word).is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Whether the quotation's whole sentence (not only the part after an earlier quotation) reports
/// speech: a reporting verb outside the quotation marks, "according to", or a colon right before
/// the quotation.
fn reports_speech(around: &Around) -> bool {
    let Around { chars, tokens, span, .. } = *around;
    let start = sentence_start(chars, span.open, 0);
    let end = sentence_end(chars, span.end, chars.len());
    if chars[start..span.open].iter().rev().find(|c| !c.is_whitespace()) == Some(&':') {
        return true;
    }
    let (before, after) = (token_range(tokens, start, span.open), token_range(tokens, span.end, end));
    before.iter().chain(after).any(is_reporting_verb)
        || speakers::according_to(before).is_some()
        || speakers::according_to(after).is_some()
        || speakers::according_to_document(before)
        || speakers::according_to_document(after)
}

/// A reporting verb written in lower case (a capitalised one is a name: "Says Law").
fn is_reporting_verb(t: &Token) -> bool {
    t.word && !t.text.starts_with(char::is_uppercase) && lexicon::is_speech_verb(&t.lower)
}

/// Whether a quotation is the name of something, not anybody's words: a title of a work or
/// programme, a publication, a nickname. Japanese marks titles with 『』 of their own; elsewhere
/// the signs are a noun for a work right before it ("the film “…”", "die Zeitung „…“"), a
/// naming phrase ("known as “…”"), or title case ("Meet the Press") where a name stands: after a
/// possessive ("NBC's “…”"), an article or preposition, or in a sentence that reports no speech
/// (“Neocons For Hillary” movement). Questions and exclamations are
/// utterances, and a quotation that a reporting verb follows ("“Thank You, Iowa,” she said") is
/// speech.
fn is_title(around: &Around, text: &str) -> bool {
    let Around { chars, tokens, span, sentence_start, .. } = *around;
    if span.family == Family::WhiteCorner {
        return chars.iter().any(|&c| is_kana(c));
    }
    if around.cjk || lexical_words(text) > MAX_SUBTITLED_TITLE_WORDS {
        return false;
    }
    let before = token_range(tokens, sentence_start, span.open);
    // "his book, “The Fixers: Eddie Mannix, Howard Strickling and the MGM Publicity Machine”": a
    // title with its subtitle after a noun for a work runs longer than other titles.
    let after_title_noun = before.iter().rev().find(|t| t.word).is_some_and(|t| lexicon::is_title_noun(&t.lower))
        && before.last().is_some_and(|t| t.word || t.text == ",");
    if after_title_noun && text.contains(": ") && title_case(text) {
        return true;
    }
    // "NOW OPEN — “Pop-up show confronts gentrification,” by DNAinfo’s Eddie Small": a quotation
    // that opens its sentence (past a label), ends on a comma and is followed at once by "by"
    // and a name is the title of a work with its author, however it is cased. Inside a sentence
    // "by" is as often a passive's agent ("had been “rocked,” by Christie").
    // The comma stands inside the marks in English, after them in French and German.
    let after_mark = token_range(tokens, span.end, chars.len());
    let (comma, after_comma) = match after_mark {
        [c, rest @ ..] if c.text == "," && c.start == span.end => (true, rest),
        rest => (text.trim_end().ends_with(','), rest),
    };
    let opens_sentence = !before.iter().any(is_lower_word);
    if let [by, name, ..] = after_comma {
        let byline = by.start <= span.end + 2
            && by.word
            && lexicon::is_byline_preposition(by.text)
            && name.word
            && name.text.starts_with(char::is_uppercase);
        if byline && opens_sentence && comma {
            return true;
        }
    }
    // "a co-author of “Those Guys Have All the Fun: Inside the World of ESPN”": a title with its
    // subtitle runs longer than other titles wherever it stands.
    let subtitled = text.contains(": ") && title_case(text);
    if lexical_words(text) > MAX_TITLE_WORDS && !subtitled {
        return false;
    }
    let bare = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '،' | '…'));
    if bare.ends_with(['!', '?', '؟']) || bare.is_empty() {
        return false;
    }
    let sentence_end = sentence_end(chars, span.end, chars.len());
    let after = token_range(tokens, span.end, sentence_end);
    // "on CBS’s “Face the Nation,” Sanders said", "NBC’s “Today”": a name in title case right
    // after a possessive or a preposition is the title of a programme or work, whatever follows.
    // One word is a title only after a possessive: after a preposition it is as often a label
    // someone used ("voted to “Remain”", "called it “Stalinist”").
    let possessed = before
        .last()
        .filter(|t| t.word)
        .is_some_and(|t| t.lower.ends_with("’s") || t.lower.ends_with("'s") || t.lower.ends_with('’'));
    let governed = possessed
        || before
            .last()
            .filter(|t| t.word)
            .is_some_and(|t| lexicon::is_minor_title_word(&t.lower) || lexicon::is_preposition(&t.lower));
    if governed && capitalised_name(text) && (title_case(text) || (possessed && lexical_words(text) == 1)) {
        return true;
    }
    let words: Vec<&Token> = before.iter().filter(|t| t.word).collect();
    // A title starts with a capital where the script has them: "called the program “worse than
    // amnesty”" quotes words about it.
    let starts_capital = text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| !c.is_lowercase());
    if let Some(last) = words.last() {
        // "the film “Salt and Iron”"; after a comma ("his new book, “Doomed to Succeed,” and in
        // an interview, Ross said") only a name, since "told the TV show, “Shaming is wrong.”"
        // reports words to it.
        let adjacent = before.last().is_some_and(|t| t.word)
            || (before.last().is_some_and(|t| t.text == ",") && capitalised_name(text));
        if adjacent && starts_capital && lexicon::is_title_noun(&last.lower) {
            return true;
        }
    }
    // In a headline written in title case ("Senator Calls Plan “A Real Risk”"), title case
    // says nothing.
    let outside_words: Vec<&str> = before.iter().chain(after.iter()).filter(|t| t.word).map(|t| t.text).collect();
    let headline = title_case(&outside_words.join(" "));
    // "the “Today” show", "George “Jay” Keyworth": a capitalised name right before a noun for a
    // work, or between the words of a person's name (a nickname), with no punctuation of its own.
    let next = after.first().filter(|t| t.start == span.end + 1 || t.start == span.end);
    let nickname = !headline
        && next.is_some_and(|t| t.word && t.text.starts_with(char::is_uppercase))
        && before.last().is_some_and(|t| t.word && t.text.starts_with(char::is_uppercase));
    let before_title_noun = next.is_some_and(|t| is_lower_word(t) && lexicon::is_title_noun(&t.lower));
    if bare == text.trim_end() && capitalised_name(text) && (nickname || before_title_noun) {
        return true;
    }
    // "Nevins pursued a new “Twin Peaks”", "Sanders enjoys “Modern Family.”": a run of
    // capitalised words right after a lower-case word of the sentence (not a reporting verb:
    // "chanted “Lock Her Up”") stands where a noun does, a name.
    let after_word = before.last().is_some_and(|t| is_lower_word(t) && !is_reporting_verb(t));
    // "“Thank You, Iowa,” she said": a reporting verb right after the quotation's clause, which
    // the quotation opens.
    let clause_after = after.iter().take_while(|t| !matches!(t.text, "." | ";" | "!" | "?" | "“" | "„" | "«"));
    if !(after_word && title_case(text))
        && bare.len() < text.trim_end().len()
        && text.trim_end().ends_with(',')
        && clause_after.clone().any(is_reporting_verb)
    {
        return false;
    }
    let ends_with = |phrase: &[&str]| {
        phrase.len() <= words.len()
            && words[words.len() - phrase.len()..].iter().zip(phrase).all(|(t, w)| t.lower == *w)
    };
    if before.last().is_some_and(|t| t.word) && lexicon::NAMING_PHRASES.iter().any(|p| ends_with(p)) {
        return true;
    }
    // A nickname: a naming verb shortly before ("calling the towers “the Ghost Quarter”"), the
    // quotation's words capitalised past an article.
    let named =
        words.iter().rev().take(NAMING_VERB_WORDS).any(|t| is_lower_word(t) && lexicon::is_naming_verb(&t.lower));
    if named && capitalised_name(text) {
        return true;
    }
    if !title_case(text) || headline {
        return false;
    }
    governed || after_word || !before.iter().chain(after.iter()).any(is_reporting_verb)
}

fn is_lower_word(t: &Token) -> bool {
    t.word && !t.text.starts_with(char::is_uppercase)
}

/// Whether `text` reads as a name: its words capitalised, past a leading article or minor word
/// ("the Ghost Quarter", "Little Marco").
fn capitalised_name(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| w.starts_with(char::is_uppercase))
        && words
            .iter()
            .skip_while(|w| lexicon::is_minor_title_word(&w.to_lowercase()))
            .all(|w| w.starts_with(char::is_uppercase) || lexicon::is_minor_title_word(&w.to_lowercase()))
}

/// Whether `text` is written in title case: at least [`MIN_TITLE_CASE_WORDS`] words, the first
/// capitalised, every other either capitalised, a number or a minor word ("Meet the Press").
fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let caps = words.iter().filter(|w| capitalised(w)).count();
    caps >= MIN_TITLE_CASE_WORDS
        && words.first().is_some_and(|w| capitalised(w))
        && words.iter().all(|w| {
            capitalised(w)
                || w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || lexicon::is_minor_title_word(&w.to_lowercase())
        })
}

/// Hiragana or katakana: Japanese, where 『』 marks titles of works.
fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FF}')
}

/// Speaker of a block quotation: "X wrote:" closing the block before it, or a final "— X" line.
fn blockquote_speaker(blocks: &[Block], bi: usize, chars: &[char], people: &mut People) -> Option<usize> {
    // "— Name" signature on the last line.
    if let Some(line) = chars.split(|&c| c == '\n').next_back() {
        let line: String = line.iter().collect();
        let l = line.trim_start();
        if let Some(sig) = l.strip_prefix('—').or_else(|| l.strip_prefix('–')).or_else(|| l.strip_prefix("- ")) {
            let tokens = speakers::tokenize(sig, 0, usize::MAX);
            if let Some(s) = speakers::run_forward_pub(&tokens, 0) {
                return people.resolve(&s);
            }
        }
    }
    let prev = blocks[..bi].iter().rev().find(|b| b.kind != BlockKind::Figure)?;
    let pc: Vec<char> = prev.text.chars().collect();
    if !prev.text.trim_end().ends_with(':') {
        return None;
    }
    let start = sentence_start(&pc, pc.len().saturating_sub(1), 0);
    let tokens = speakers::tokenize(&prev.text, start, usize::MAX);
    register_mentions_order(people, &tokens);
    people.resolve_first(&speakers::before_quote(&tokens))
}

/// Character ranges of inline code in a block: quotation marks there are program text.
fn code_ranges(content: &[crate::model::Inline]) -> Vec<std::ops::Range<usize>> {
    use crate::model::Inline;
    fn walk(content: &[Inline], offset: &mut usize, out: &mut Vec<std::ops::Range<usize>>) {
        for i in content {
            match i {
                Inline::Text { text } => *offset += text.chars().count(),
                Inline::Code { text } => {
                    let n = text.chars().count();
                    out.push(*offset..*offset + n);
                    *offset += n;
                }
                // A formula's text is TeX or symbols: its quotation marks are no speech either.
                Inline::Math(math) => {
                    let n = math.text.chars().count();
                    out.push(*offset..*offset + n);
                    *offset += n;
                }
                Inline::Break => *offset += 1,
                Inline::Image(_) | Inline::Anchor { .. } => {}
                container => walk(container.children().unwrap_or_default(), offset, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(content, &mut 0, &mut out);
    out
}

/// The text of a block quotation without quotation marks wrapped around all of it.
fn strip_outer_marks(text: &str) -> String {
    let t = text.trim();
    let pairs = [('“', '”'), ('"', '"'), ('«', '»'), ('„', '“'), ('「', '」')];
    for (o, c) in pairs {
        if let Some(inner) = t.strip_prefix(o).and_then(|s| s.strip_suffix(c)) {
            if !inner.contains(o) {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// Chinese and Japanese: a quotation with no attribution of its own, after a sentence in the
/// same block that names its speaker ("赵敏表示，… 。“…”").
fn cjk_block_speaker(prefix: &[char]) -> Option<Subject> {
    let text: String = prefix.iter().collect();
    let (pos, verb) =
        lexicon::CJK_VERBS.iter().filter_map(|v| text.rfind(v).map(|p| (p, *v))).max_by_key(|(p, _)| *p)?;
    let head: Vec<char> = text[..pos].chars().collect();
    let start = head.iter().rposition(|&c| "。，、；：「」“”！？".contains(c)).map(|p| p + 1).unwrap_or(0);
    let mut before = head[start..].to_vec();
    before.extend(verb.chars());
    speakers::cjk_speaker(&before, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, vec![Inline::Text { text: text.to_string() }])
    }

    /// `(text, speaker, kind)` of each quotation found in paragraphs `texts`.
    fn quotes(texts: &[&str]) -> Vec<(String, Option<String>, QuoteKind)> {
        let blocks: Vec<Block> = texts.iter().map(|t| para(t)).collect();
        find(&blocks).into_iter().map(|q| (q.text, q.speaker, q.kind)).collect()
    }

    fn speakers(texts: &[&str]) -> Vec<Option<String>> {
        quotes(texts).into_iter().map(|(_, s, _)| s).collect()
    }

    fn named(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    #[test]
    fn the_verb_after_the_quotation_names_its_speaker_either_way_round() {
        assert_eq!(speakers(&["“We will rebuild the wall,” said Ana Souza."]), [named("Ana Souza")]);
        assert_eq!(speakers(&["“We will rebuild the wall,” Ana Souza said."]), [named("Ana Souza")]);
    }

    #[test]
    fn a_speaker_introduced_before_the_quotation_with_a_colon_or_verb() {
        assert_eq!(speakers(&["Harbour master Tom Reyes said: “The wall will hold.”"]), [named("Tom Reyes")]);
        assert_eq!(
            speakers(&["According to Tom Reyes, “the wall will hold for a decade at least.”"]),
            [named("Tom Reyes")]
        );
    }

    #[test]
    fn a_short_name_resolves_to_the_full_name_with_its_role() {
        let blocks = vec![
            para("Pakistan Prime Minister Imran Khan wrote an article for the paper this week."),
            para("“We will avoid risking further conflict,” Khan said."),
        ];
        let found = find(&blocks);
        assert_eq!(found[0].speaker.as_deref(), Some("Imran Khan"));
        assert_eq!(found[0].speaker_role.as_deref(), Some("Pakistan Prime Minister"));
    }

    #[test]
    fn a_pronoun_resolves_to_the_latest_person_of_its_gender() {
        let got = speakers(&[
            // Helen Achterberg is named last: only gender picks David Osei.
            "Mr David Osei met Mrs Helen Achterberg at the harbour.",
            "“The storm took everything,” he said.",
        ]);
        assert_eq!(got, [named("David Osei")]);
    }

    #[test]
    fn a_paragraph_that_opens_with_a_quotation_takes_the_speaker_its_predecessor_introduces() {
        let got = speakers(&[
            "Ravi Subramanian described the night the river broke its banks:",
            "“The water came in through the floor.”",
        ]);
        assert_eq!(got, [named("Ravi Subramanian")]);
    }

    #[test]
    fn reported_speech_earlier_in_the_paragraph_names_the_speaker() {
        let got =
            speakers(&["Selon Karim Benaïssa, la digue tiendra. « Nous avons tout vérifié depuis des semaines »."]);
        assert_eq!(got, [named("Karim Benaïssa")]);
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one_quotation_with_one_speaker() {
        let blocks = vec![
            para("“The first thing we did was close the road to everyone who did not live on it."),
            para("“Then we waited for the water to go down,” said Tom Reyes."),
        ];
        let found = find(&blocks);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].id, found[1].id, "one quotation in two pieces");
        assert!(found.iter().all(|q| q.speaker.as_deref() == Some("Tom Reyes")));
    }

    #[test]
    fn short_unattributed_and_so_called_quotations_are_scare_quotes_without_a_speaker() {
        let got = quotes(&["The so-called “innovation hub” never opened, and the “plan” was dropped."]);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(_, s, k)| s.is_none() && *k == QuoteKind::Scare), "{got:?}");
    }

    #[test]
    fn an_opening_mark_never_closed_is_no_quotation() {
        assert!(quotes(&["He wrote “and then nothing more", "The next paragraph is plain prose."]).is_empty());
    }

    #[test]
    fn an_unnamed_speaker_is_their_description_and_an_indefinite_one_is_nobody_named_before() {
        let got = speakers(&[
            "Harbour engineer Tom Reyes inspected the wall on Monday.",
            "“The wall will hold,” the engineer said.",
            "“The wall will not hold,” said another engineer.",
            "“We were never told,” a harbour spokeswoman said.",
        ]);
        assert_eq!(got, [named("Tom Reyes"), named("engineer"), named("harbour spokeswoman")]);
    }

    #[test]
    fn a_quoted_headline_with_its_byline_is_a_title_but_a_passive_agent_makes_none() {
        let got = quotes(&[
            "FLOODS — “Why the river keeps rising every spring,” by Dana Whitfield.",
            "The plan was branded “careless and far too hasty,” by auditor Ana Souza.",
        ]);
        let kinds: Vec<QuoteKind> = got.into_iter().map(|(_, _, k)| k).collect();
        assert_eq!(kinds, [QuoteKind::Title, QuoteKind::Partial]);
    }

    #[test]
    fn nobody_is_named_when_the_text_does_not_say() {
        assert_eq!(
            speakers(&["“The wall will not hold through another winter like the last one,” it was reported."]),
            [None]
        );
    }
}
