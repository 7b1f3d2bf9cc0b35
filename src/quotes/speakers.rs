//! Who said it: the words around a quotation in, a person out (or nobody, when unsure).
//!
//! A reporting verb next to a subject attributes a quotation: "X said", "said X", "X told Y",
//! "according to X", "X: “…”". Subjects are names (split into role and name: "Pakistan Prime
//! Minister | Imran Khan"), pronouns, or roles ("the minister"). A [`People`] register resolves
//! short names to the fullest earlier mention and pronouns to the latest person of the matching
//! gender, where the text gives a gender.

use super::lexicon::*;
use crate::text::{is_cjk, is_hiragana};

/// A title or role that gives a gender ("Mrs", "spokeswoman", "Bürgermeisterin") counts as this
/// many pronouns that refer to the person.
const ROLE_GENDER_EVIDENCE: u32 = 3;

/// A name run longer than this many words is a title, a headline or a list, not a name.
const MAX_NAME_RUN_WORDS: usize = 8;

/// In a run of at least this many capitalised words, a first word that ends like an occupation
/// ("Meteorologist Anna Berg") is a role, not a first name.
const MIN_WORDS_FOR_AGENT_NOUN_ROLE: usize = 3;

/// Tokens looked at to the left of a reporting verb for its subject ("Khan has also said").
const SUBJECT_TOKENS_BEFORE_VERB: usize = 4;

/// An appositive between commas ("Margaret Oduya, who farms near Fennick, said") is at most this
/// many tokens long.
const MAX_APPOSITIVE_TOKENS: usize = 20;

/// A prepositional phrase skipped on the way to the real subject ("published by The Washington
/// Post") is at most this many tokens long.
const MAX_PREPOSITIONAL_PHRASE_TOKENS: usize = 14;

/// Lower-case words that may describe a person before the name ("said project leader Winifred
/// Achebe"), at most.
const MAX_DESCRIPTOR_WORDS: usize = 3;

/// Words before the "from"/"for" of "a statement from …", "a spokesperson for …", at most.
const MAX_WORDS_BEFORE_SOURCE: usize = 3;

/// A description in apposition before the name ("said the union's entertainments officer, Ellie
/// Marchetti") is at most this many tokens long.
const MAX_DESCRIPTION_TOKENS: usize = 8;

/// A subject stands at most this many tokens before its reporting verb when the quotation comes
/// first ("…,” ward sister Helen Achterberg told the inquiry).
const MAX_SUBJECT_VERB_TOKENS: usize = 16;

/// A speaker in an uncased script (Persian, Arabic) is named in at most this many words.
const MAX_UNCASED_NAME_WORDS: usize = 4;

/// A gendered pronoun looks back over this many people (latest first) for one of its gender, else
/// for the latest whose gender the text never gives; further back it is too unsure to say.
const PRONOUN_LOOKBACK_PEOPLE: usize = 3;

/// Whether a name read as a speaker can be one: not a place ("South Sudan", "New Hampshire"),
/// not a heading in capitals ("BREAKING NEWS"). Organisations can speak; places cannot.
pub fn may_speak(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let all_caps = |w: &&str| w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.chars().any(char::is_lowercase);
    if words.len() > 1 && words.iter().all(all_caps) {
        return false;
    }
    let lower = |w: &str| w.trim_end_matches('.').to_lowercase();
    // "New York Times", "South Carolina Democratic Party", "Nouvelle Union Portuaire": a place
    // that names an organisation (the organisation word after the first: "Union City" is a place).
    let organisation = words[1..].iter().any(|w| is_organisation_word(&lower(w)));
    !(words.len() > 1 && !organisation && (is_place_prefix(&lower(first)) || is_place_head(&lower(last))))
}

/// Whether a name is an organisation's ("Labour Party", "NATO", "U.N"): "he" or "she" never
/// refers to one.
fn is_organisation(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or_default();
    let acronym = last.chars().filter(|c| c.is_uppercase()).count() > 1 && !last.chars().any(char::is_lowercase);
    acronym || is_organisation_word(&last.to_lowercase())
}

/// Chinese and Japanese personal names, role words stripped, are this many characters long.
const CJK_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Person {
        name: String,
        role: Option<String>,
    },
    Pronoun(Option<Gender>),
    Role(String),
    /// Someone brought in by an indefinite description ("a senior official"): nobody named
    /// before, whatever their role.
    Described(String),
    /// A name found only by position (the first name of the sentence): trusted only if it is a
    /// full name or names someone the article has already named.
    Weak(String),
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    male: u32,
    female: u32,
}

impl Person {
    pub fn gender(&self) -> Option<Gender> {
        match self.male.cmp(&self.female) {
            std::cmp::Ordering::Greater => Some(Gender::Male),
            std::cmp::Ordering::Less => Some(Gender::Female),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// People mentioned so far, most recent last in `recent`, indexed by full name and by each word of
/// their names so that looking a mention up does not scan everyone the article names.
#[derive(Default, Debug)]
pub struct People {
    pub people: Vec<Person>,
    /// When each person was last mentioned (0: not yet in this pass); a clock, not a list, so a
    /// mention costs O(1).
    seen: Vec<u64>,
    clock: u64,
    by_name: std::collections::HashMap<String, usize>,
    by_word: std::collections::HashMap<String, Vec<usize>>,
    /// People known only by a description ([`People::describe`]), kept apart from names: a
    /// later name is never resolved to a description's words.
    by_description: std::collections::HashMap<String, usize>,
}

impl People {
    /// Whether `name` is someone's full name or one word of it.
    pub fn knows(&self, name: &str) -> bool {
        self.by_name.contains_key(name) || self.by_word.contains_key(name)
    }

    /// Find or add the person `name` refers to; a single word (or a CJK surname) resolves to the
    /// most recently mentioned, else fullest, earlier name that contains it.
    pub fn resolve_name(&mut self, name: &str, role: Option<&str>) -> usize {
        let words: Vec<&str> = name.split_whitespace().collect();
        let cjk = name.chars().all(is_cjk);
        let existing = self.by_name.get(name).copied().or_else(|| {
            let candidates: Vec<usize> = if cjk {
                self.people
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.name.starts_with(name) && p.name != name)
                    .map(|(i, _)| i)
                    .collect()
            } else {
                let first = self.by_word.get(*words.first()?)?;
                first
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let pw: Vec<&str> = self.people[i].name.split_whitespace().collect();
                        words.len() < pw.len() && words.iter().all(|w| pw.contains(w))
                    })
                    .collect()
            };
            // A short name is a surname: "Trump" is Donald Trump before the Trump Organization;
            // and never an organisation it does not end ("Trump" is not Trump University).
            let candidates: Vec<usize> = candidates
                .into_iter()
                .filter(|&i| {
                    let pw = &self.people[i].name;
                    !is_organisation(pw) || pw.split_whitespace().last() == words.last().copied()
                })
                .collect();
            let surname: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&i| self.people[i].name.split_whitespace().last() == words.last().copied())
                .collect();
            let candidates = if surname.is_empty() { candidates } else { surname };
            let latest = candidates.iter().copied().filter(|&i| self.seen[i] > 0).max_by_key(|&i| self.seen[i]);
            latest.or_else(|| candidates.iter().copied().max_by_key(|&i| self.people[i].name.len()))
        });
        let id = match existing {
            Some(i) => i,
            None => {
                let id = self.people.len();
                self.people.push(Person { name: name.to_string(), role: None, male: 0, female: 0 });
                self.seen.push(0);
                self.by_name.insert(name.to_string(), id);
                if words.len() > 1 {
                    for w in &words {
                        self.by_word.entry(w.to_string()).or_default().push(id);
                    }
                }
                id
            }
        };
        if let Some(r) = role.filter(|r| !r.is_empty()) {
            self.credit_role_gender(id, r);
            if !is_courtesy_title(&r.to_lowercase()) {
                self.people[id].role = Some(r.to_string());
            }
        }
        self.touch(id);
        id
    }

    /// A role that gives a gender ("spokeswoman", "Mrs") counts for the person who holds it.
    fn credit_role_gender(&mut self, id: usize, role: &str) {
        let lower = role.to_lowercase();
        if FEMALE_MARKERS.iter().any(|m| lower.split_whitespace().any(|w| w == *m)) {
            self.people[id].female += ROLE_GENDER_EVIDENCE;
        }
        if MALE_MARKERS.iter().any(|m| lower.split_whitespace().any(|w| w == *m)) {
            self.people[id].male += ROLE_GENDER_EVIDENCE;
        }
    }

    /// Someone the text describes without naming ("a State Department official", "the Florida
    /// senator" when no senator has been named): the description is all the reader is told, so
    /// it stands for the speaker. Only a description whose last word is a noun for a person
    /// ("official", not "former" or "Mr") describes one; the same description is the same person.
    pub fn describe(&mut self, description: &str) -> Option<usize> {
        let head = description.split_whitespace().last()?.to_lowercase();
        let abbreviation = head.strip_suffix('.').is_some_and(is_title_abbreviation);
        let person = (is_role_word(&head) || is_affiliation_noun(&head)) && !is_role_modifier(&head);
        if !person || is_courtesy_title(&head) || abbreviation {
            return None;
        }
        let id = match self.by_description.get(description) {
            Some(&id) => id,
            None => {
                let id = self.people.len();
                self.people.push(Person { name: description.to_string(), role: None, male: 0, female: 0 });
                self.seen.push(0);
                self.by_description.insert(description.to_string(), id);
                self.credit_role_gender(id, description);
                id
            }
        };
        self.touch(id);
        Some(id)
    }

    /// Keep the people and their genders, forget who was mentioned last (for a second pass).
    pub fn forget_order(&mut self) {
        self.seen.iter_mut().for_each(|s| *s = 0);
    }

    pub fn touch(&mut self, id: usize) {
        self.clock += 1;
        self.seen[id] = self.clock;
    }

    /// People mentioned in this pass, latest first.
    fn by_recency(&self) -> Vec<usize> {
        let mut ids: Vec<usize> = (0..self.people.len()).filter(|&i| self.seen[i] > 0).collect();
        ids.sort_unstable_by(|a, b| self.seen[*b].cmp(&self.seen[*a]));
        ids
    }

    pub fn add_evidence(&mut self, id: usize, g: Gender) {
        match g {
            Gender::Male => self.people[id].male += 1,
            Gender::Female => self.people[id].female += 1,
        }
    }

    /// The person a pronoun of gender `g` refers to: for "he" or "she", the latest person of that
    /// gender among the last few, or the very latest if the text never says theirs, never an
    /// organisation; for "they", the latest of anyone. Nobody when unsure.
    pub fn resolve_pronoun(&self, g: Option<Gender>) -> Option<usize> {
        let recent = self.by_recency();
        let Some(want) = g else { return recent.first().copied() };
        let people: Vec<usize> = recent
            .into_iter()
            .filter(|&id| !is_organisation(&self.people[id].name))
            .take(PRONOUN_LOOKBACK_PEOPLE)
            .collect();
        people
            .iter()
            .copied()
            .find(|&id| self.people[id].gender() == Some(want))
            .or_else(|| people.iter().copied().find(|&id| self.people[id].gender().is_none()))
    }

    /// The latest person whose role mentions `role` ("the minister" → Transport Minister X).
    pub fn resolve_role(&self, role: &str) -> Option<usize> {
        let role = role.to_lowercase();
        let key = role.split_whitespace().last()?;
        // "the Wisconsin Republican": an affiliation is shared by too many to pick one out.
        if is_affiliation_noun(key) {
            return None;
        }
        self.by_recency().into_iter().find(|&id| {
            self.people[id].role.as_ref().is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == key))
        })
    }

    /// A name read in the text as a person, if it names one: a name of two words or more, or
    /// with a role, or one the article has named before. Otherwise `None`: a lone capitalised
    /// word may be a place or a brand.
    pub fn admit(&mut self, name: &str, role: Option<&str>) -> Option<usize> {
        (may_speak(name) && (role.is_some() || name.split_whitespace().nth(1).is_some() || self.knows(name)))
            .then(|| self.resolve_name(name, role))
    }

    /// The first of `candidates` (best first) that names someone, else the first description of
    /// someone unnamed: a description is the speaker only when nothing in the sentence names one
    /// ("Doherty said an inspector had described it as “…”" reports Doherty's words).
    pub fn resolve_first(&mut self, candidates: &[Subject]) -> Option<usize> {
        candidates.iter().find_map(|s| self.resolve(s)).or_else(|| {
            candidates.iter().find_map(|s| match s {
                Subject::Role(d) | Subject::Described(d) => self.describe(d),
                _ => None,
            })
        })
    }

    pub fn resolve(&mut self, s: &Subject) -> Option<usize> {
        match s {
            Subject::Person { name, role } => may_speak(name).then(|| self.resolve_name(name, role.as_deref())),
            Subject::Pronoun(g) => self.resolve_pronoun(*g),
            Subject::Role(r) => self.resolve_role(r),
            // Someone new: only [`People::resolve_first`] falls back on the description.
            Subject::Described(_) => None,
            Subject::Weak(name) => self.admit(name, None),
        }
    }
}

/// A word or punctuation token of a block, with its character offset. Borrows the block's text;
/// the lower-case form is only allocated when it differs.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub text: &'a str,
    pub lower: std::borrow::Cow<'a, str>,
    pub start: usize,
    pub word: bool,
}

impl<'a> Token<'a> {
    fn new(text: &'a str, start: usize, word: bool) -> Self {
        let lower = if text.is_ascii() {
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(text.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(text)
            }
        } else if text.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(text.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        Token { text, lower, start, word }
    }
    fn cap(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    fn cased(&self) -> bool {
        self.text.chars().any(|c| c.is_uppercase() || c.is_lowercase())
    }
}

/// Split the characters `from..to` of `text` (character offsets) into words (letters, digits,
/// inner apostrophes, hyphens, zero-width non-joiners) and single punctuation marks.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let char_at = |b: usize| crate::text::char_at(text, b);
    // About one token per five bytes of prose.
    let mut out = Vec::with_capacity(text.len() / 5);
    // Byte offset `b` of character `i`, walking to `from` first.
    let (mut b, mut i) = (0, 0);
    while i < from && b < bytes.len() {
        b += char_at(b).1;
        i += 1;
    }
    while i < to && b < bytes.len() {
        let (c, len) = char_at(b);
        if c.is_alphanumeric() {
            let (start, first) = (b, i);
            b += len;
            i += 1;
            while i < to && b < bytes.len() {
                let (next, next_len) = char_at(b);
                // An apostrophe, hyphen or dot joins only when a letter or digit follows it
                // inside the range.
                let joins = next.is_alphanumeric()
                    || next == '\u{200C}'
                    || (matches!(next, '\'' | '’' | '-' | '.')
                        && i + 1 < to
                        && b + next_len < bytes.len()
                        && char_at(b + next_len).0.is_alphanumeric());
                if !joins {
                    break;
                }
                b += next_len;
                i += 1;
            }
            // "Sen." and "F." keep their stop: an abbreviation inside a name, not a sentence end.
            if b < bytes.len()
                && i < to
                && bytes[b] == b'.'
                && super::lexicon::abbreviation_before_stop(&text[start..b])
            {
                b += 1;
                i += 1;
            }
            out.push(Token::new(&text[start..b], first, true));
        } else {
            if !c.is_whitespace() {
                out.push(Token::new(&text[b..b + len], i, false));
            }
            b += len;
            i += 1;
        }
    }
    out
}

/// A reporting verb. Capitalised words are names ("United States", "Says Law"), not verbs.
fn is_verb(t: &Token) -> bool {
    t.word && !t.cap() && is_speech_verb(&t.lower)
}

fn is_aux(t: &Token) -> bool {
    t.word && (is_auxiliary(&t.lower) || (t.lower.ends_with("ly") && !t.cap()))
}

fn pronoun(t: &Token) -> Option<Option<Gender>> {
    if !t.word {
        return None;
    }
    // French inversion: "a-t-il", "dit-elle".
    let w: &str = match t.lower.rsplit_once('-') {
        Some((_, tail)) if matches!(tail, "il" | "elle" | "ils" | "elles") => tail,
        _ => &t.lower,
    };
    if matches!(w, "he" | "er" | "il" | "él" | "ele" | "lui" | "он" | "他" | "彼") {
        Some(Some(Gender::Male))
    } else if matches!(w, "she" | "sie" | "elle" | "ella" | "ela" | "lei" | "она" | "她" | "彼女") {
        Some(Some(Gender::Female))
    } else if NEUTRAL_PRONOUNS.contains(&w) {
        Some(None)
    } else {
        None
    }
}

fn is_name_word(t: &Token) -> bool {
    t.cap() && !is_not_name(&t.lower) && !is_verb(t) && !is_capitalised_past_speech_verb(t)
}

/// A reporting verb in the past tense written with a capital, as in a heading in title case
/// ("Maria Hinojosa Explained Why …"): it ends the name before it. Only English "-ed" forms, which
/// no name takes ("Said" is a surname).
fn is_capitalised_past_speech_verb(t: &Token) -> bool {
    t.lower.len() > 4 && t.lower.ends_with("ed") && is_speech_verb(&t.lower)
}

fn is_role(t: &Token) -> bool {
    // A lower-case affiliation ("un socialiste") describes like a role; a capitalised one may
    // open an organisation's name ("Republican National Committee"), which `split_role` sees.
    let affiliation = !t.cap() && is_affiliation_noun(&t.lower);
    t.word && (is_role_word(&t.lower) || affiliation || t.lower.strip_suffix('.').is_some_and(is_title_abbreviation))
}

fn is_possessive(t: &Token) -> bool {
    t.lower.ends_with("’s") || t.lower.ends_with("'s")
}

/// Endings of nouns for occupations ("Joiner", "Meteorologist", "Geschäftsführer", "Werftchef"): the first of
/// three or more capitalised words with one of these is a role, not a first name.
const AGENT_NOUN_ENDINGS: &[&str] =
    &["ist", "er", "or", "ian", "eur", "euse", "rin", "ant", "ent", "man", "woman", "ess", "chef"];

/// Split a run of words into role and name at the last role word.
fn split_role(seq: &[&Token]) -> Option<Subject> {
    // "Athletic’s Tomás Elizondo": the name starts after a possessor.
    let seq = match seq[..seq.len().saturating_sub(1)].iter().rposition(|t| is_possessive(t)) {
        Some(p) => &seq[p + 1..],
        None => seq,
    };
    let mut last_role = seq.iter().rposition(|t| is_role(t));
    // French "M. Yves Kerhervé": "M." opening a name, before a full word, is "Monsieur"; inside
    // a name ("John M. Smith") it is an initial.
    if last_role.is_none() && seq.len() >= 2 && seq[0].text == "M." && seq[1].text.chars().count() > 2 {
        last_role = Some(0);
    }
    let name_len = seq.len() - last_role.map_or(0, |r| r + 1);
    // "Peter T. King", "Viktor F. Yanukovych": a first name before a middle initial, whatever its
    // ending, is no occupation.
    let before_initial = seq.get(last_role.map_or(0, |r| r + 1) + 1).is_some_and(|t| is_initial(t));
    if name_len >= MIN_WORDS_FOR_AGENT_NOUN_ROLE && !before_initial {
        let first = &seq[last_role.map_or(0, |r| r + 1)];
        // German feminine forms add "-in" to the agent noun ("Dezernentin", "Intendantin").
        let stem = first.lower.strip_suffix("in").unwrap_or(&first.lower);
        if AGENT_NOUN_ENDINGS.iter().any(|e| first.lower.ends_with(e) || stem.ends_with(e)) {
            last_role = Some(last_role.map_or(0, |r| r + 1));
        }
    }
    let (role, name) = match last_role {
        Some(r) => (&seq[..=r], &seq[r + 1..]),
        None => (&seq[..0], seq),
    };
    if seq.is_empty() {
        return None;
    }
    // "State Department", "Justice Ministry": role words, then only a noun for an organisation,
    // name the organisation, not a person called "Department".
    if !role.is_empty() && name.len() == 1 && is_organisation_word(&name[0].lower) {
        return Some(Subject::Person { name: join_words(seq, |w| w), role: None });
    }
    if name.is_empty() {
        return (!role.is_empty()).then(|| Subject::Role(join_words(role, |w| w)));
    }
    // "a New Hampshire Republican", "un socialiste": a run that ends on a noun for a party's
    // member describes someone by affiliation; nobody is called "Republican".
    if name.last().is_some_and(|t| is_affiliation_noun(&t.lower)) {
        return Some(Subject::Role(join_words(seq, |w| w)));
    }
    // A lower-case word that is not a particle cannot be part of a name. A role then a particle
    // ("Sprecher der Stadt", "portavoz del Ayuntamiento") is the role of an organisation.
    if !name.first().is_some_and(|t| t.cap()) || !name.last().is_some_and(|t| t.cap()) {
        let genitive = !role.is_empty() && name.first().is_some_and(|t| is_name_particle(&t.lower));
        return genitive.then(|| Subject::Role(join_words(role, |w| w)));
    }
    // "New York City Public Advocate Trish James", "United Auto Workers Secretary-Treasurer Gary
    // Casteel": a long run that reads as a place (by its first word) is a place or organisation,
    // then an office, then the person: the last two words.
    let (role, name) = if name.len() >= MIN_WORDS_FOR_EMBEDDED_PERSON && !may_speak(&join_words(name, |w| w)) {
        let cut = role.len() + name.len() - PERSON_NAME_WORDS;
        (&seq[..cut], &seq[cut..])
    } else {
        (role, name)
    };
    let name_text = join_words(name, |w| w.trim_end_matches(['’', '\'']).trim_end_matches("’s").trim_end_matches("'s"));
    Some(Subject::Person { name: name_text, role: (!role.is_empty()).then(|| join_words(role, |w| w)) })
}

/// An initial: one capital letter and a stop ("T.").
fn is_initial(t: &Token) -> bool {
    let mut chars = t.text.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A run of capitalised words this long that reads as a place holds a person's name at its end
/// (places and organisations named after one run to four words: "New York Stock Exchange").
const MIN_WORDS_FOR_EMBEDDED_PERSON: usize = 5;

/// A person's name at the end of such a run: first name and surname.
const PERSON_NAME_WORDS: usize = 2;

/// The tokens' texts, each passed through `word`, separated by single spaces.
fn join_words(tokens: &[&Token], word: fn(&str) -> &str) -> String {
    let mut text = String::new();
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word(t.text));
    }
    text
}

/// Whether `link` joins two capitalised role words into one office ("Secretary of State",
/// "Minister for Health"); "the President of Acme" is a role and an organisation, not linked.
fn role_link(before: &Token, link: &Token, after: &Token) -> bool {
    link.word && ROLE_LINKS.contains(&&*link.lower) && before.cap() && is_role(before) && after.cap() && is_role(after)
}

/// Candidates for the subject of a sentence (its tokens), best first — of a participle clause
/// (", saying …", ", writing …") too: the sentence's own subject, past an opening phrase up to its
/// comma ("On Sunday, the senator …"). A name that owns what
/// follows it ("Ann Lee’s spokesman") is not the subject. After an opening phrase that starts
/// with a capitalised word ("Speaking at a town hall in Salem, New Hampshire, Trump …", "Hours
/// later, Trump …"), the words after each of its commas are candidates too, in order: the caller
/// takes the first that names someone who can speak.
pub fn sentence_subjects(tokens: &[Token]) -> Vec<Subject> {
    let mut i = 0;
    let skipped =
        tokens.first().is_some_and(|t| t.word && (is_preposition(&t.lower) || is_not_name(&t.lower)) && !is_article(t));
    if skipped {
        let Some(comma) = tokens.iter().position(|t| t.text == ",") else { return Vec::new() };
        i = comma + 1;
    }
    let mut out: Vec<Subject> = subject_at(tokens, i).into_iter().collect();
    if skipped || opening_phrase(tokens) {
        let commas = (i..tokens.len()).filter(|&k| tokens[k].text == ",").take(MAX_OPENING_PHRASE_COMMAS);
        out.extend(commas.filter_map(|k| subject_at(tokens, k + 1)));
    }
    out
}

/// An opening phrase can hold this many commas ("Speaking in Salem, New Hampshire, on Monday,").
const MAX_OPENING_PHRASE_COMMAS: usize = 3;

/// Whether the sentence opens with a phrase rather than its subject: one capitalised word, then a
/// preposition, conjunction, auxiliary or word of time ("Speaking at", "Asked whether", "Hours
/// later", "Reached by phone").
fn opening_phrase(tokens: &[Token]) -> bool {
    let [first, next, ..] = tokens else { return false };
    first.cap()
        && next.word
        && !next.cap()
        && (is_preposition(&next.lower)
            || is_complementiser(&next.lower)
            || is_subordinator(&next.lower)
            || is_aux(next)
            || is_time_word(&next.lower))
}

/// The subject that starts at token `i`: a pronoun, a name (one word alone only as a
/// [`Subject::Weak`] name), a role.
fn subject_at(tokens: &[Token], i: usize) -> Option<Subject> {
    let t = tokens.get(i)?;
    if let Some(g) = pronoun(t) {
        return Some(Subject::Pronoun(g));
    }
    let mut k = i;
    while k < tokens.len() && (is_article(&tokens[k]) || is_name_word(&tokens[k]) || is_role(&tokens[k])) {
        k += 1;
    }
    if k > i && is_possessive(&tokens[k - 1]) {
        return None;
    }
    // A lone capitalised word opening the sentence ("Band member Flea …") counts only if the
    // article names someone so.
    match subject_after(tokens, i)? {
        Subject::Person { name, role: None } if !name.contains(' ') => Some(Subject::Weak(name)),
        s => Some(s),
    }
}

/// A reporting verb in a participle clause ("…, saying", "…, writing"): its subject is the
/// sentence's.
fn is_participle(t: &Token) -> bool {
    t.lower.ends_with("ing")
}

/// Step left past asides between a subject and its verb: a parenthesis ("Kasich (R-OH) said")
/// and a time phrase ("Beck on Wednesday called", "Ms. Lee last week wrote").
fn skip_asides(tokens: &[Token], mut j: isize) -> isize {
    loop {
        if j < 0 {
            return j;
        }
        let t = &tokens[j as usize];
        if t.text == ")" {
            match (0..j as usize).rev().take(MAX_APPOSITIVE_TOKENS).find(|&k| tokens[k].text == "(") {
                Some(open) => j = open as isize - 1,
                None => return j,
            }
        } else if j > 0 && t.word && is_time_word(&t.lower) && is_time_lead(&tokens[j as usize - 1].lower) {
            j -= 2;
        } else {
            return j;
        }
    }
}

/// Name-like run ending at `end` (inclusive), going backwards: capitalised words, particles
/// between them, and role words before them. Returns the subject and the run's first index.
fn run_backward(tokens: &[Token], end: usize) -> Option<(Subject, usize)> {
    let mut i = end as isize;
    let mut seq: Vec<&Token> = Vec::new();
    while i >= 0 {
        let t = &tokens[i as usize];
        let particle = t.word
            && !t.cap()
            && is_name_particle(&t.lower)
            && !seq.is_empty()
            && i > 0
            && tokens[i as usize - 1].cap();
        let link = i > 0 && seq.last().is_some_and(|n| role_link(&tokens[i as usize - 1], t, n));
        if is_name_word(t) || is_role(t) || particle || link {
            seq.push(t);
            i -= 1;
        } else {
            break;
        }
        if seq.len() > MAX_NAME_RUN_WORDS {
            break;
        }
    }
    if seq.is_empty() {
        return None;
    }
    seq.reverse();
    let start = (i + 1) as usize;
    split_role(&seq).map(|s| (s, start))
}

/// A name (with its role) starting at token `start`, for callers outside this module.
pub fn run_forward_pub(tokens: &[Token], start: usize) -> Option<Subject> {
    run_forward(tokens, start)
}

/// Name-like run starting at `start`, going forward.
fn run_forward(tokens: &[Token], start: usize) -> Option<Subject> {
    let mut seq: Vec<&Token> = Vec::new();
    let mut i = start;
    while i < tokens.len() && seq.len() <= MAX_NAME_RUN_WORDS {
        let t = &tokens[i];
        let particle = t.word
            && !t.cap()
            && is_name_particle(&t.lower)
            && !seq.is_empty()
            && tokens.get(i + 1).is_some_and(|n| n.cap());
        let link = seq.last().is_some_and(|p| tokens.get(i + 1).is_some_and(|n| role_link(p, t, n)));
        if is_name_word(t) || is_role(t) || particle || link {
            seq.push(t);
            i += 1;
        } else {
            break;
        }
    }
    // "the mayor, Jean Dupont", "die Sprecherin der Initiative, Monika Lachmann" — a role, then
    // the name in apposition.
    let subject = split_role(&seq);
    // "CBS moderator Nancy Cordes", "Republican pollster Daron Shaw": an organisation or adjective,
    // a lower-case description, then a full name; the capitalised words before are part of the
    // role, not the name.
    if seq.last().is_some_and(|t| !is_possessive(t)) {
        // The description ends with a noun for a person ("moderator", "candidate"): a verb
        // between two names ("Osei met Achterberg") does not.
        let described = (1..=MAX_DESCRIPTOR_WORDS)
            .take_while(|&skip| tokens.get(i + skip - 1).is_some_and(is_descriptor))
            .filter(|&skip| is_person_noun(&tokens[i + skip - 1]))
            .find_map(|skip| {
                // The name follows, or stands in apposition after a comma ("Rubio’s deputy
                // campaign manager, Rich Beeson").
                let at = i + skip + usize::from(tokens.get(i + skip).is_some_and(|t| t.text == ","));
                match run_forward(tokens, at) {
                    Some(Subject::Person { name, role }) if name.contains(' ') => Some((skip, name, role)),
                    _ => None,
                }
            });
        if let Some((skip, name, role)) = described {
            let mut words: Vec<&Token> = seq.clone();
            words.extend(&tokens[i..i + skip]);
            let mut full_role = join_words(&words, |w| w);
            if let Some(r) = role {
                full_role = format!("{full_role} {r}");
            }
            return Some(Subject::Person { name, role: Some(full_role) });
        }
    }
    let names_person = matches!(subject, Some(Subject::Person { .. }));
    if !seq.is_empty()
        && seq.iter().any(|t| is_role(t))
        && !names_person
        && tokens.get(i).is_some_and(|t| t.text == ",")
    {
        if let Some(Subject::Person { name, .. }) = run_forward(tokens, i + 1) {
            return Some(Subject::Person { name, role: Some(join_words(&seq, |w| w)) });
        }
    }
    subject
}

fn is_article(t: &Token) -> bool {
    t.word
        && matches!(
            &*t.lower,
            "the"
                | "a"
                | "an"
                | "der"
                | "die"
                | "das"
                | "le"
                | "la"
                | "l"
                | "el"
                | "los"
                | "las"
                | "its"
                | "their"
                | "his"
                | "her"
        )
}

/// A noun for a person: a role word, or one ending like an occupation ("moderator", "pollster",
/// "columnist").
fn is_person_noun(t: &Token) -> bool {
    is_role(t) || AGENT_NOUN_ENDINGS.iter().any(|e| t.lower.ends_with(e))
}

/// A lower-case word that can describe a person before their name ("pollster", "presidential
/// candidate"): not a verb, auxiliary, function word, pronoun or word of time.
fn is_descriptor(t: &Token) -> bool {
    t.word
        && !t.cap()
        && !is_verb(t)
        && !is_aux(t)
        && !is_article(t)
        && pronoun(t).is_none()
        && !is_not_name(&t.lower)
        && !is_preposition(&t.lower)
        && !is_complementiser(&t.lower)
        && !is_subordinator(&t.lower)
        && !is_clause_conjunction(&t.lower)
        && !is_time_word(&t.lower)
        && t.text.chars().any(char::is_alphabetic)
        // A past tense or third person ("Schlafly endorsed Trump", "Frank quotes Kahn") is a verb
        // between two names, not a description.
        && !t.lower.ends_with("ed")
        && (!t.lower.ends_with('s') || t.lower.ends_with("ss"))
}

/// Whether the name that `subject_after(tokens, from)` reads is followed by the rest of a clause
/// ("says Cruz will “…”", "said Trump had “…”"): then the name is that clause's subject, not the
/// speaker. A name followed by punctuation, a preposition or nothing ("sagte Landrat Tessmer von
/// einem „…“", "said Smith: “…”") is the verb's own subject.
fn starts_reported_clause(tokens: &[Token], from: usize) -> bool {
    let Some(first) = (from..tokens.len()).find(|&k| tokens[k].cap()) else { return false };
    let end = (first..tokens.len())
        .find(|&k| !(is_name_word(&tokens[k]) || is_role(&tokens[k]) || is_name_particle(&tokens[k].lower)))
        .unwrap_or(tokens.len());
    tokens.get(end).is_some_and(|t| t.word && !t.cap() && !is_preposition(&t.lower))
}

/// Whether the first reporting verb in `tokens` reports a clause of its own ("Kasich said he
/// would have fired him", "Lee said that …", "Lee said Trump had …"): then the sentence is about
/// other words than a quotation before it.
pub fn reports_own_clause(tokens: &[Token]) -> bool {
    let Some(v) = tokens.iter().position(is_verb) else { return false };
    // French elides "que" before a vowel: "a dit qu’il …".
    let elided_que = |t: &Token| t.lower.starts_with("qu’") || t.lower.starts_with("qu'");
    tokens.get(v + 1).is_some_and(|t| t.word && (pronoun(t).is_some() || is_complementiser(&t.lower) || elided_que(t)))
        || (tokens.get(v + 1).is_some_and(|t| t.cap()) && starts_reported_clause(tokens, v + 1))
}

/// "Beck, who has in the past described Trump as “…”": the verb of a relative clause after a
/// comma has the name before the comma as its subject. Not when the relative pronoun is the
/// verb's object ("Bannon, who Beck called “…”": a name or pronoun stands between them), when a
/// subordinate clause comes between ("Ryan, who used the words when asked"), or when the name is
/// itself the object of a preposition ("an analyst at Jefferies, who notes").
fn relative_clause_subject(tokens: &[Token], verb: usize) -> Option<Subject> {
    let lo = verb.saturating_sub(MAX_APPOSITIVE_TOKENS);
    let rel =
        (lo..verb).rev().take_while(|&k| tokens[k].text != ",").find(|&k| is_relative_pronoun(&tokens[k].lower))?;
    // "a White House official who spoke anonymously said": without a comma, a description
    // before the relative pronoun is the subject.
    let restrictive = rel >= 1 && is_role(&tokens[rel - 1]);
    if rel < 2 || !(tokens[rel - 1].text == "," || restrictive) {
        return None;
    }
    let between = &tokens[rel + 1..verb];
    if between.iter().any(|t| is_name_word(t) || pronoun(t).is_some() || is_subordinator(&t.lower)) {
        return None;
    }
    if tokens[rel - 1].text != "," {
        return match run_backward(tokens, rel - 1)? {
            (Subject::Role(role), start) => Some(described_backward(tokens, role, start)),
            _ => None,
        };
    }
    let (s, start) = run_backward(tokens, rel - 2)?;
    let governed = start > 0 && is_preposition(&tokens[start - 1].lower);
    matches!(s, Subject::Person { .. }).then_some(s).filter(|_| !governed)
}

/// The subject of the verb at `verb`, looking left.
fn subject_before(tokens: &[Token], verb: usize) -> Option<Subject> {
    if let Some(s) = relative_clause_subject(tokens, verb) {
        return Some(s);
    }
    let mut j = verb as isize - 1;
    while j >= 0 && is_aux(&tokens[j as usize]) {
        j -= 1;
    }
    for _ in 0..SUBJECT_TOKENS_BEFORE_VERB {
        j = skip_asides(tokens, j);
        if j < 0 {
            return None;
        }
        let t = &tokens[j as usize];
        if let Some(g) = pronoun(t) {
            return Some(Subject::Pronoun(g));
        }
        if t.text == "," {
            // An appositive: "Margaret Oduya, who farms near Fennick, said" or "The ombudsman,
            // Beatrix Lindqvist, has accused". A name between the commas is the subject.
            let open = (0..j as usize).rev().take(MAX_APPOSITIVE_TOKENS).find(|&k| tokens[k].text == ",");
            if let Some(open) = open {
                let last = skip_asides(tokens, j - 1);
                if let Some((s @ Subject::Person { .. }, start)) =
                    (last >= 0).then(|| run_backward(tokens, last as usize)).flatten()
                {
                    // "Ann Lee, a salesman from Sumter, South Carolina, says": a place between the
                    // commas ends a description; the subject is further left.
                    if start == open + 1 && person_may_speak(&s) {
                        return Some(s);
                    }
                }
                j = open as isize - 1;
                continue;
            }
            return None;
        }
        if is_name_word(t) || is_role(t) {
            let (s, start) = run_backward(tokens, j as usize)?;
            let s = match s {
                Subject::Role(role) => described_backward(tokens, role, start),
                s => s,
            };
            // "published by The Washington Post said" — a name after a preposition is an object.
            let mut k = start as isize - 1;
            while k >= 0 && is_article(&tokens[k as usize]) {
                k -= 1;
            }
            if k >= 0 && is_preposition(&tokens[k as usize].lower) {
                // "with Sen. John McCain calling it …": the subject of a participle after "with".
                if is_participle(&tokens[verb]) && is_absolute_with(&tokens[k as usize].lower) {
                    return Some(s);
                }
                return subject_before_from(tokens, k as usize);
            }
            // "Stacy Baker of Columbia, South Carolina says": a place after a comma right before
            // the verb ends the subject's "of …" phrase; the subject is before it.
            if !person_may_speak(&s) && start > 0 && tokens[start - 1].text == "," {
                return subject_before_from(tokens, start - 1);
            }
            return Some(s);
        }
        if t.word && !t.cap() && is_article(&tokens[(j as usize).saturating_sub(1)]) && is_role_word(&t.lower) {
            return Some(Subject::Role(t.text.to_string()));
        }
        return subject_before_phrase(tokens, j as usize);
    }
    None
}

/// "Trump in his announcement speech called …": a subject, then a phrase its preposition opens,
/// then the verb. Looking left from `j` (the phrase's last word) within a few words, no comma,
/// stop or reporting verb between, for a preposition right after a name that opens its clause.
fn subject_before_phrase(tokens: &[Token], j: usize) -> Option<Subject> {
    let lo = j.saturating_sub(MAX_PREPOSITIONAL_PHRASE_TOKENS);
    let mut k = j;
    while k > lo {
        let t = &tokens[k];
        if !t.word || is_verb(t) || t.cap() {
            return None;
        }
        if is_preposition(&t.lower) && tokens[k - 1].cap() {
            let (s, start) = run_backward(tokens, k - 1)?;
            // The name opens its clause (past an article): after a verb or preposition
            // ("scolded Romney for suggesting …", "told CNN in an interview") it is an object.
            let before = tokens[..start].iter().rev().find(|t| !is_article(t));
            let opens_clause = before.is_none_or(|w| {
                !w.word || is_subordinator(&w.lower) || is_clause_conjunction(&w.lower) || is_complementiser(&w.lower)
            });
            return (matches!(s, Subject::Person { .. }) && opens_clause).then_some(s);
        }
        k -= 1;
    }
    None
}

/// Whether a subject read as a name may be a speaker: anything but a name that [`may_speak`]
/// rules out (a place).
fn person_may_speak(s: &Subject) -> bool {
    !matches!(s, Subject::Person { name, .. } if !may_speak(name))
}

/// Keep looking left past a prepositional phrase for the real subject, within a few words.
fn subject_before_from(tokens: &[Token], from: usize) -> Option<Subject> {
    let lo = from.saturating_sub(MAX_PREPOSITIONAL_PHRASE_TOKENS);
    let mut k = from as isize - 1;
    while k >= lo as isize {
        let t = &tokens[k as usize];
        if t.text == "," || t.text == "." {
            return None;
        }
        if is_name_word(t) {
            let (s, start) = run_backward(tokens, k as usize)?;
            let mut p = start as isize - 1;
            while p >= 0 && is_article(&tokens[p as usize]) {
                p -= 1;
            }
            if p >= 0 && is_preposition(&tokens[p as usize].lower) {
                k = p - 1;
                continue;
            }
            return Some(s);
        }
        k -= 1;
    }
    None
}

/// Whether token `k` is an indefinite article ("a", "une", "another").
fn indefinite_at(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| t.word && is_indefinite_article(&t.lower))
}

/// Whether token `k` is an article, definite or indefinite ("the", "a", "another").
fn determiner_at(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(is_article) || indefinite_at(tokens, k)
}

/// A role read after an indefinite article is someone new ([`Subject::Described`]).
fn described_if(indefinite: bool, s: Subject) -> Subject {
    match s {
        Subject::Role(r) if indefinite => Subject::Described(r),
        s => s,
    }
}

/// The subject right after position `i` ("said Khan", "sagte Bürgermeisterin Vogelsang",
/// "said the union’s entertainments officer, Ellie Marchetti", "said a senior official").
fn subject_after(tokens: &[Token], i: usize) -> Option<Subject> {
    subject_after_article(tokens, i).map(|s| described_if(indefinite_at(tokens, i), s))
}

/// The subject right after a reporting verb at `i - 1` ("said a local shopkeeper"). A
/// description followed by the rest of a clause ("said the candidate could win") is the
/// subject of the clause the verb reports, not the verb's own.
fn subject_after_verb(tokens: &[Token], i: usize) -> Option<Subject> {
    match subject_after(tokens, i)? {
        Subject::Role(_) | Subject::Described(_) if !description_ends_clause(tokens, i) => None,
        s => Some(s),
    }
}

/// A lower-case word that may stand in a description of someone between its article and its
/// head ("a local shopkeeper", "the campaign spokesman"): not a word that starts a phrase or a
/// clause, nor a verb.
fn describes(t: &Token) -> bool {
    t.word
        && !t.cap()
        && !is_verb(t)
        && !is_aux(t)
        && !is_article(t)
        && !is_indefinite_article(&t.lower)
        && pronoun(t).is_none()
        && !is_preposition(&t.lower)
        && !is_complementiser(&t.lower)
        && !is_relative_pronoun(&t.lower)
        && !is_clause_conjunction(&t.lower)
}

/// A role read backwards from its verb ("spokeswoman said"), with the words that describe it
/// back to its article ("a council spokeswoman"): the whole description, someone new after an
/// indefinite article. Without an article the words before are not known to describe it.
fn described_backward(tokens: &[Token], role: String, start: usize) -> Subject {
    let lo = start.saturating_sub(MAX_DESCRIPTOR_WORDS + 1);
    let article = (lo..start).rev().find(|&k| !describes(&tokens[k]));
    match article {
        Some(a) if determiner_at(tokens, a) => {
            let mut words: Vec<&str> = tokens[a + 1..start].iter().map(|t| t.text).collect();
            words.push(&role);
            described_if(indefinite_at(tokens, a), Subject::Role(words.join(" ")))
        }
        _ => Subject::Role(role),
    }
}

/// Whether the description starting at `from` (past its article: descriptors, capitalised words,
/// up to its last role word) ends where it stands: nothing, punctuation, a preposition, a
/// relative pronoun or a conjunction follows, not the rest of a clause.
fn description_ends_clause(tokens: &[Token], from: usize) -> bool {
    let mut k = from;
    while determiner_at(tokens, k) {
        k += 1;
    }
    let head = (k..tokens.len())
        .take(MAX_DESCRIPTOR_WORDS + MAX_NAME_RUN_WORDS)
        .take_while(|&m| describes(&tokens[m]) || is_name_word(&tokens[m]) || is_role(&tokens[m]))
        .filter(|&m| is_role(&tokens[m]))
        .last();
    let k = head.map_or(k, |h| h + 1);
    // A genitive or a relative clause goes on describing ("ein Sprecher der Stadt", "un
    // portavoz del ayuntamiento", "una vecina que vive …").
    tokens.get(k).is_none_or(|t| {
        !t.word
            || is_preposition(&t.lower)
            || is_article(t)
            || is_name_particle(&t.lower)
            || is_complementiser(&t.lower)
            || is_relative_pronoun(&t.lower)
            || is_clause_conjunction(&t.lower)
            || is_list_conjunction(&t.lower)
            || is_time_word(&t.lower)
            || is_time_lead(&t.lower)
            || t.cap()
    })
}

fn subject_after_article(tokens: &[Token], mut i: usize) -> Option<Subject> {
    let had_article = determiner_at(tokens, i);
    while determiner_at(tokens, i) {
        i += 1;
    }
    let t = tokens.get(i)?;
    if let Some(g) = pronoun(t) {
        return Some(Subject::Pronoun(g));
    }
    // "le directeur du festival, Julien Abadie": a role after an article may be the start of a
    // description that a name in apposition follows; the name is the subject.
    let mut role = match run_forward(tokens, i) {
        Some(s @ Subject::Role(_)) if had_article => Some(s),
        Some(s) => return Some(s),
        None => None,
    };
    // "said project leader Winifred Achebe", "joked bandmaster Reuben Castellanos", "said master
    // of ceremonies Asab Al-Tabchi". A descriptor is a noun phrase: a complementiser, or a
    // preposition first, starts a clause or phrase whose subject or object the name is ("said
    // this week that Trump …", "said to Ann Lee").
    for skip in 1..=MAX_DESCRIPTOR_WORDS {
        let descriptor = i + skip < tokens.len()
            && tokens[i..i + skip].iter().enumerate().all(|(k, t)| {
                let opens_phrase = k == 0 && is_preposition(&t.lower);
                t.word && !t.cap() && !is_verb(t) && !is_complementiser(&t.lower) && !opens_phrase
            });
        if descriptor {
            let desc = tokens[i..i + skip].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            // "un socialiste de Valmont", "una portavoz de Almara": after a role, a name that a
            // preposition governs is the role's complement, not the person.
            let complement = role.is_some()
                && (is_preposition(&tokens[i + skip - 1].lower) || is_name_particle(&tokens[i + skip - 1].lower));
            match run_forward(tokens, i + skip) {
                Some(Subject::Person { .. }) if complement => {}
                Some(Subject::Person { name, role }) => {
                    let role = Some(match role {
                        Some(r) => format!("{desc} {r}"),
                        None => desc,
                    });
                    return Some(Subject::Person { name, role });
                }
                // "said a local shopkeeper", "said the campaign spokesman": described, not named.
                Some(Subject::Role(r)) if role.is_none() => role = Some(Subject::Role(format!("{desc} {r}"))),
                _ => {}
            }
        }
    }
    // "a statement from Marrowby Transit", "a spokesperson for the council".
    if let Some(p) = tokens[i..]
        .iter()
        .take(MAX_WORDS_BEFORE_SOURCE)
        .position(|t| matches!(&*t.lower, "from" | "for" | "of" | "de" | "von"))
    {
        if tokens[i..i + p].iter().any(|t| {
            matches!(
                &*t.lower,
                "statement"
                    | "spokesperson"
                    | "spokesman"
                    | "spokeswoman"
                    | "representative"
                    | "comunicado"
                    | "communiqué"
                    | "sprecher"
                    | "sprecherin"
            )
        }) {
            let mut k = i + p + 1;
            while k < tokens.len() && is_article(&tokens[k]) {
                k += 1;
            }
            if let Some(s @ Subject::Person { .. }) = run_forward(tokens, k) {
                return Some(s);
            }
        }
    }
    if had_article {
        // A description, then the name in apposition after a comma, itself perhaps described
        // ("the inquiry chair, retired judge Ifeoma Castellano").
        let Some(comma) = tokens[i..].iter().take(MAX_DESCRIPTION_TOKENS).position(|t| t.text == ",") else {
            return role;
        };
        if tokens[i..i + comma].iter().all(|t| t.word && !t.cap()) {
            if let Some(s @ Subject::Person { .. }) = subject_after_article(tokens, i + comma + 1) {
                return Some(s);
            }
            let description = tokens[i..i + comma].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            return role.or(Some(Subject::Role(description)));
        }
    }
    role
}

/// Attribution from the words after a quotation's closing mark, up to the end of its sentence.
pub fn after_quote(tokens: &[Token]) -> Option<Subject> {
    // "“…” — Ana Souza, mayor of Tavira": a dash, then a name that ends the sentence (or is
    // followed only by its description after a comma) signs the quotation.
    if tokens.first().is_some_and(|t| matches!(t.text, "—" | "–")) {
        if let Some(Subject::Person { name, role }) = run_forward(tokens, 1) {
            let words = name.split_whitespace().count() + role.as_ref().map_or(0, |r| r.split_whitespace().count());
            let rest = &tokens[1..];
            let next = rest.iter().enumerate().find(|(_, t)| !t.word || !(is_name_word(t) || is_role(t)));
            let ends = next.is_none_or(|(k, t)| k >= words && matches!(t.text, "," | "." | "(" | ";"));
            if ends && !tokens.iter().any(is_verb) {
                return Some(Subject::Person { name, role });
            }
        }
    }
    // Punctuation, and closing marks of a quotation nested at the end of this one ("… on ‘Fox
    // and Friends,’” said Vietor), before the attribution.
    let mut i = 0;
    while i < tokens.len()
        && !tokens[i].word
        && matches!(tokens[i].text, "," | "—" | "–" | "-" | ";" | ":" | "،" | "(" | "'" | "’" | "\"" | "”" | "»" | "›")
    {
        i += 1;
    }
    if i >= tokens.len() {
        return None;
    }
    // "“…” and Trump called it …": a new clause, about other words.
    if tokens[i].word && is_clause_conjunction(&tokens[i].lower) {
        return None;
    }
    // "“…” until Haley said …": a subordinate clause, about other words too, though the sentence
    // may still end on the quotation's attribution ("“…,” since …, said Lee Epstein").
    if opens_subordinate_clause(&tokens[i]) {
        return inverted_after_clause(tokens, i);
    }
    if !tokens[i..].iter().any(|t| t.cased()) {
        return uncased_after(&tokens[i..]);
    }
    // "a" is French's auxiliary ("», a déclaré") and English's article ("”, a spokesman said"):
    // the subject is read from before the auxiliaries.
    let clause_start = i;
    while i < tokens.len() && is_aux(&tokens[i]) {
        i += 1;
    }
    // "“…,” according to the ministry" ("according" is also a reporting verb).
    if let Some(s) = according_to(&tokens[i..]) {
        return Some(s);
    }
    let t = tokens.get(i)?;
    if is_verb(t) {
        // "said Khan"; with nothing after the verb, the subject is left out ("», añadió.") and is
        // whoever spoke last. A participle ("“…,” adding, “…”") has the sentence's subject,
        // which stands before the quotation, not after it.
        return subject_after_verb(tokens, i + 1).or_else(|| {
            let rest_is_empty = tokens[i + 1..].iter().all(|t| !t.word);
            (rest_is_empty && !is_participle(t)).then_some(Subject::Pronoun(None))
        });
    }
    if let Some((s, _)) = named_then_described(tokens, i) {
        return Some(s);
    }
    // Subject then verb: "Khan reiterated", "the minister added", "ward sister Helen Achterberg
    // told", "Islemark’s commercial director, Ravi Subramanian, said".
    let subject_verb = tokens
        .iter()
        .enumerate()
        .skip(i)
        .take(MAX_SUBJECT_VERB_TOKENS)
        .find(|(_, t)| is_verb(t))
        .map(|(k, _)| k)
        .filter(|&v| !(i..v).any(|k| ends_clause(tokens, k) || opens_subordinate_clause(&tokens[k])))
        .and_then(|v| subject_before(&tokens[clause_start..=v], v - clause_start));
    subject_verb.or_else(|| inverted_after_clause(tokens, i))
}

/// A conjunction that opens a subordinate clause, whose verb is not the quotation's ("until
/// Haley said", "bis Haley erklärte"); "as" is not one here, since "as Smith said" attributes.
fn opens_subordinate_clause(t: &Token) -> bool {
    t.word && is_subordinator(&t.lower) && t.lower != "as"
}

/// Whether token `k` ends a clause: a semicolon, or a stop followed by a space (a stop followed
/// by a comma or bracket ends an abbreviation: "Cambridge, Mass., said", "(D-Ore.) said").
fn ends_clause(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    match t.text {
        ";" | "!" | "?" => true,
        "." => tokens.get(k + 1).is_none_or(|n| n.start > t.start + 1),
        _ => false,
    }
}

/// "“…,” Steve Rosenthal, a former political director of the union and organizer, wrote": a name
/// right after the quotation, then its description between commas (however long), then the
/// reporting verb. The name is the subject (returned with the verb's index); whatever the
/// description names is not.
fn named_then_described(tokens: &[Token], i: usize) -> Option<(Subject, usize)> {
    let Some(Subject::Person { name, role }) = run_forward(tokens, i) else { return None };
    let comma = (i..tokens.len()).find(|&k| !(is_name_word(&tokens[k]) || is_role(&tokens[k])))?;
    if tokens[comma].text != "," {
        return None;
    }
    // The description ends at a comma before the verb (past auxiliaries: ", has said").
    let verb = (comma + 1..tokens.len()).take_while(|&k| !ends_clause(tokens, k)).find(|&k| is_verb(&tokens[k]))?;
    let mut before_verb = verb - 1;
    while before_verb > comma && is_aux(&tokens[before_verb]) {
        before_verb -= 1;
    }
    (before_verb > comma && tokens[before_verb].text == ",").then_some((Subject::Person { name, role }, verb))
}

/// "“…,” like the recent volatility of markets, said Richard Curtin, the chief economist": after
/// a clause that goes on from the quotation, the reporting verb and its subject, inverted, after
/// a comma; or the subject, then the verb that ends the sentence ("“…” by the shooting in
/// Orlando, which had drawn scrutiny, Nefzi said.", "«…» par l’attaque, a déclaré …").
fn inverted_after_clause(tokens: &[Token], i: usize) -> Option<Subject> {
    let mut k = i;
    while k + 1 < tokens.len() && !ends_clause(tokens, k) {
        if tokens[k].text == "," {
            let mut v = k + 1;
            while v < tokens.len() && is_aux(&tokens[v]) {
                v += 1;
            }
            if tokens.get(v).is_some_and(|t| is_verb(t) && !is_object_verb(&t.lower)) {
                if let Some(s @ Subject::Person { .. }) = subject_after_verb(tokens, v + 1) {
                    return Some(s);
                }
            }
            if let Some(s) = subject_then_final_verb(tokens, k + 1) {
                return Some(s);
            }
        }
        k += 1;
    }
    None
}

/// A name starting at `start`, then a reporting verb (past auxiliaries) that ends the sentence:
/// "…, Nefzi said.", "…, Anna Berg has said".
fn subject_then_final_verb(tokens: &[Token], start: usize) -> Option<Subject> {
    let s @ Subject::Person { .. } = run_forward(tokens, start)? else { return None };
    let mut v = (start..tokens.len())
        .find(|&m| !(is_name_word(&tokens[m]) || is_role(&tokens[m]) || is_name_particle(&tokens[m].lower)))?;
    while v < tokens.len() && is_aux(&tokens[v]) {
        v += 1;
    }
    let verb = tokens.get(v).is_some_and(|t| is_verb(t) && !is_object_verb(&t.lower) && !is_participle(t));
    let last = tokens[v + 1..].iter().all(|t| !t.word);
    (verb && last).then_some(s)
}

/// "according to X", "selon X", "laut X", "según X" anywhere in `tokens`.
pub fn according_to(tokens: &[Token]) -> Option<Subject> {
    for (i, _) in tokens.iter().enumerate() {
        for phrase in ACCORDING_TO {
            if phrase.iter().enumerate().all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower == *w)) {
                return subject_after(tokens, i + phrase.len());
            }
        }
    }
    // German "X zufolge".
    if let Some(z) = tokens.iter().position(|t| t.is("zufolge")) {
        if z > 0 {
            return run_backward(tokens, z - 1).map(|(s, _)| s);
        }
    }
    None
}

/// Words of a document's description after "according to", at most ("according to White House
/// pool reports", "according to a 2014 House Intelligence Committee report").
const MAX_DOCUMENT_WORDS: usize = 6;

/// Whether `tokens` hold "according to" (or "selon", "laut", …) and a document, poll or record
/// ("according to a copy of the letter", "selon un rapport de la Cour", "laut einem Bericht"): the
/// text is the source, and no person in the sentence is the speaker.
pub fn according_to_document(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| {
        ACCORDING_TO.iter().any(|phrase| {
            phrase.iter().enumerate().all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower == *w))
                && names_document(tokens, i + phrase.len())
        })
    })
}

/// Whether the words from `from` describe a document ("a copy of the letter", "White House pool
/// reports"): past its determiners, a noun for a document within a few words, before any
/// preposition; and not one whose authors are named right after it ("a 2013 study by economists
/// Ann Lee and Bo Park", "documents from Diane Blair"), who are the source.
fn names_document(tokens: &[Token], from: usize) -> bool {
    let mut k = from;
    while determiner_at(tokens, k) {
        k += 1;
    }
    let rest = &tokens[k.min(tokens.len())..];
    let Some(noun) = rest
        .iter()
        .take(MAX_DOCUMENT_WORDS)
        .take_while(|t| t.word && (t.cap() || !is_preposition(&t.lower)))
        .position(|t| is_document_noun(&t.lower))
    else {
        return false;
    };
    let authored = rest[noun + 1..]
        .iter()
        .take(MAX_DESCRIPTOR_WORDS)
        .position(|t| is_byline_preposition(t.text) || t.lower == "from")
        .is_some_and(|p| rest[noun + 1 + p + 1..].iter().take(MAX_DESCRIPTOR_WORDS).any(|t| t.cap()));
    !authored
}

/// Possible attributions from the clause before a quotation's opening mark (same sentence), best
/// first; the caller takes the first that resolves to a person.
pub fn before_quote(tokens: &[Token]) -> Vec<Subject> {
    let mut out = Vec::new();
    if tokens.is_empty() {
        return out;
    }
    if !tokens.iter().any(|t| t.cased()) {
        out.extend(uncased_clause(tokens));
        return out;
    }
    // "Smith: “…”" — a name, then a colon, right before the quote.
    if tokens.last().is_some_and(|t| t.text == ":") && tokens.len() >= 2 {
        if let Some((s, start)) = run_backward(tokens, tokens.len() - 2) {
            // Digest items: "HEADLINE - Ann Lee: “…”".
            if start == 0 || matches!(tokens[start - 1].text, "." | "," | ";" | "-" | "—" | "–" | "|") {
                out.push(s);
            }
        }
    }
    out.extend(according_to(tokens));
    // "Dean Osei, a salesman from Sumter, South Carolina, says …": the name that opens the
    // sentence, then its description between commas (however many), then the verb nearest the
    // quotation (an earlier one has a clause of its own: "Lee, the nominee, issued a statement
    // after Trump told …").
    let last_verb = tokens.iter().rposition(is_verb);
    out.extend(named_then_described(tokens, 0).filter(|&(_, v)| Some(v) == last_verb).map(|(s, _)| s));
    let main_clause = main_clause_start(tokens);
    // Subjects of reporting verbs, latest verb first; then verb-first clauses ("sprach Landrat
    // Tessmer von einem").
    for v in (main_clause..tokens.len()).rev() {
        if is_verb(&tokens[v]) {
            if v > 0 && tokens[v - 1].text == "," && is_participle(&tokens[v]) {
                out.extend(sentence_subjects(&tokens[main_clause..v - 1]));
            }
            out.extend(subject_before(tokens, v));
        }
    }
    for v in (main_clause..tokens.len()).rev() {
        if is_verb(&tokens[v]) && !is_object_verb(&tokens[v].lower) && !starts_reported_clause(tokens, v + 1) {
            if let Some(s) = subject_after_verb(tokens, v + 1) {
                if matches!(s, Subject::Person { .. }) {
                    out.push(s);
                }
            }
        }
    }
    // "Rubio fired back forcefully: “…”": before a colon, the sentence's subject.
    if tokens.last().is_some_and(|t| t.text == ":") {
        let clause = &tokens[main_clause..tokens.len() - 1];
        out.extend(sentence_subjects(clause).into_iter().filter(|s| !matches!(s, Subject::Weak(_))));
    }
    // Colon-introduced or embedded quotations with no reporting verb: the sentence's subject,
    // the first name not governed by a preposition ("The inquiry chair, retired judge Ifeoma
    // Castellano, adjourned the session with a short reminder: “…”").
    if out.is_empty() {
        let mut i = main_clause;
        while i < tokens.len() {
            if is_name_word(&tokens[i]) {
                let mut k = i as isize - 1;
                while k >= 0
                    && (is_article(&tokens[k as usize]) || (tokens[k as usize].word && !tokens[k as usize].cap()))
                    && !is_preposition(&tokens[k as usize].lower)
                {
                    k -= 1;
                }
                let governed = k >= 0 && is_preposition(&tokens[k as usize].lower);
                if let (false, Some(Subject::Person { name, .. })) = (governed, run_forward(tokens, i)) {
                    out.push(Subject::Weak(name));
                    break;
                }
                while i < tokens.len() && (is_name_word(&tokens[i]) || is_role(&tokens[i])) {
                    i += 1;
                }
            }
            i += 1;
        }
    }
    out
}

/// Where the main clause starts after a subordinate clause that opens the sentence ("When Trump
/// suggested that …, Rubio fired back:"), whose verbs are about other words: after the first
/// comma that a subject (a name or pronoun, past an article and description) follows. Otherwise 0: a comma
/// before anything else may end an apposition inside the clause ("While Ryan, the speaker,
/// laid out …").
fn main_clause_start(tokens: &[Token]) -> usize {
    if !tokens.first().is_some_and(opens_subordinate_clause) {
        return 0;
    }
    let inner = &tokens[..tokens.len().saturating_sub(1)];
    // Past an article and a few words of description ("la maire Anne Roux").
    let subject_at = |k: usize| {
        let mut rest = inner[k..].iter().skip_while(|t| is_article(t)).peekable();
        for _ in 0..MAX_DESCRIPTOR_WORDS {
            rest.next_if(|t| is_role(t) || (is_descriptor(t) && !is_participle(t)));
        }
        rest.next().is_some_and(|t| is_name_word(t) || pronoun(t).is_some())
    };
    (1..inner.len()).find(|&k| inner[k - 1].text == "," && subject_at(k)).unwrap_or(0)
}

fn uncased_words<'a>(tokens: &[Token<'a>]) -> Vec<&'a str> {
    tokens.iter().filter(|t| t.word).map(|t| t.text).collect()
}

fn uncased_name(words: &[&str]) -> Option<Subject> {
    // "عمران خان نخست وزیر پاکستان": the name, then its role.
    if let Some(r) =
        words.iter().position(|w| is_uncased_role(w)).filter(|&r| r > 0 && words.len() > MAX_UNCASED_NAME_WORDS)
    {
        if r <= MAX_UNCASED_NAME_WORDS {
            return Some(Subject::Person { name: words[..r].join(" "), role: Some(words[r..].join(" ")) });
        }
    }
    if words.is_empty() || words.len() > MAX_UNCASED_NAME_WORDS {
        return None;
    }
    if words.len() == 1 {
        if let Some(g) = pronoun(&Token::new(words[0], 0, true)) {
            return Some(Subject::Pronoun(g));
        }
    }
    Some(Subject::Person { name: words.join(" "), role: None })
}

const CONJUNCTIONS: &[&str] = &["اما", "ولی", "و", "همچنین", "سپس"];

/// The words of a comma-separated part, up to its first reporting verb, without a leading
/// conjunction.
fn part_words<'a>(part: &[Token<'a>]) -> Vec<&'a str> {
    let upto = part.iter().position(is_verb).unwrap_or(part.len());
    let mut w = uncased_words(&part[..upto]);
    while w.first().is_some_and(|x| CONJUNCTIONS.contains(x)) {
        w.remove(0);
    }
    w
}

/// Persian and other uncased scripts: when the sentence has a reporting verb, the speaker is the
/// first comma-separated part of the sentence ("نصیر احمد یوسفی، یکی از بزرگان محل، … گفت")
/// or the words right before the verb ("کریمی افزود", "او گفت").
pub fn uncased_sentence(before: &[Token], after: &[Token]) -> Option<Subject> {
    if !before.iter().chain(after.iter()).any(is_verb) {
        return according_to(before).or_else(|| according_to(after));
    }
    for side in [before, after] {
        let first = side.split(|t| t.text == "،" || t.text == ",").map(part_words).find(|w| !w.is_empty());
        if let Some(w) = first {
            if let Some(s) = uncased_name(&w) {
                return Some(s);
            }
        }
    }
    None
}

fn uncased_clause(tokens: &[Token]) -> Option<Subject> {
    uncased_sentence(tokens, &[])
}

fn uncased_after(tokens: &[Token]) -> Option<Subject> {
    uncased_sentence(&[], tokens)
}

/// Chinese and Japanese: the speaker stands before the verb (or before は / が right before the
/// opening bracket), as a run of Han or katakana characters with role words stripped.
pub fn cjk_speaker(before: &[char], after: &[char]) -> Option<Subject> {
    let strip_end = |s: &mut Vec<char>| {
        while s.last().is_some_and(|c| c.is_whitespace() || "：:，,、は が".contains(*c)) {
            s.pop();
        }
    };
    let mut b: Vec<char> = before.to_vec();
    strip_end(&mut b);
    let text: String = b.iter().collect();
    let verb = CJK_VERBS.iter().filter(|v| text.ends_with(*v)).max_by_key(|v| v.len());
    let candidate = if let Some(v) = verb {
        Some(text[..text.len() - v.len()].to_string())
    } else if before.iter().rev().find(|c| !c.is_whitespace()).is_some_and(|&c| c == 'は' || c == 'が') {
        Some(text)
    } else {
        None
    };
    let candidate = candidate.or_else(|| {
        // After the quote: "」と山崎市長は述べた" is rare; "”王海燕说。" is common in Chinese.
        let a: String = after.iter().skip_while(|c| "，,。 ".contains(**c)).collect();
        let cut = a.find(['。', '，', '.'])?;
        let clause = &a[..cut];
        let v = CJK_VERBS.iter().filter_map(|v| clause.find(v).map(|p| (p, v))).min_by_key(|(p, _)| *p)?;
        Some(clause[..v.0].to_string())
    })?;
    cjk_name(&candidate)
}

fn cjk_name(s: &str) -> Option<Subject> {
    let mut chars: Vec<char> = s.chars().collect();
    // Drop a parenthetical age "（72）" and honorifics at the end.
    while let Some(&c) = chars.last() {
        if c == '）' || c == ')' {
            let open = chars.iter().rposition(|&x| x == '（' || x == '(')?;
            chars.truncate(open);
        } else if c.is_whitespace() {
            chars.pop();
        } else {
            break;
        }
    }
    let start = chars
        .iter()
        .rposition(|&c| !is_cjk(c) || is_hiragana(c) || "、，。「」『』“”".contains(c))
        .map(|p| p + 1)
        .unwrap_or(0);
    let mut run: String = chars[start..].iter().collect();
    while let Some(role) = CJK_ROLES.iter().filter(|r| run.ends_with(*r) && run.len() > r.len()).max_by_key(|r| r.len())
    {
        run.truncate(run.len() - role.len());
    }
    if let Some((pos, role)) = CJK_ROLES.iter().filter_map(|r| run.rfind(r).map(|p| (p, r))).max_by_key(|(p, _)| *p) {
        run = run[pos + role.len()..].to_string();
    }
    let n = run.chars().count();
    if run.contains('的') || run.contains('位') || !CJK_NAME_CHARS.contains(&n) {
        return None;
    }
    Some(Subject::Person { name: run, role: None })
}

#[cfg(test)]
mod tokenizer_tests {
    use super::tokenize;

    fn texts(s: &str, from: usize, to: usize) -> Vec<(String, usize, bool)> {
        tokenize(s, from, to).into_iter().map(|t| (t.text.to_string(), t.start, t.word)).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_dots_only_between_letters_or_digits() {
        let t = texts("Khan’s co-founder U.S.-based said: 'no'.", 0, usize::MAX);
        let words: Vec<&str> = t.iter().map(|(w, _, _)| w.as_str()).collect();
        // Initials keep their last stop ("U.S."), as a title does ("Sen.").
        assert_eq!(words, ["Khan’s", "co-founder", "U.S.", "-", "based", "said", ":", "'", "no", "'", "."]);
        assert_eq!(t[2], ("U.S.".to_string(), 18, true));
        assert!(!t[3].2, "punctuation is not a word");
    }

    #[test]
    fn initials_written_together_keep_their_last_stop() {
        let t = texts("said J.M. Berger.", 0, usize::MAX);
        assert_eq!(t.iter().map(|(w, _, _)| w.as_str()).collect::<Vec<_>>(), ["said", "J.M.", "Berger", "."]);
    }

    #[test]
    fn zero_width_non_joiner_stays_inside_persian_words() {
        let t = texts("او می‌گوید", 0, usize::MAX);
        assert_eq!(t.iter().map(|(w, _, _)| w.as_str()).collect::<Vec<_>>(), ["او", "می‌گوید"]);
    }

    #[test]
    fn range_limits_tokens_and_lookahead_by_character_offsets() {
        // "é" is two bytes: offsets are characters, not bytes.
        assert_eq!(texts("é ab-cd ef", 2, 6), [("ab-c".to_string(), 2, true)]);
        // The hyphen joins only if the character after it is inside the range.
        assert_eq!(texts("ab-cd", 0, 3), [("ab".to_string(), 0, true), ("-".to_string(), 2, false)]);
    }
}
