//! Words the speaker finder needs, per language: reporting verbs, pronouns, role nouns, and the
//! words that look like names at the start of a sentence but are not.

use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::FxBuildHasher;

/// Membership tests for the word lists, built once: the lists are looked up for every word. The
/// keys are fixed, so the fast non-keyed Fx hash is safe here (a page can only look words up).
macro_rules! word_set {
    ($fn_name:ident, $($list:ident),+) => {
        pub fn $fn_name(word: &str) -> bool {
            static SET: OnceLock<HashSet<&'static str, FxBuildHasher>> = OnceLock::new();
            SET.get_or_init(|| [$($list),+].into_iter().flatten().copied().collect()).contains(word)
        }
    };
}

word_set!(is_speech_verb, SPEECH_VERBS, SPEAKING_OF_VERBS);
word_set!(is_role_word, ROLE_WORDS);
word_set!(is_not_name, NOT_NAMES);
word_set!(is_preposition, PREPOSITIONS);
word_set!(is_auxiliary, AUXILIARIES);
word_set!(is_name_particle, NAME_PARTICLES);
word_set!(is_title_abbreviation, TITLE_ABBREVIATIONS);
word_set!(is_other_abbreviation, OTHER_ABBREVIATIONS);
word_set!(is_organisation_word, ORGANISATION_WORDS);
word_set!(is_place_prefix, PLACE_PREFIXES);
word_set!(is_place_head, PLACE_HEADS);
word_set!(is_reference_heading, REFERENCE_HEADINGS);
word_set!(is_uncased_role, UNCASED_ROLE_WORDS);
word_set!(is_title_noun, TITLE_NOUNS);
word_set!(is_minor_title_word, MINOR_TITLE_WORDS);
word_set!(is_naming_verb, NAMING_VERBS);
word_set!(is_time_word, TIME_WORDS);
word_set!(is_object_verb, OBJECT_VERBS, SPEAKING_OF_VERBS);
word_set!(is_clause_conjunction, CLAUSE_CONJUNCTIONS);
word_set!(is_list_conjunction, LIST_CONJUNCTIONS);
word_set!(is_absolute_with, ABSOLUTE_WITH);
word_set!(is_time_lead, TIME_LEADS);
word_set!(is_complementiser, COMPLEMENTISERS);
word_set!(is_relative_pronoun, RELATIVE_PRONOUNS);
word_set!(is_subordinator, SUBORDINATORS);
word_set!(is_role_modifier, ROLE_MODIFIERS);
word_set!(is_courtesy_title, COURTESY_TITLES);
word_set!(is_indefinite_article, INDEFINITE_ARTICLES);
word_set!(is_byline_preposition, BYLINE_PREPOSITIONS);
word_set!(is_affiliation_noun, AFFILIATION_NOUNS);
word_set!(is_document_noun, DOCUMENT_NOUNS);

/// Titles and ranks written abbreviated with a full stop before a name, lower-case without the
/// stop ("Sen. Ted Cruz", "Mme. Lefèvre", "Hr. Brandt", "Dña. Luisa"): the stop after one ends
/// no sentence, and the abbreviation is the person's role, not part of the name.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    // English
    "mr", "mrs", "ms", "messrs", "dr", "prof", "rep", "reps", "sen", "sens", "gov", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "fr", "hon", "pres", "supt", "insp", "det", "atty", "amb",
    "rt", // French, German, Spanish, Portuguese, Italian, Dutch, Russian
    "mme", "mmes", "mlle", "mgr", "hr", "hrn", "frau", "dipl", "ing", "sra", "srta", "dña", "dra", "lic", "profa",
    "sig", "sigg", "dott", "avv", "dhr", "mevr", "г", "гн", "г-н", "г-жа",
];

/// Other abbreviations whose stop ends no sentence: name suffixes ("Martin Luther King Jr.") and
/// "Saint"; they are part of a name, not a role.
pub const OTHER_ABBREVIATIONS: &[&str] = &["jr", "sr", "st", "ste", "vs"];

/// Last words of organisations' names ("Labour Party", "Supreme Court", "Reuters News"): such a
/// name can say something ("the ministry said"), but "he" or "she" never refers to it.
pub const ORGANISATION_WORDS: &[&str] = &[
    "party", "committee", "campaign", "department", "ministry", "agency", "office", "council", "commission", "court",
    "house", "senate", "congress", "parliament", "government", "administration", "union", "association", "institute",
    "university", "college", "school", "foundation", "fund", "bank", "company", "corporation", "corp", "inc", "ltd",
    "group", "network", "news", "times", "post", "journal", "press", "tribune", "herald", "gazette", "review",
    "magazine", "television", "radio", "channel", "service", "services", "board", "authority", "police", "army",
    "navy", "force", "forces", "guard", "federation", "league", "club", "team", "center", "centre", "project",
    "alliance", "coalition", "movement", "organization", "organisation", "society", "church", "hospital", "airlines",
    "partei", "ministerium", "regierung", "gericht", "verband", "ministère", "gouvernement", "conseil", "tribunal",
    "parti", "ministerio", "gobierno", "partido", "ministero", "governo", "partito",
];

/// First words of place names ("South Sudan", "New Hampshire", "United States", "San Diego"): a
/// run of capitalised words starting with one names a place, not someone who could speak.
pub const PLACE_PREFIXES: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new", "united", "mount", "lake",
    "san", "santa", "são", "saint", "nord", "süd", "sud", "norte", "sur", "nuevo", "nueva", "nouvelle", "nouveau",
];

/// Last words of place names ("United Kingdom", "Vigo County", "South Carolina"): likewise.
pub const PLACE_HEADS: &[&str] = &[
    "states", "kingdom", "republic", "island", "islands", "city", "county", "province", "river", "sea", "gulf", "bay",
    "valley", "coast", "street", "avenue", "road", "square", "bridge", "airport", "station", "district", "region",
    "emirates", "arabia", "africa", "america", "asia", "europe", "korea", "sudan", "carolina", "dakota", "virginia",
    "jersey", "york", "hampshire", "mexico", "zealand", "guinea",
];

/// Headings of the sections that list sources rather than tell the story ("References",
/// "Einzelnachweise"): quotation marks there enclose titles of works, never speech.
pub const REFERENCE_HEADINGS: &[&str] = &[
    "references", "reference", "notes", "footnotes", "sources", "bibliography", "citations", "works cited",
    "further reading", "external links", "see also", "related", "related articles", "related stories", "read more",
    "more on this story", "einzelnachweise", "literatur", "quellen", "weblinks", "anmerkungen", "siehe auch",
    "références", "notes et références", "bibliographie", "liens externes", "voir aussi", "referencias",
    "bibliografía", "enlaces externos", "véase también", "notas", "referências", "bibliografia", "ligações externas",
    "ver também", "note", "collegamenti esterni", "voci correlate", "примечания", "литература", "ссылки", "источники",
    "منابع", "پانویس", "المراجع", "مراجع", "参考文献", "参考资料", "参考資料", "脚注", "出典", "外部链接",
    "外部リンク",
];

/// Role words of uncased scripts (Persian, Arabic) that stand between a name and its reporting
/// verb ("عمران خان نخست وزیر پاکستان گفت"): the name is the words before the first of them.
pub const UNCASED_ROLE_WORDS: &[&str] = &[
    "نخست", "وزیر", "رئیس", "رییس", "سخنگوی", "سخنگو", "معاون", "فرمانده", "استاندار", "سفیر", "نماینده", "مدیر",
    "دبیرکل", "رهبر", "والی", "شهردار", "وزير", "رئيس", "المتحدث", "الناطق", "سفير", "مدير", "الأمين", "قائد", "محافظ",
    "عضو", "نائب", "الرئيس", "الوزير", "رئيسة", "وزيرة",
];

/// Reporting verbs, lower-case. A word in this list, with a subject next to it, attributes the
/// quotation in its sentence.
pub const SPEECH_VERBS: &[&str] = &[
    // English
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "warned", "warns", "tweeted", "tweets",
    "posted", "reiterated", "reiterates", "stated", "states", "explained", "explains", "noted", "notes", "insisted",
    "insists", "argued", "argues", "asked", "asks", "replied", "replies", "responded", "continued", "claimed",
    "claims", "declared", "announced", "recalled", "recalls", "admitted", "admits", "acknowledged", "conceded",
    "complained", "urged", "stressed", "emphasised", "emphasized", "suggested", "predicted", "remarked", "observed",
    "concluded", "cautioned", "joked", "shouted", "whispered", "described", "called", "accused", "promised", "vowed",
    "pledged", "confirmed", "denied", "blamed", "criticised", "criticized", "praised", "calls", "describes", "accuses",
    "spoke", "speaks", "agreed", "objected", "countered", "wondered", "sighed", "laughed", "boasted", "maintained",
    "mused", "quipped", "summed", "disagreed", "ruling", "ruled", "agrees", "disagrees", "reminded", "reminds",
    "adjourned", "describing", "saying", "telling", "warning", "adding", "calling", "insisting", "arguing", "writing",
    "according", "charged", "charges", "barked", "assured", "chanted", "yelled", "screamed", "cried", "exclaimed",
    "asserted", "asserts", "contended", "contends", "alleged", "alleges", "testified", "opined", "retorted", "snapped",
    "scoffed", "lamented", "laments", "bemoaned", "griped", "groused", "thundered", "proclaimed", "proclaims",
    "affirmed", "advised", "informed", "demanded", "demands", "pleaded", "begged", "implored", "speculated", "hinted",
    "revealed", "disclosed", "confided", "murmured", "muttered", "texted", "emailed", "messaged", "recounted",
    "recounts", "concedes", "acknowledges", "predicts", "cautions", "jokes", "explain", "argue", "insist", "claim",
    "warn", "tweet", "referred", "labeled", "labelled", "branded", "dubbed", "termed", "deemed", "declaring",
    "explaining", "noting", "asking", "stating", "claiming", "urging", "vowing", "promising", "predicting",
    "recalling", "joking", "stressing", "suggesting", "tweeting", "posting", "announcing", "acknowledging",
    "conceding", "complaining", "accusing", "blaming", "praising", "charging", "reads", "issued", "interjected",
    "interrupted", "pressed", "reacted", "elaborated", "clarified", "echoed", "pointed",
    // Recalling, answering, repeating and concluding introduce words as often as saying does
    // ("“…,” remembered Roy Vance", "declares Ana Lee", "“…,” the paper reported").
    "remembered", "remembers", "declares", "answered", "answers", "concludes", "repeated", "repeats", "fumed",
    "reported", "reports", // French (participles after "a"/"ont", and present forms)
    "déclaré", "déclare", "dit", "affirmé", "affirme", "ajouté", "ajoute", "expliqué", "explique", "souligné",
    "souligne", "estimé", "estime", "indiqué", "indique", "assuré", "assure", "précisé", "précise", "confié", "lancé",
    "prévenu", "martelé", "regretté", "regrette", "qualifié", "qualifie", "répondu", "lâché", "lâche", "confie",
    "ironise", "ironisé", "glisse", "glissé", "dénoncé", "dénonce", "reconnu", "reconnaît", "insisté", "raconté",
    "raconte", "écrit", "répond", "poursuivi", "poursuit", "promis", "averti", "annoncé", "déploré", "résumé",
    "résume", "témoigne", "témoigné", "rappelé", "rappelle", "répété", "répète", "conclu", "conclut", "répliqué",
    "rétorqué", // German
    "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "warnte", "warnt", "meinte", "meint", "schrieb",
    "schreibt", "fügte", "ergänzte", "nannte", "nennt", "bezeichnete", "bezeichnet", "mahnte", "mahnt", "ergänzt",
    "kritisierte", "kritisiert", "sprach", "spricht", "berichtete", "berichtet", "versprach", "räumte", "forderte",
    "fordert", "klagte", "klagt", "befürchtet", "befürchtete", "bestätigte", "antwortete", "erinnerte", "wiederholte",
    "entgegnete", // Spanish
    "dijo", "dice", "afirmó", "afirma", "declaró", "declara", "señaló", "señala", "explicó", "explica", "añadió",
    "añade", "aseguró", "asegura", "advirtió", "advierte", "indicó", "indica", "sostuvo", "sostiene", "comentó",
    "comenta", "subrayó", "subraya", "escribió", "escribe", "lamentó", "lamenta", "reconoció", "recordó", "insistió",
    "prometió", "denunció", "relató", "resumió", "agregó", "agrega", "contó", "cuenta", "respondió", "responde",
    "contestó", "calificó", "califica", "repitió", "concluyó", "replicó", // Persian and Dari
    "گفت", "گفته", "می‌گوید", "میگوید", "افزود", "نوشت", "گفتند", "می‌گویند", "تأکید", "تاکید", "اظهار", "خاطرنشان",
    // Arabic
    "قال", "قالت", "وقال", "وقالت", "أضاف", "أضافت", "وأضاف", "وأضافت", "أكد", "أكدت", "صرح", "صرحت", "أوضح", "أوضحت",
    "تابع", "تابعت", // Portuguese
    "disse", "diz", "afirmou", "declarou", "acrescentou", "explicou", "contou", "escreveu", "ressaltou", "destacou",
    "alertou", "garantiu", "respondeu", "lembrou", "repetiu", "concluiu", // Italian
    "detto", "dichiarato", "affermato", "aggiunto", "spiegato", "sottolineato", "scritto", "risposto", "ribadito",
    "precisato", "spiega", "aggiunge", "ricordato", "ripetuto", "concluso", "replicato", // Russian
    "сказал", "сказала", "заявил", "заявила", "добавил", "добавила", "отметил", "отметила", "пояснил", "пояснила",
    "написал", "написала", "подчеркнул", "подчеркнула", "ответил", "ответила", "говорит", "напомнил", "напомнила",
    "повторил", "повторила",
];

/// Nouns for works, programmes, publications and named groups: a quotation right after one is the
/// name of the thing ("the film “Trainwreck”", "die Zeitung „Die Welt“", "газета «Известия»"),
/// not anybody's words. Russian nouns are listed in the cases a name in apposition follows.
pub const TITLE_NOUNS: &[&str] = &[
    // English
    "show", "programme", "program", "series", "sitcom", "film", "movie", "documentary", "book", "novel", "memoir",
    "album", "song", "play", "musical", "newspaper", "magazine", "column", "podcast", "hashtag", "opera", "painting",
    "poem", "exhibition", "website", "blog", "app", "ballad", "anthem", "tabloid", "broadsheet", "biography",
    "autobiography", "manifesto", "sequel", "episode", "miniseries", // German
    "sendung", "serie", "buch", "roman", "lied", "zeitung", "zeitschrift", "magazin", "theaterstück", "stück",
    "kolumne", "talkshow", "ausstellung", "oper", "gedicht", "dokumentation", "wochenzeitung", "tageszeitung",
    "biografie", "autobiografie", "folge", // French
    "émission", "série", "livre", "chanson", "journal", "quotidien", "hebdomadaire", "pièce", "documentaire",
    "feuilleton", "exposition", "opéra", "poème", "biographie", "autobiographie", "épisode",
    // Spanish, Portuguese, Italian
    "programa", "película", "libro", "novela", "canción", "periódico", "diario", "revista", "documental", "obra",
    "telenovela", "filme", "livro", "canção", "jornal", "romance", "peça", "trasmissione", "programma", "canzone",
    "giornale", "quotidiano", "rivista", "settimanale", "spettacolo", "biografía", "autobiografía", "biografia",
    "autobiografia", "episodio", "episódio",
    // Russian (nominative, genitive, dative, prepositional where they differ)
    "газета", "газеты", "газете", "журнал", "журнала", "журнале", "фильм", "фильма", "фильме", "книга", "книги",
    "книге", "песня", "песни", "передача", "передачи", "передаче", "программа", "программы", "программе", "сериал",
    "сериала", "сериале", "альбом", "альбома", "роман", "романа", "партия", "партии", "движение", "движения",
    "компания", "компании", "издание", "издания", // Persian, Arabic
    "روزنامه", "کتاب", "فیلم", "برنامه", "مجله", "ترانه", "صحيفة", "كتاب", "فيلم", "برنامج", "مجلة", "أغنية",
];

/// Phrases that give a name rather than report words: a quotation right after one is a title or
/// nickname ("the hacker known as “Guccifer”", "un roman intitulé « … »").
pub const NAMING_PHRASES: &[&[&str]] = &[
    &["known", "as"],
    &["nicknamed"],
    &["titled"],
    &["entitled"],
    &["alias"],
    &["aka"],
    &["goes", "by"],
    &["bekannt", "als"],
    &["spitzname"],
    &["titel"],
    &["surnommé"],
    &["surnommée"],
    &["intitulé"],
    &["intitulée"],
    &["baptisé"],
    &["baptisée"],
    &["apodado"],
    &["apodada"],
    &["titulado"],
    &["titulada"],
    &["conocido", "como"],
    &["conocida", "como"],
    &["apelidado"],
    &["apelidada"],
    &["intitulado"],
    &["intitulada"],
    &["conhecido", "como"],
    &["conhecida", "como"],
    &["soprannominato"],
    &["soprannominata"],
    &["intitolato"],
    &["intitolata"],
    &["noto", "come"],
    &["nota", "come"],
    &["по", "прозвищу"],
    &["под", "названием"],
];

/// Verbs that give someone or something a name: a capitalised quotation after one is a nickname
/// ("calling the towers “the Ghost Quarter”", "nannten ihn „Eiserner Kanzler“"), a lower-case one
/// a label someone gave, and so their words ("calling him “a total stiff”").
pub const NAMING_VERBS: &[&str] = &[
    "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "nickname", "nicknames", "name", "names",
    "named", "naming", "nennen", "nennt", "nannte", "nannten", "genannt", "appelle", "appellent", "appelé", "appelée",
    "appelés", "llaman", "llama", "llamó", "llamaron", "chamam", "chama", "chamou", "chamado", "chiamano", "chiama",
    "chiamato", "chiamata", "называют", "называл", "назвал", "назвали",
];

/// Words a title leaves lower-case between capitalised ones ("Meet the Press", "Der Herr der
/// Ringe", "La Casa de Papel"): they do not break a run of title case.
pub const MINOR_TITLE_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs", "der", "die",
    "das", "des", "dem", "den", "und", "von", "im", "am", "zum", "zur", "le", "la", "les", "l", "du", "de", "et", "à",
    "au", "aux", "el", "los", "las", "y", "del", "o", "e", "da", "do", "dos", "il", "lo", "gli", "della", "di", "и",
    "в", "на", // prepositions of French, Spanish, Portuguese and Italian titles ("Une Vie en Mer"); not
    // German ones, whose capitalised nouns would make any phrase title case ("Fantasie auf Papier")
    "en", "sur", "pour", "par", "con", "por", "para", "sin", "per",
];

/// Reporting verbs whose object is the hearer or the one spoken of, not the speaker ("telling
/// Reuters", "summed up Clinton as", "accused Sanders of"): the name after one never speaks.
pub const OBJECT_VERBS: &[&str] = &[
    "told", "tells", "tell", "telling", "asked", "asks", "asking", "urged", "urging", "warned", "warning", "reminded",
    "reminds", "assured", "informed", "thanked", "accused", "accuses", "accusing", "blamed", "blaming", "praised",
    "praising", "criticised", "criticized", "called", "calls", "calling", "described", "describes", "describing",
    "summed", "labeled", "labelled", "branded", "dubbed", "termed", "deemed", "referred", "promised", "promising",
];

/// Mocking, deriding, denouncing and hailing report what someone said of someone else ("Trump
/// mocked Bush’s protestations as “political bullshit”"): speech verbs whose object is the one
/// spoken of, so both [`is_speech_verb`] and [`is_object_verb`] read this list.
pub const SPEAKING_OF_VERBS: &[&str] = &[
    "mocked", "mocks", "mocking", "derided", "derides", "ridiculed", "ridicules", "lambasted", "slammed", "slams",
    "blasted", "blasts", "denounced", "denounces", "condemned", "condemns", "decried", "decries", "hailed", "hails",
    "touted", "touts", "critiqué", "fustigé", "raillé", "moqué", "salué", "verspottete", "verspottet", "lobte",
    "verurteilte", "criticó", "condenó", "elogió", "criticato", "condannato", "deriso", "elogiato", "criticou",
    "denunciou", "condenou", "elogiou",
];

/// Conjunctions that open a new clause: after a quotation, "and Trump called it …" attributes the
/// next words, not the quotation before.
pub const CLAUSE_CONJUNCTIONS: &[&str] =
    &["and", "but", "while", "whereas", "although", "though", "und", "aber", "et", "mais", "y", "pero", "e", "ma"];

/// Prepositions whose object is the subject of a participle after it ("with McCain calling it
/// …"), an absolute construction: English has it, the other languages listed use a clause.
pub const ABSOLUTE_WITH: &[&str] = &["with"];

/// Conjunctions that join the items of a list: between two quotations ("“X” and “Y,” Dean
/// said", "« X » et « Y », a dit Roux") they make them one speaker's words.
pub const LIST_CONJUNCTIONS: &[&str] =
    &["and", "or", "und", "oder", "et", "ou", "y", "o", "e", "ed", "и", "или", "و", "או"];

/// Words that open a reported clause ("said that Trump …", "sagte, dass …"): a name after one is
/// that clause's subject, not the speaker's.
pub const COMPLEMENTISERS: &[&str] =
    &["that", "whether", "if", "dass", "ob", "que", "qu", "qu’", "che", "se", "что", "чтобы", "كه", "أن", "إن"];

/// Relative pronouns that open a clause about the name before them ("Beck, who has described
/// …"): the clause's verb has that name as its subject.
pub const RELATIVE_PRONOUNS: &[&str] =
    &["who", "qui", "quien", "quienes", "cui", "welcher", "welche", "который", "которая", "которые", "quem"];

/// Conjunctions that open a subordinate clause ("when asked", "als er gefragt wurde"): a verb
/// after one belongs to that clause.
pub const SUBORDINATORS: &[&str] = &[
    "when", "while", "as", "after", "before", "because", "since", "until", "unless", "wenn", "als", "weil", "nachdem",
    "bis", "quand", "jusqu’à", "hasta", "finché", "lorsque", "parce", "cuando", "porque", "quando", "perché", "когда",
];

/// Nouns for documents, polls and records: "according to a copy of the letter", "selon un
/// rapport", "laut einer Studie" name a text as the source, not a person, and then nobody in the
/// sentence is the speaker. Not "statement" or "interview": "a statement from the council", "an
/// interview with Lee" name who speaks.
pub const DOCUMENT_NOUNS: &[&str] = &[
    // English
    "letter", "letters", "report", "reports", "study", "studies", "poll", "polls", "survey", "surveys", "memo", "memos",
    "transcript", "transcripts", "excerpt", "excerpts", "copy", "copies", "filing", "filings", "lawsuit", "complaint",
    "document", "documents", "email", "emails", "e-mail", "e-mails", "records", "data", "analysis", "estimate",
    "estimates", "paper", "papers", "article", "recording", "recordings", "audio", "footage", "figures", "indictment",
    "ruling", "order", "affidavit", "minutes", // French
    "rapport", "étude", "sondage", "lettre", "courrier", "enquête", "chiffres", "note", // German
    "bericht", "studie", "umfrage", "brief", "dokument", "dokumenten", "dokumente", "unterlagen", "akten", "schreiben",
    "zahlen", "berechnungen", // Spanish, Portuguese, Italian
    "informe", "estudio", "encuesta", "carta", "documento", "documentos", "datos", "cifras", "relatório", "estudo",
    "pesquisa", "sondagem", "dados", "rapporto", "studio", "sondaggio", "lettera", "dati",
];

/// Phrases that put the speaker right after them: "according to the ministry".
pub const ACCORDING_TO: &[&[&str]] = &[
    &["according", "to"],
    &["selon"],
    &["d’après"],
    &["d'après"],
    &["laut"],
    &["según"],
    &["به", "گفته"],
    &["segundo"],
    &["secondo"],
    &["по", "словам"],
    &["بحسب"],
    &["وفقا", "لـ"],
];

/// Words allowed between a subject and its verb ("Khan has also said").
pub const AUXILIARIES: &[&str] = &[
    "has", "had", "have", "also", "later", "then", "again", "once", "would", "will", "previously", "earlier",
    "repeatedly", "a", "ont", "avait", "hat", "hatte", "ha", "había", "habían", "han",
];

pub const MALE_PRONOUNS: &[&str] = &["he", "him", "his", "himself", "er", "il", "él", "lui", "ele", "он", "его"];
pub const FEMALE_PRONOUNS: &[&str] =
    &["she", "her", "hers", "herself", "sie", "elle", "ella", "ela", "lei", "она", "её"];
/// Pronouns that resolve to the last person of either gender.
pub const NEUTRAL_PRONOUNS: &[&str] = &["they", "او", "ils", "elles", "ellos", "ellas"];

/// Words that make the person next to them male or female.
pub const MALE_MARKERS: &[&str] = &[
    "mr", "mr.", "sir", "lord", "herr", "monsieur", "m.", "señor", "sr.", "don", "son", "father", "husband", "brother",
    "grandfather", "uncle", "spokesman", "chairman", "businessman", "king", "prince",
];
pub const FEMALE_MARKERS: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "frau", "madame", "mme", "mme.", "señora", "sra.", "doña",
    "daughter", "mother", "wife", "sister", "grandmother", "aunt", "spokeswoman", "chairwoman", "businesswoman",
    "queen", "princess", "bürgermeisterin", "landrätin", "ministerin", "sprecherin", "präsidentin", "kanzlerin",
    "anwohnerin", "ministra", "alcaldesa", "presidenta", "directora", "directrice", "présidente", "vecina",
    "profesora", "concejala",
];

/// Role nouns: words that describe a speaker's office or standing rather than name them.
pub const ROLE_WORDS: &[&str] = &[
    "president", "minister", "prime", "foreign", "secretary", "chancellor", "governor", "mayor", "senator",
    "ambassador", "spokesman", "spokeswoman", "spokesperson", "director", "chief", "executive", "ceo", "chairman",
    "chairwoman", "chair", "general", "commander", "professor", "prof", "dr", "judge", "coach", "captain", "leader",
    "deputy", "head", "officer", "councillor", "councilor", "mp", "engineer", "author", "analyst", "economist",
    "manager", "founder", "lawyer", "attorney", "sheriff", "superintendent", "inspector", "detective", "sergeant",
    "nurse", "doctor", "teacher", "principal", "headteacher", "owner", "resident", "student", "farmer", "official",
    "representative", "adviser", "advisor", "editor", "reporter", "correspondent", "ombudsman", "treasurer",
    "commissioner", "auditor", "transport", "education", "health", "finance", "interior", "defence", "defense",
    "justice", "opposition", "state", "assistant", "vice", "senior", "former", "acting", "interim", "farming",
    "agriculture", "environment", "housing", "culture", "passenger", "shopkeeper", "fisherman", "firefighter",
    "paramedic", "curator", "researcher", "scientist", "historian", "campaigner", "activist", "organiser", "organizer",
    "volunteer", "pastor", "priest", "imam", "rabbi", "mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord",
    "bürgermeister", "bürgermeisterin", "landrat", "landrätin", "stadtrat", "stadträtin", "gemeinderat",
    "gemeinderätin", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "kanzler", "kanzlerin",
    "professorin", "direktor", "direktorin", "chef", "chefin", "leiter", "leiterin", "anwohner", "anwohnerin",
    "pfarrer", "frau", "herr", "maire", "ministre", "président", "présidente", "porte-parole", "directeur",
    "directrice", "professeur", "député", "députée", "sénateur", "préfet", "adjoint", "adjointe", "habitant",
    "habitante", "madame", "monsieur", "mme", "m", "mlle", "dr.", "prof.", "striker", "referee", "teammate",
    "goalkeeper", "midfielder", "defender", "alcalde", "alcaldesa", "ministro", "ministra", "presidenta", "portavoz",
    "directora", "profesor", "profesora", "concejal", "concejala", "gobernador", "vecino", "vecina", "señor", "señora",
    "candidate", "nominee", "host", "anchor", "moderator", "pollster", "strategist", "consultant", "columnist", "aide",
    "ingénieur", "ingénieure", "commerçant", "commerçante", "ingenieur", "ingenieurin", "ingeniero", "ingeniera",
    "comerciante", "engenheiro", "engenheira", "ingegnere",
    // Nouns news gives an unnamed source by ("a person close to …", "a source familiar with …").
    "member", "source", "insider", "staffer", "supporter", "delegate", "person", "woman", "man",
];

/// Role words that qualify an office rather than name one ("former", "foreign", "senior",
/// "transport"): a description that ends on one ("the former") names nobody.
pub const ROLE_MODIFIERS: &[&str] = &[
    "prime", "foreign", "transport", "education", "health", "finance", "interior", "defence", "defense", "justice",
    "opposition", "state", "assistant", "vice", "senior", "former", "acting", "interim", "farming", "agriculture",
    "environment", "housing", "culture", "passenger", "deputy",
];

/// Titles of courtesy, which say how to address someone, not what they do: "Mr" alone describes
/// nobody, and a person's role is not "Mrs".
pub const COURTESY_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mr.", "mrs.", "ms.", "sir", "dame", "herr", "frau", "monsieur", "madame", "mme",
    "mme.", "m.", "mlle", "señor", "señora", "sr.", "sra.",
];

/// Indefinite articles: "a spokesman said" brings in someone the story does not name, never a
/// person named before (whom "the spokesman" may be).
pub const INDEFINITE_ARTICLES: &[&str] =
    &["a", "an", "ein", "eine", "einer", "un", "une", "uno", "una", "um", "uma", "one", "another"];

/// Prepositions that give a work's author right after its title ("“…,” by Ann Lee", "« … »,
/// par Jean Roux", "„…“ von Eva Brandt"), written lower-case: "de", "di" and "da" are left out,
/// since they as often start a phrase about the quotation.
pub const BYLINE_PREPOSITIONS: &[&str] = &["by", "par", "von", "por"];

/// Nouns for a member of a party or camp ("a New Hampshire Republican", "un socialiste", "ein
/// Sozialdemokrat"), singular: as the last word of a description they name a person by
/// affiliation, never a person's surname.
pub const AFFILIATION_NOUNS: &[&str] = &[
    "republican", "democrat", "libertarian", "conservative", "liberal", "progressive", "socialist", "tory",
    "socialiste", "républicain", "républicaine", "écologiste", "sozialdemokrat", "sozialdemokratin", "christdemokrat",
    "christdemokratin", "republicano", "republicana", "socialista", "conservador", "conservadora", "democrata",
    "progressista",
];

/// Capitalised words that begin sentences or name days and months, not people.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "if", "when", "while", "after", "before", "asked",
    "it", "this", "that", "these", "those", "there", "their", "its", "his", "her", "our", "we", "i", "you", "they",
    "he", "she", "as", "for", "from", "with", "by", "to", "of", "one", "another", "some", "many", "most", "all", "no",
    "not", "yet", "still", "however", "meanwhile", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "sources", "officials", "residents", "critics", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "local", "visitors", "several", "both", "each", "every", "viele", "einige",
    "beide", "selon", "según", "laut", "d’après", "segundo", "secondo", "der", "die", "das", "ein", "eine", "le", "la",
    "les", "un", "une", "el", "los", "las", "una", "und", "et", "y", "im", "am", "um", "auf", "mit", "für", "seit",
    "bei", "pour", "avec", "dans", "sur", "en", "con", "para", "por", "del", "des", "despite", "alongside", "although",
    "though", "because", "since", "during", "until", "unless", "whether", "without", "within", "among", "amid",
    "across", "against", "about", "above", "below", "beyond", "like", "unlike", "instead", "indeed", "also", "even",
    "then", "thus", "therefore", "moreover", "furthermore", "besides", "nevertheless", "nonetheless", "near",
    "speaking", "writing", "according", "here", "what", "why", "how", "where", "who", "which", "later", "earlier",
    "now", "today", "yesterday", "tonight", "afterward", "afterwards", "previously", "heute", "gestern", "später",
    "hier", "aujourd’hui", "ensuite", "hoy", "ayer", "después", "oggi", "ieri", "hoje", "ontem",
    // Sentence adverbs that open a sentence before a name ("Perhaps Mr. Comey …")
    "perhaps", "maybe", "probably", "certainly", "surely", "clearly", "obviously", "apparently", "finally", "recently",
    "vielleicht", "peut-être", "quizás", "forse", "talvez",
];

/// Prepositions: a name right after one is an object ("published by The Washington Post").
pub const PREPOSITIONS: &[&str] = &[
    "by", "in", "of", "from", "to", "at", "with", "for", "on", "about", "into", "near", "than", "via", "against",
    "between", "von", "mit", "bei", "nach", "de", "du", "à", "avec", "par", "en", "con", "por", "para", "a",
    // An opening phrase ("Interrogé sur le retard, …", "Befragt über …", "Preguntado sobre …")
    // is told from a subject by its preposition.
    "sur", "pour", "dans", "sous", "über", "aus", "zu", "sobre", "entre", "desde", "em", "su", "per",
];

/// Words that link two role words into one role ("Secretary of State", "Minister for Health"):
/// inside a run of role and name words they do not end it.
pub const ROLE_LINKS: &[&str] = &["of", "for"];

/// Words of time that stand between a subject and its verb with a preposition or determiner
/// ("Beck on Wednesday called", "Ms. Lee last week wrote"): skipped on the way to the subject.
pub const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
    "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/// Words that open a time phrase before a [`TIME_WORDS`] word ("on Sunday", "last week").
pub const TIME_LEADS: &[&str] = &["on", "in", "last", "this", "that", "earlier", "late", "early", "next", "every"];

/// Name particles that may stand lower-case inside a name (Ursula von der Leyen, Ana de Souza).
pub const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "bin", "ibn", "al", "el", "le", "la", "y",
    "dos", "das",
];

/// Whether the full stop after `word` (as written, without the stop) is an abbreviation's, not a
/// sentence's end: a title ("Sen", "Mme"), a name suffix ("Jr") or initials ("F", "J.M").
pub fn abbreviation_before_stop(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    if !first.is_some_and(char::is_uppercase) {
        return false;
    }
    // Initials written together ("J.M. Berger", "J.J. MacNab"): each a capital between stops.
    if word.split('.').all(|part| {
        let mut c = part.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    }) {
        return true;
    }
    let lower = word.to_lowercase();
    is_title_abbreviation(&lower) || is_other_abbreviation(&lower)
}

/// Role words in Chinese and Japanese, stripped from either side of a name.
pub const CJK_ROLES: &[&str] = &[
    "校长", "校長", "家长", "家長", "主任", "局长", "局長", "市长", "市長", "部长", "部長", "总统", "總統", "主席",
    "教授", "经理", "經理", "负责人", "負責人", "发言人", "發言人", "会长", "會長", "老师", "老師", "医生", "醫生",
    "记者", "記者", "市民", "居民", "学生", "學生", "村民", "店主", "老板", "老闆", "議員", "议员", "社長", "社长",
    "知事", "大臣", "首相", "委員長", "代表", "課長", "理事长", "理事長", "董事长", "董事長", "总经理", "總經理",
    "自治会長", "自治会长", "区长", "區長", "镇长", "鎮長", "村长", "村長", "厂长", "廠長", "院长", "院長", "所长",
    "所長", "馆长", "館長", "店长", "店長", "先生", "女士", "小姐", "さん", "氏", "様", "君", "ちゃん", "博士", "师傅",
    "師傅", "阿姨", "大爷", "大爺", "奶奶", "爷爷", "爺爺", "组长", "組長",
];

/// Chinese and Japanese reporting words.
pub const CJK_VERBS: &[&str] = &[
    "表示", "指出", "强调", "強調", "认为", "認為", "写道", "寫道", "坦言", "透露", "告诉", "告訴", "补充", "補充",
    "说道", "說道", "说", "說", "称", "稱", "问", "問", "答", "述べた", "語った", "話した", "言った", "説明した",
    "強調した", "述べ", "語り", "話し",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_list_names_a_word_twice() {
        let lists: &[(&str, &[&str])] = &[
            ("SPEECH_VERBS", SPEECH_VERBS),
            ("AUXILIARIES", AUXILIARIES),
            ("MALE_MARKERS", MALE_MARKERS),
            ("FEMALE_MARKERS", FEMALE_MARKERS),
            ("ROLE_WORDS", ROLE_WORDS),
            ("NOT_NAMES", NOT_NAMES),
            ("PREPOSITIONS", PREPOSITIONS),
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("CJK_ROLES", CJK_ROLES),
            ("CJK_VERBS", CJK_VERBS),
            ("TITLE_ABBREVIATIONS", TITLE_ABBREVIATIONS),
            ("OTHER_ABBREVIATIONS", OTHER_ABBREVIATIONS),
            ("ORGANISATION_WORDS", ORGANISATION_WORDS),
            ("PLACE_PREFIXES", PLACE_PREFIXES),
            ("PLACE_HEADS", PLACE_HEADS),
            ("REFERENCE_HEADINGS", REFERENCE_HEADINGS),
            ("UNCASED_ROLE_WORDS", UNCASED_ROLE_WORDS),
            ("TITLE_NOUNS", TITLE_NOUNS),
            ("MINOR_TITLE_WORDS", MINOR_TITLE_WORDS),
            ("NAMING_VERBS", NAMING_VERBS),
            ("ROLE_LINKS", ROLE_LINKS),
            ("TIME_WORDS", TIME_WORDS),
            ("TIME_LEADS", TIME_LEADS),
            ("OBJECT_VERBS", OBJECT_VERBS),
            ("SPEAKING_OF_VERBS", SPEAKING_OF_VERBS),
            ("DOCUMENT_NOUNS", DOCUMENT_NOUNS),
            ("CLAUSE_CONJUNCTIONS", CLAUSE_CONJUNCTIONS),
            ("COMPLEMENTISERS", COMPLEMENTISERS),
            ("RELATIVE_PRONOUNS", RELATIVE_PRONOUNS),
            ("SUBORDINATORS", SUBORDINATORS),
        ];
        for (name, words) in lists {
            let mut seen = std::collections::HashSet::new();
            for w in *words {
                assert!(seen.insert(w), "{name} has {w:?} twice");
            }
        }
    }
}
