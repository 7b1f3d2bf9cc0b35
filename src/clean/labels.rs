//! Furniture labels: the assembled blocks in, without the blocks whose whole text is a label such
//! as "Advertisement", "Share this post" or "Lesen Sie auch", the short "read this too" blurbs
//! that start with such a lead-in ("Read more: …", "LE PUEDE INTERESAR: …"), and the short
//! credit, tag, copyright and comment lines that close an article out, each recorded where it
//! stood.

use crate::model::{Block, BlockKind, Furniture, Inline, Reason, Removal};
use crate::text::credit::{ends_with_credit, MAX_CREDIT_WORDS};
use crate::text::is_cjk;
use crate::text::normalize::normalize;

/// Whole-block texts (normalised) that are page furniture wherever they stand: ad labels, skip
/// links, "read next" and share prompts, image placeholders. Only blocks of at most
/// [`MAX_FURNITURE_PHRASE_WORDS`] words are compared, so prose that uses these words stays.
const FURNITURE_PHRASES: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "promoted",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "read next",
    "read more",
    "next article",
    "previous article",
    "next story",
    "continue reading",
    "share this post",
    "share this article",
    "share this story",
    "share",
    "share on facebook",
    "share on twitter",
    "related",
    "related articles",
    "related stories",
    "related news",
    "more stories",
    "most read",
    "most popular",
    "most viewed",
    "latest news",
    "latest",
    "you may also like",
    "recommended",
    "recommended for you",
    "subscribe",
    "subscribe now",
    "sign up",
    "follow us",
    "comments",
    "leave a comment",
    "thumbnail",
    "loading",
    "watch live",
    "listen to this article",
    "print",
    "email",
    "back to top",
    "tags",
    "topics",
    "publicité",
    "publicidad",
    "anzeige",
    "werbung",
    "lire aussi",
    "à lire aussi",
    "leer más",
    "lee también",
    "weiterlesen",
    "lesen sie auch",
    "تبلیغات",
    "إعلان",
    // Ad labels, "more on this" headings and end-of-page prompts in the languages of the pages
    // Lectern meets most (English, German, French, Spanish, Portuguese, Italian, Polish).
    "reklama",
    "publicidade",
    "pubblicità",
    "mehr zum thema",
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "mehr themen",
    "weitere artikel",
    "you might also like",
    "more on this topic",
    "related coverage",
    "related content",
    "sur le même sujet",
    "te puede interesar",
    "le puede interesar",
    "noticias relacionadas",
    "leia também",
    "veja também",
    "czytaj także",
    "czytaj też",
    "leggi anche",
    "about the author",
    "über den autor",
    "über die autorin",
    "comments are closed",
    "kommentare sind geschlossen",
    "no comments",
    "keine kommentare",
    "drucken",
    "drukuj",
    "imprimir",
    "imprimer",
    "nach oben",
    "zurück",
    "back to list",
    "back to overview",
    "zurück zur liste",
    "zurück zur übersicht",
    "zurück zur startseite",
    "retour à la liste",
    "volver al listado",
    "torna all'elenco",
    "wird geladen",
    "gefällt mir wird geladen",
    // Placeholders of embeds held back until the reader consents, and the controls of pictures,
    // source lists and recipes: interface text, not the story's.
    "externer inhalt",
    "external content",
    "contenu externe",
    "contenido externo",
    "bild anzeigen",
    "bild vergrößern",
    "click to enlarge",
    "zum vergrößern klicken",
    "show more",
    "show less",
    "mehr anzeigen",
    "weniger anzeigen",
    "quellen anzeigen",
    "quellen ausblenden",
    "print recipe",
    "jump to recipe",
    "rezept drucken",
    "zum rezept springen",
    "imprimer la recette",
    "imprimir receta",
    // The disclaimer German service pages close a list of figures with.
    "alle angaben ohne gewähr",
    // Comment-form and "load more" controls, and "more information" headings left behind by the
    // links they headed.
    "kommentare schreiben",
    "kommentar schreiben",
    "write a comment",
    "add a comment",
    "post a comment",
    "écrire un commentaire",
    "escribir un comentario",
    "napisz komentarz",
    "lade weitere inhalte",
    "weitere inhalte laden",
    "mehr laden",
    "load more",
    "charger plus",
    "cargar más",
    "carica altri",
    "weitere informationen",
    "weiterführende links",
    "weiterführender link",
    // "Latest" and "related" headings left behind by the lists they headed, and ad labels, in
    // the languages the lists above leave out.
    "neueste artikel",
    "neueste beiträge",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "articles similaires",
    "derniers articles",
    "artículos relacionados",
    "últimas noticias",
    "artigos relacionados",
    "últimas notícias",
    "articoli correlati",
    "ultime notizie",
    "powiązane artykuły",
    "najnowsze artykuły",
    "похожие статьи",
    "последние новости",
    "реклама",
    "benzer haberler",
    "ilgili haberler",
    "son haberler",
    "reklam",
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "آخر الأخبار",
    "مطالب مرتبط",
    "آخرین اخبار",
    "相关文章",
    "相关阅读",
    "最新文章",
    "广告",
    "関連記事",
    "最新記事",
    "広告",
];

/// Lead-ins of "read this too" blurbs: a block that starts with one of these (lower-cased, after
/// any leading arrows or dashes) and is at most [`MAX_BLURB_WORDS`] long points at another story
/// wherever it stands. Words that also start ordinary sentences ("Mira, …", "Related to …") are
/// listed with the colon that makes them labels. "See also" and its translations are left out:
/// encyclopedias use them for cross-references that belong to the text.
const READ_ALSO_LEADS: &[&str] = &[
    "read more:",
    "read also",
    "also read",
    "read next:",
    "related:",
    "more on this",
    "you may also like",
    "you might also like",
    "lesen sie auch",
    "lesen sie hier",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "weiterlesen:",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "le puede interesar",
    "te puede interesar",
    "también te puede interesar",
    "puede interesarte",
    "lea también",
    "lee también",
    "mira:",
    "mire:",
    "puedes ver:",
    "leia também",
    "leia mais:",
    "veja também",
    "czytaj też",
    "czytaj także",
    "czytaj więcej",
    "leggi anche",
    "leggi pure",
    "zum weiterlesen",
    "auch lesen:",
    "schon gelesen?",
    "vea también",
    // A blog's links to the posts before and after this one.
    "nachfolgebeitrag:",
    "vorgängerbeitrag:",
    "nächster beitrag:",
    "vorheriger beitrag:",
    "next post:",
    "previous post:",
    "article précédent",
    "article suivant",
    "entrada anterior",
    "entrada siguiente",
    "lea más",
    "lee más:",
    "leer más:",
    "lea:",
    "lee:",
    "leia:",
    "lire:",
    "zobacz też",
    "zobacz także",
    "przeczytaj też",
    "przeczytaj także",
    // Russian, Turkish, Arabic, Persian, Chinese, Japanese
    "читайте также",
    "читайте:",
    "ayrıca okuyun",
    "ilginizi çekebilir",
    "bunu da okuyun",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "اقرأ أيضًا",
    "بیشتر بخوانید",
    "بخوانید:",
    "همچنین بخوانید",
    "相关阅读",
    "延伸阅读",
    "推荐阅读",
    "関連記事",
    "あわせて読みたい",
];

/// Lead-ins of prompts that ask the reader to do something for the site — subscribe, follow it
/// elsewhere, get its app or newsletter, write in, support it — wherever they stand in the story
/// (sites put them between paragraphs as often as after the last). Each is a request addressed
/// to the reader, which a story's own short paragraph does not open with; only blocks of at most
/// [`MAX_BLURB_WORDS`] words and [`MAX_BLURB_CHARS`] characters are compared.
const CALL_TO_ACTION_LEADS: &[&str] = &[
    // English
    "subscribe to",
    "subscribe now",
    "subscribe for",
    "sign up for our",
    "sign up to our",
    "sign up for the",
    "follow us on",
    "follow us:",
    "like us on facebook",
    "join us on",
    "download our app",
    "download the app",
    "get our newsletter",
    "never miss a",
    "never miss the",
    "support our journalism",
    "support independent journalism",
    "we want to hear",
    "tell us what you think",
    "if you enjoyed",
    "did you enjoy this",
    "was this article helpful",
    "already a subscriber",
    "to view the full story",
    "to continue reading",
    "you are not logged in",
    "you must be logged in",
    "we respect your privacy",
    "for the latest stories",
    "for the latest news",
    "for more news",
    "get the latest news",
    "get the latest stories",
    "get breaking news",
    "submit your letter",
    "submit a letter",
    // WordPress's notice under every comment form, in the languages it ships in.
    "this site uses akismet",
    "diese website verwendet akismet",
    "ce site utilise akismet",
    "este sitio usa akismet",
    "questo sito utilizza akismet",
    "ten serwis wykorzystuje akismet",
    "du musst eingeloggt sein",
    "du musst angemeldet sein",
    "sie müssen eingeloggt sein",
    // German
    "abonnieren sie",
    "abonniere unseren",
    "abonniere jetzt",
    "jetzt abonnieren",
    "folgen sie uns",
    "folge uns",
    "melden sie sich für unseren",
    "jetzt zum newsletter",
    "kostenlos zum newsletter",
    "hat ihnen der artikel gefallen",
    "hat dir der artikel gefallen",
    "hat ihnen dieser artikel gefallen",
    "hat dir dieser artikel gefallen",
    "gefällt dir unser",
    "gefällt ihnen unser",
    "war der artikel hilfreich",
    "war der artikel nützlich",
    "war dieser artikel hilfreich",
    "möchten sie den artikel teilen",
    "sie sind nicht eingeloggt",
    "sie sind aktuell nicht eingeloggt",
    "sie müssen angemeldet sein",
    "wir respektieren deine privatsphäre",
    "wir respektieren ihre privatsphäre",
    "unterstützen sie unsere",
    "unterstütze unsere",
    // French
    "abonnez-vous",
    "suivez-nous",
    "inscrivez-vous à notre",
    "recevez notre newsletter",
    "soutenez notre",
    "cet article vous a plu",
    "vous devez être connecté",
    // Spanish
    "suscríbete",
    "suscríbase",
    "síguenos en",
    "siguenos en",
    "síganos en",
    "únete a nuestro",
    "únase a nuestro",
    "descarga nuestra app",
    "descarga la app",
    "hazte miembro",
    "apoya el periodismo",
    "debes iniciar sesión",
    // Portuguese
    "assine a newsletter",
    "assine nossa",
    "assine já",
    "siga-nos",
    "inscreva-se",
    "receba nossa newsletter",
    "baixe o app",
    "baixe nosso app",
    // Italian
    "iscriviti alla",
    "iscriviti alla nostra",
    "seguici su",
    "abbonati",
    // Polish
    "zapraszamy do subskrypcji",
    "zapraszamy też do subskrypcji",
    "subskrybuj",
    "zapisz się do newslettera",
    "obserwuj nas",
    "śledź nas",
    // Russian
    "подписывайтесь на",
    "подпишитесь на",
    "следите за нами",
    // Turkish
    "bizi takip edin",
    "abone olun",
    "abone ol",
    // Arabic, Persian
    "تابعونا على",
    "اشترك في",
    "ما را دنبال کنید",
    "عضو کانال",
    // Chinese, Japanese
    "关注我们",
    "订阅我们",
    "欢迎关注",
    "フォローしてください",
    "購読する",
];

/// The words of a site's prompt to allow push notifications, which opens with the site's name
/// ("POPSUGAR would like to send you push notifications"), so matched anywhere in a short block.
const PUSH_PROMPT_PHRASES: &[&str] = &[
    "send you push notifications",
    "allow push notifications",
    "enable push notifications",
    "push-benachrichtigungen aktivieren",
    "push-benachrichtigungen erlauben",
    "activer les notifications",
    "activar las notificaciones",
    "attiva le notifiche",
    "włącz powiadomienia",
];

/// Whether `text`, lower-cased, holds one of `phrases`.
fn contains_phrase(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_lowercase();
    phrases.iter().any(|p| lower.contains(p))
}

/// Lead-ins of an advertisement's label followed by its pitch ("ANZEIGE - Heute mal ausgehen?").
/// With the dash or colon only: "Anzeige" also starts German sentences about police reports.
const AD_LEADS: &[&str] = &[
    "anzeige -",
    "anzeige –",
    "anzeige:",
    "werbung:",
    "werbung -",
    "advertisement:",
    "advertisement -",
    "sponsored:",
    "publicidad:",
    "publicité:",
    "reklama:",
    "pubblicità:",
    "werbung.",
    "anzeige,",
    "dieser beitrag enthält werbung",
    "dieser artikel enthält werbung",
    "this post contains affiliate links",
    "this article contains affiliate links",
    "este artículo contiene enlaces de afiliados",
    "cet article contient des liens affiliés",
];

/// Lead-ins of a picture's credit line. A block this short that opens so is a credit wherever it
/// stands; mid-story, "Photo: …" never starts a sentence of prose.
const CREDIT_LEADS: &[&str] = &[
    "foto:", "fotos:", "foto ©", "photo:", "photos:", "photo ©", "bild:", "bilder:", "image:", "images:", "imagen:",
    "imágenes:", "credit:", "credits:", "titelbild:", "beitragsbild:", "photo credit", "image credit", "crédito:",
    "crédit photo", "crédits photos", "fotografía:", "fotografia:", "zdjęcie:", "fot.", "фото:", "صورة:", "عکس:",
    "写真：", "图片：", "(foto:", "(photo:", "(bild:", "(crédito:", "(quelle:",
];

/// Labels of a table of contents. The label is furniture when it is left behind, its list of
/// in-page links gone (a widget the reader cannot use outside the page); over the list it is
/// the list's heading.
const TABLE_OF_CONTENTS_LABELS: &[&str] = &[
    "table of contents", "contents", "inhaltsverzeichnis", "inhalt", "sommaire", "table des matières", "índice",
    "contenido", "indice", "sommario", "spis treści", "содержание", "içindekiler", "فهرست مطالب", "المحتويات", "目录",
    "目次",
];

/// Lead-ins of a source line ("Quelle: Landesregierung Hessen", "Fuente: INE"): a block of at most
/// [`MAX_SOURCE_LINE_WORDS`] words that opens with one credits a figure or a table, wherever it
/// stands; longer, "Source:" may introduce a quotation.
const SOURCE_LEADS: &[&str] = &[
    "quelle:", "quellen:", "source:", "sources:", "fuente:", "fuentes:", "fonte:", "fontes:", "fonti:", "źródło:",
    "источник:", "kaynak:", "المصدر:", "منبع:", "来源：", "出典：",
];

/// A source line names a source or two, not a sentence.
const MAX_SOURCE_LINE_WORDS: usize = 5;

/// Lead-ins of the lines that close an article out: tags and categories, sources,
/// copyright and licence lines, comment status, update stamps. Only blocks of at most
/// [`MAX_BLURB_WORDS`] in the article's tail (no paragraph of [`TAIL_PROSE_WORDS`] follows) are
/// compared: mid-story, "Source:" may introduce a quotation.
const CLOSING_LEADS: &[&str] = &[
    "tags:",
    "tagged:",
    "tagged with",
    "schlagwörter",
    "stichwörter:",
    "etiquetas:",
    "étiquettes",
    "tagi:",
    "filed under",
    "posted in",
    "this entry was posted",
    "categories:",
    "kategorien:",
    "kategorie:",
    "quelle:",
    "quellen:",
    "quellenangaben",
    "source:",
    "sources:",
    "fuente:",
    "fuentes:",
    "źródło:",
    "fonte:",
    // The writer's line at the foot of a post, and where to read more.
    "verfasst von",
    "geschrieben von",
    "von:",
    "autor:",
    "autorin:",
    "author:",
    "posted by",
    "publié par",
    "publicado por",
    "pubblicato da",
    "weitere infos unter",
    "weitere informationen unter",
    "mehr infos unter",
    "more information at",
    "más información en",
    "plus d'informations sur",
    // Licence, copyright and opinion disclaimers.
    "this work is licensed",
    "this article is licensed",
    "licensed under a creative commons",
    "dieses werk ist lizenziert",
    "dieser text wurde veröffentlicht unter der lizenz",
    "dieser beitrag steht unter",
    "sofern nicht anders ausgewiesen",
    "sofern nicht anders angegeben",
    "except where otherwise noted",
    "sauf mention contraire",
    "materiał chroniony prawem autorskim",
    "the views expressed",
    "the opinions expressed",
    "dieser beitrag gibt die meinung",
    "les opinions exprimées",
    "las opiniones expresadas",
    "©",
    "(c) ",
    "copyright",
    "all rights reserved",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "tous droits réservés",
    "updated:",
    "updated at",
    "last updated",
    "aktualisiert am",
    "zuletzt aktualisiert",
    "publiziert:",
    "mise à jour",
    "actualizado:",
    // The press office's contact block that closes a press release.
    "kontakt:",
    "pressekontakt",
    "ansprechpartner:",
    "ansprechpartnerin:",
    "ansprechpartner zum thema",
    "ansprechpartnerin zum thema",
    "contact:",
    "press contact",
    "media contact",
    "contact presse",
    "contacto:",
    "contacto de prensa",
    "contato:",
    "contatti:",
    "kontakt dla mediów",
    "контакты:",
    "comments are closed",
    "kommentare sind geschlossen",
    "kommentare geschlossen",
    "no comments",
    "keine kommentare",
    "aucun commentaire",
    "sin comentarios",
    "brak komentarzy",
    "les commentaires sont fermés",
    "los comentarios están cerrados",
    "comentarios cerrados",
];

/// Blurbs and closing lines are short: a headline behind a lead-in, a credit, a tag list.
const MAX_BLURB_WORDS: usize = 30;
/// ... and in scripts written without spaces, short in characters.
const MAX_BLURB_CHARS: usize = 250;

/// A paragraph this long is the story's prose: closing lines are looked for only after the last one.
const TAIL_PROSE_WORDS: usize = 40;

/// Blocks longer than this many words are never furniture phrases.
const MAX_FURNITURE_PHRASE_WORDS: usize = 6;

/// Drop blocks whose whole text is a furniture phrase; each removal stands before the block that
/// followed it.
pub fn remove_labels(blocks: Vec<Block>) -> (Vec<Block>, Vec<Removal>) {
    let tail_start = blocks
        .iter()
        .rposition(|b| b.kind == BlockKind::Paragraph && b.text.split_whitespace().nth(TAIL_PROSE_WORDS - 1).is_some())
        .map_or(0, |i| i + 1);
    let mut kept = Vec::with_capacity(blocks.len());
    let mut removed = Vec::new();
    let mut rest = blocks.into_iter().enumerate().peekable();
    while let Some((i, b)) = rest.next() {
        let next_kind = rest.peek().map(|(_, next)| next.kind);
        let textual = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading | BlockKind::Quote);
        let furniture = if textual { furniture_of(&b, i >= tail_start, next_kind) } else { None };
        if let Some(furniture) = furniture {
            removed.push(Removal { reason: Reason::Furniture(furniture), text: b.text, position: Some(kept.len()) });
        } else {
            kept.push(b);
        }
    }
    (kept, removed)
}

/// Every rule of [`furniture_of`] asks whether a block has at most so many words; counting stops
/// one past the largest, so a long paragraph is not counted through to its end.
const WORDS_COUNTED: usize = 1 + max_of(&[
    MAX_FURNITURE_PHRASE_WORDS, MAX_DATE_LINE_WORDS, MAX_BLURB_WORDS, MAX_CREDIT_WORDS, MAX_SOURCE_LINE_WORDS,
    MAX_TEASER_WORDS,
]);

const fn max_of(values: &[usize]) -> usize {
    let (mut max, mut i) = (0, 0);
    while i < values.len() {
        if values[i] > max {
            max = values[i];
        }
        i += 1;
    }
    max
}

/// What textual block `b` is, if it is furniture: `in_tail` when it comes after the story's last
/// paragraph of prose, `next_kind` the kind of the block after it.
fn furniture_of(b: &Block, in_tail: bool, next_kind: Option<BlockKind>) -> Option<Furniture> {
    let words = b.text.split_whitespace().take(WORDS_COUNTED).count();
    let blurb = words <= MAX_BLURB_WORDS && b.text.chars().nth(MAX_BLURB_CHARS).is_none();
    // Made when a lead rule first asks: a long paragraph reaches none of them.
    let head = std::cell::OnceCell::new();
    let starts_with = |leads: &[&str]| head_starts_with_lead(head.get_or_init(|| lead_head(&b.text)), leads);
    if words <= MAX_FURNITURE_PHRASE_WORDS && is_label(b, next_kind) {
        Some(Furniture::Label)
    } else if words <= MAX_DATE_LINE_WORDS && is_bare_date_or_time(&b.text) {
        Some(Furniture::Dateline)
    } else if words <= MAX_BLURB_WORDS && starts_with(READ_ALSO_LEADS) {
        Some(Furniture::RelatedStories)
    } else if blurb && (starts_with(CALL_TO_ACTION_LEADS) || contains_phrase(&b.text, PUSH_PROMPT_PHRASES)) {
        Some(Furniture::CallToAction)
    } else if blurb && starts_with(AD_LEADS) {
        Some(Furniture::Advertisement)
    } else if (words <= MAX_CREDIT_WORDS && starts_with(CREDIT_LEADS))
        || (words <= MAX_SOURCE_LINE_WORDS && starts_with(SOURCE_LEADS))
        || (b.kind == BlockKind::Paragraph && blurb && ends_with_credit(&b.text))
    {
        Some(Furniture::Credit)
    } else if is_reading_time(&b.text) || (blurb && is_field_row(&b.text)) {
        Some(Furniture::PostDetails)
    } else if b.kind == BlockKind::Paragraph && is_agency_signature(&b.text) {
        Some(Furniture::Signature)
    } else if in_tail && words <= MAX_BLURB_WORDS && starts_with(CLOSING_LEADS) {
        Some(Furniture::Footer)
    } else if b.kind == BlockKind::Paragraph
        && ((words <= MAX_TEASER_WORDS && ends_with_read_more(&b.text))
            || (in_tail && blurb && is_lone_headline_link(b)))
    {
        Some(Furniture::RelatedStories)
    } else {
        None
    }
}

/// Whether paragraph `b` is one link and nothing else (emphasis around it aside) whose words are
/// a headline or a "go here" line: after the story's last paragraph of prose, such a line points
/// the reader at another page. A link whose text is an address (`www.…`, `…@…`) is the story's own
/// reference, and one to a document ([`ATTACHMENT_EXTENSIONS`]) the story's own attachment: both
/// stay.
fn is_lone_headline_link(b: &Block) -> bool {
    fn lone_link(content: &[Inline]) -> Option<&str> {
        let mut parts = content.iter().filter(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()));
        match (parts.next(), parts.next()) {
            (Some(Inline::Link { href, .. }), None) => Some(href),
            (Some(styled @ (Inline::Emphasis { .. } | Inline::Strong { .. })), None) => {
                lone_link(styled.children().unwrap_or_default())
            }
            _ => None,
        }
    }
    let Some(href) = lone_link(&b.content) else { return false };
    let attachment = crate::urls::file_extension(href).is_some_and(|ext| ATTACHMENT_EXTENSIONS.contains(&&*ext));
    let address = b.text.split_whitespace().any(|w| w.contains('@') || w.contains("://") || w.starts_with("www."));
    !attachment && !address
}

/// Whether block `b`, followed by a block of kind `next_kind`, is only a furniture label: one of
/// [`FURNITURE_PHRASES`], a row of them as links, or a table of contents' label whose list is
/// gone.
fn is_label(b: &Block, next_kind: Option<BlockKind>) -> bool {
    let text = normalize(&b.text);
    FURNITURE_PHRASES.contains(&text.as_str())
        || only_furniture_links(&b.content)
        || (next_kind != Some(BlockKind::List) && TABLE_OF_CONTENTS_LABELS.contains(&text.trim_end_matches(':')))
}

/// Whether `content` is two or more links and nothing else (separators and spaces aside), each
/// link's text a [`FURNITURE_PHRASES`] label: a row of controls set without spaces between them
/// ("Jump to RecipePrint Recipe", "Share|Tweet"), whose joined text no single phrase matches.
fn only_furniture_links(content: &[Inline]) -> bool {
    let mut links = 0;
    for inline in content {
        match inline {
            Inline::Link { children, .. } => {
                let text = crate::model::inline_text(children);
                if !FURNITURE_PHRASES.contains(&normalize(&text).as_str()) {
                    return false;
                }
                links += 1;
            }
            Inline::Text { text } if text.chars().all(|c| c.is_whitespace() || "|·•/–-".contains(c)) => {}
            _ => return false,
        }
    }
    links >= 2
}

/// A row of a post's fields has at least this many `|`-separated parts ...
const MIN_FIELD_ROW_PARTS: usize = 3;
/// ... of which at least this many are a label and its value ("Aufrufe: 1120", "Tags: Denken").
const MIN_FIELD_ROW_FIELDS: usize = 2;
/// A field's label is a few words.
const MAX_FIELD_LABEL_CHARS: usize = 25;

/// Whether `text` is a row of the post's fields set apart by bars ("Aufrufe: 1120 | Hinzugefügt
/// von: Posh | Tags: Denken, Bilder | Rating: 0.0/0"): the theme's details, not the story's words.
fn is_field_row(text: &str) -> bool {
    let parts: Vec<&str> = text.split('|').map(str::trim).filter(|p| !p.is_empty()).collect();
    let is_field = |part: &&&str| {
        part.split_once(':').is_some_and(|(label, value)| {
            let label = label.trim();
            !label.is_empty()
                && label.chars().count() <= MAX_FIELD_LABEL_CHARS
                && label.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-')
                && !value.trim().is_empty()
        })
    };
    parts.len() >= MIN_FIELD_ROW_PARTS && parts.iter().filter(is_field).count() >= MIN_FIELD_ROW_FIELDS
}

/// Words that close a teaser, pointing at the rest on another page ("… Seht selbst! Weiterlesen",
/// "… [czytaj więcej]", "… mehr •••").
const READ_MORE_ENDINGS: &[&str] = &[
    "read more", "continue reading", "weiterlesen", "mehr lesen", "lire la suite", "lire plus", "leer más",
    "seguir leyendo", "leia mais", "continua a leggere", "leggi tutto", "czytaj więcej", "czytaj dalej",
    "читать далее", "подробнее", "devamını oku", "ادامه مطلب", "اقرأ المزيد", "阅读全文", "続きを読む",
];

/// The one word that follows a teaser cut short with an ellipsis ("… mehr", "… more").
const MORE_WORDS: &[&str] =
    &["more", "mehr", "plus", "más", "mais", "più", "więcej", "далее", "ещё", "devamı", "المزيد", "بیشتر", "更多"];

/// A teaser is a sentence or two.
const MAX_TEASER_WORDS: usize = 50;

/// Whether `text` ends with one of [`READ_MORE_ENDINGS`] (bullets, arrows and brackets around it
/// aside), after some words of its own, or is cut short with an ellipsis and a link word or two
/// ("Auskunft über vergangenes Wetter… mehr •••").
fn ends_with_read_more(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let cut_short = trimmed.rfind(['…']).or_else(|| trimmed.rfind("...")).is_some_and(|at| {
        let (before, after) = trimmed.split_at(at);
        let after = after.trim_start_matches(['…', '.']).trim();
        (MORE_WORDS.contains(&after) || READ_MORE_ENDINGS.contains(&after)) && before.split_whitespace().count() >= 3
    });
    cut_short
        || READ_MORE_ENDINGS.iter().any(|ending| {
            trimmed.strip_suffix(ending).is_some_and(|before| {
                // The ending is a word of its own, after a sentence or a mark, not "Nimmermehr".
                before.ends_with(|c: char| !c.is_alphanumeric()) && before.split_whitespace().count() >= 3
            })
        })
}

/// Files a story offers for download: a link to one is part of the story, wherever it stands.
const ATTACHMENT_EXTENSIONS: &[&str] =
    &["pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "zip", "epub", "mp3"];

/// A block that is only a date and a time ("23.10.2018", "2019-11-17 | 15:14", "3:59 PM") has at
/// most this many words.
const MAX_DATE_LINE_WORDS: usize = 5;

/// Whether `text` is a date or a time in figures and nothing else: the stamp a theme prints above
/// or below a post, which says nothing the article's date does not. Digits in the page's own
/// script count too (Arabic-Indic, Devanagari …: `char::is_numeric`); a line with any word in
/// it, a bare number ("1984", a score "2:1") or a length ("8:09") is not such a stamp.
fn is_bare_date_or_time(text: &str) -> bool {
    let is_separator = |c: char| matches!(c, '.' | '/' | '-' | ':' | ',' | '|' | '–' | '·') || c.is_whitespace();
    let mut groups: Vec<(usize, Option<char>)> = Vec::new(); // (digits in the group, separator after it)
    let mut rest = text.trim();
    let mut clock_word = false;
    // A trailing clock word: "3:59 PM", "19:49 Uhr", "10h".
    for clock in ["am", "pm", "a.m.", "p.m.", "uhr", "h"] {
        if rest.len() > clock.len()
            && rest.is_char_boundary(rest.len() - clock.len())
            && rest[rest.len() - clock.len()..].eq_ignore_ascii_case(clock)
        {
            rest = rest[..rest.len() - clock.len()].trim_end();
            clock_word = true;
            break;
        }
    }
    let mut digits = 0;
    for c in rest.chars() {
        if c.is_numeric() {
            digits += 1;
        } else if is_separator(c) {
            if digits > 0 {
                groups.push((digits, Some(c)));
                digits = 0;
            }
        } else {
            return false;
        }
    }
    if digits > 0 {
        groups.push((digits, None));
    }
    // A date is three groups of figures (day, month, year in any order); a time, an hour and
    // two-figure minutes after a colon, said to be one by a clock word or a date beside it (alone,
    // "8:09" is as likely a video's length).
    let date = groups.windows(3).any(|g| g.iter().all(|(n, _)| *n <= 4) && g.iter().any(|(n, _)| *n >= 2));
    let time = groups.windows(2).any(|g| g[0].1 == Some(':') && g[0].0 <= 2 && g[1].0 == 2);
    date || (time && clock_word)
}

/// Phrases of a reading-time line ("5 min read", "Lesezeit: 3 Minuten", "Ten tekst przeczytasz w
/// 2 minuty"): a block of at most [`MAX_READING_TIME_WORDS`] words (or
/// [`MAX_READING_TIME_CHARS`] characters) holding one is the theme's estimate, not the story's.
const READING_TIME_PHRASES: &[&str] = &[
    "min read", "mins read", "minute read", "minutes read", "reading time", "read time", "lesezeit", "lesedauer",
    "min. lesen", "temps de lecture", "min de lecture", "minutes de lecture", "tiempo de lectura", "min de lectura",
    "minutos de lectura", "tempo de leitura", "min de leitura", "minutos de leitura", "tempo di lettura",
    "min di lettura", "minuti di lettura", "czas czytania", "przeczytasz", "время чтения", "мин чтения",
    "минут чтения", "okuma süresi", "dakikalık okuma", "dk okuma", "زمان مطالعه", "دقیقه مطالعه", "وقت القراءة",
    "دقائق للقراءة", "阅读时间", "分钟阅读", "閱讀時間", "読了時間", "分で読めます",
];

/// Reading-time lines are a few words: "Lesezeit: 3 Minuten", "5 min read · Updated".
const MAX_READING_TIME_WORDS: usize = 10;
/// ... or in scripts written without spaces, a few characters.
const MAX_READING_TIME_CHARS: usize = 30;

/// Whether `text` is a reading-time line.
fn is_reading_time(text: &str) -> bool {
    if text.split_whitespace().nth(MAX_READING_TIME_WORDS).is_some()
        || text.chars().nth(MAX_READING_TIME_CHARS * 3).is_some()
        || (text.chars().any(is_cjk) && text.chars().nth(MAX_READING_TIME_CHARS).is_some())
    {
        return false;
    }
    contains_phrase(text, READING_TIME_PHRASES)
}

/// Initials that sign off a wire story have at least this many letters a part ("AP", "sda"; one
/// letter a part is an abbreviation such as "N/A") ...
const MIN_SIGNATURE_PART_CHARS: usize = 2;
/// ... and at most this many ("aja", "PAP", "lnw", "reuters" is a word) ...
const MAX_SIGNATURE_PART_CHARS: usize = 6;
/// ... and a signature at most this many of them, space-separated ("red/dpa/AFP lnw/hes").
const MAX_SIGNATURE_TOKENS: usize = 3;

/// Whether `text` is only agency and editor initials joined by slashes, maybe in brackets:
/// "aja/PAP", "(dpa/lnw)", "sda/mse". Each token has a slash between letter groups of
/// [`MIN_SIGNATURE_PART_CHARS`] to [`MAX_SIGNATURE_PART_CHARS`]; words of prose have no slash
/// inside.
fn is_agency_signature(text: &str) -> bool {
    let inner = text.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']', '.']);
    // One token past the most a signature has is enough to tell.
    let tokens: Vec<&str> = inner.split_whitespace().take(MAX_SIGNATURE_TOKENS + 1).collect();
    !tokens.is_empty()
        && tokens.len() <= MAX_SIGNATURE_TOKENS
        && tokens.iter().all(|token| {
            let parts: Vec<&str> = token.split('/').collect();
            parts.len() >= 2
                && parts.iter().all(|part| {
                    let n = part.chars().count();
                    (MIN_SIGNATURE_PART_CHARS..=MAX_SIGNATURE_PART_CHARS).contains(&n)
                        && part.chars().all(char::is_alphabetic)
                })
        })
}

/// How much of a block's start is compared with the leads: more than the longest lead.
const LEAD_HEAD_CHARS: usize = 64;

/// The start of `text` the leads are compared with: past any leading arrows, dashes and bullets,
/// lower-cased, [`LEAD_HEAD_CHARS`] at most (the longest lead has under 60 characters).
fn lead_head(text: &str) -> String {
    let start = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(');
    start.chars().take(LEAD_HEAD_CHARS).flat_map(char::to_lowercase).collect()
}

/// Whether `head` (a block's start, see [`lead_head`]) starts with one of `leads` as whole words.
fn head_starts_with_lead(head: &str, leads: &[&str]) -> bool {
    leads.iter().any(|lead| {
        head.strip_prefix(lead).is_some_and(|rest| {
            // A lead ending in a letter must end a word there: "related:" but not "relatedness".
            // Chinese and Japanese put no space between words, so there a lead ends anywhere.
            let ends_word = |c: char| c.is_alphanumeric() && !is_cjk(c);
            !lead.ends_with(ends_word) || !rest.starts_with(|c: char| c.is_alphanumeric())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn paragraph(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, vec![Inline::Text { text: text.into() }])
    }

    const PROSE: &str = "The council met on Tuesday and, after a long debate that ran well past midnight, voted nine to four to close the flooded road for the winter, which residents on both banks of the river had asked for since the spring floods cut them off twice.";

    fn kept(texts: &[&str]) -> Vec<String> {
        let (kept, _) = remove_labels(texts.iter().map(|t| paragraph(t)).collect());
        kept.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_table_of_contents_label_goes_when_its_list_went_and_stays_over_its_list() {
        let list = Block::new(BlockKind::List, vec![Inline::Text { text: "1. Dekantieren 2. Karaffe".into() }]);
        let blocks =
            vec![paragraph(PROSE), paragraph("Inhaltsverzeichnis"), paragraph(PROSE), paragraph("Contents"), list];
        let (kept, removed) = remove_labels(blocks);
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 4);
        assert_eq!(texts[..3], [PROSE, PROSE, "Contents"]);
        assert_eq!(removed[0].text, "Inhaltsverzeichnis");
    }

    #[test]
    fn a_short_source_line_goes_anywhere_and_a_source_introducing_a_sentence_stays() {
        let got = kept(&[
            PROSE,
            "Quelle: Landesregierung Hessen",
            "Fuente: INE",
            PROSE,
            "Source: a senior official told reporters the talks would resume on Monday.",
            PROSE,
        ]);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[2].starts_with("Source: a senior official"));
    }

    #[test]
    fn a_row_of_control_links_set_without_spaces_goes_and_a_row_with_a_story_link_stays() {
        let link = |text: &str| Inline::Link { href: "#".into(), children: vec![Inline::Text { text: text.into() }] };
        let controls = Block::new(BlockKind::Paragraph, vec![link("Jump to Recipe"), link("Print Recipe")]);
        let mixed = Block::new(
            BlockKind::Paragraph,
            vec![link("Print Recipe"), Inline::Text { text: " | ".into() }, link("Grandmother's noodles")],
        );
        let (kept, removed) = remove_labels(vec![paragraph(PROSE), controls, mixed]);
        assert_eq!(kept.len(), 2);
        assert_eq!(removed[0].text, "Jump to RecipePrint Recipe");
    }

    #[test]
    fn a_row_of_post_fields_set_apart_by_bars_goes_and_a_sentence_with_a_bar_stays() {
        let got = kept(&[
            PROSE,
            "Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken, Bilder, ich und.. | Rating: 0.0/0",
            "Views: 31 | Posted by: admin | Category: News",
            "The vote was close: nine to four | the mayor abstained | the road closes.",
            PROSE,
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("The vote was close"));
    }

    #[test]
    fn a_teaser_closed_by_a_read_more_link_goes_and_a_sentence_ending_in_more_stays() {
        let got = kept(&[
            PROSE,
            "Sommerzeit ist Urlaubszeit, das lässt sich Bella Hadid nicht zwei mal sagen. Seht selbst! Weiterlesen",
            "Głos w obronie Fundacji zabrała również Akcja Katolicka w Polsce. [czytaj więcej]",
            "Auskunft über vergangenes Wetter… mehr •••",
            "Die Straße am Fluss gibt es so nicht mehr.",
            "He paused... then left.",
            PROSE,
        ]);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[1].starts_with("Die Straße"));
        assert!(got[2].starts_with("He paused"));
    }

    #[test]
    fn read_also_blurbs_go_wherever_they_stand_in_any_listed_language() {
        let got = kept(&[
            PROSE,
            "Read more: Council weighs a new bridge",
            "» LE PUEDE INTERESAR: La ficha del alcalde",
            "MIRA: Así quedó el puente",
            "Lesen Sie auch: Die Brücke wird teurer",
            PROSE,
        ]);
        assert_eq!(got, [PROSE, PROSE]);
    }

    #[test]
    fn a_read_also_blurb_set_as_a_block_quote_goes_and_a_quoted_sentence_stays() {
        let quote = |text: &str| Block::new(BlockKind::Quote, vec![Inline::Text { text: text.into() }]);
        let said = "“We will read more of the report before we vote,” the mayor said.";
        let (kept, _) = remove_labels(vec![
            paragraph(PROSE),
            quote("PUEDES VER: ¿Qué es la Sunedu y para qué sirve?"),
            quote(said),
            paragraph(PROSE),
        ]);
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, [PROSE, said, PROSE]);
    }

    #[test]
    fn a_line_that_is_only_a_date_or_a_time_goes_and_numbers_stay() {
        for stamp in ["23.10.2018", "2019-11-17 | 15:14", "3:59 PM", "19:49 Uhr", "١٢/٠٥/٢٠٢٣"] {
            assert!(is_bare_date_or_time(stamp), "{stamp}");
        }
        for kept in ["1984", "2:1", "8:09", "12. März 2019", "Seite 3 von 10", "10.000", "3.5"] {
            assert!(!is_bare_date_or_time(kept), "{kept}");
        }
    }

    #[test]
    fn reading_time_lines_go_in_any_listed_language_and_prose_about_reading_stays() {
        let got = kept(&[
            PROSE,
            "11 min read",
            "Lesezeit: 3 Minuten",
            "Ten tekst przeczytasz w mniej niż minutę",
            "Temps de lecture : 4 min",
            "Время чтения: 5 минут",
            "阅读时间：3分钟",
            "The minister said the report was a 40-minute read that every council member should finish before the vote.",
            PROSE,
        ]);
        assert_eq!(
            got,
            [
                PROSE,
                "The minister said the report was a 40-minute read that every council member should finish before the vote.",
                PROSE
            ]
        );
    }

    #[test]
    fn agency_initials_that_sign_off_a_story_go_and_slashed_words_in_prose_stay() {
        for signature in ["aja/PAP", "(dpa/lnw)", "sda/mse", "red/dpa/AFP lnw/hes", "[АФП/ТАСС]"] {
            assert!(is_agency_signature(signature), "{signature}");
        }
        for prose in [
            "TCP/IP is old",
            "24/7",
            "Reuters",
            "Zürich/Bern/Basel/Genf/Lausanne liegen nah",
            "1/2",
            "N/A",
            "Club/Verein/Gemeinschaft",
        ] {
            assert!(!is_agency_signature(prose), "{prose}");
        }
        assert_eq!(kept(&[PROSE, "aja/PAP"]), [PROSE]);
    }

    #[test]
    fn read_also_and_related_labels_go_in_the_languages_beyond_western_europe() {
        let got = kept(&[
            PROSE,
            "Читайте также: Мэрия закрыла мост",
            "Ayrıca okuyun: Köprü kapandı",
            "اقرأ أيضاً: إغلاق الجسر",
            "بیشتر بخوانید: پل بسته شد",
            "延伸阅读：大桥关闭",
            "関連記事：橋が閉鎖",
            "Похожие статьи",
            "Benzer Haberler",
            "Lea más: El puente cierra",
            PROSE,
        ]);
        assert_eq!(got, [PROSE, PROSE]);
    }

    #[test]
    fn every_lead_is_shorter_than_the_start_compared_with_it() {
        for lead in [READ_ALSO_LEADS, CALL_TO_ACTION_LEADS, AD_LEADS, CREDIT_LEADS, CLOSING_LEADS].concat() {
            assert!(lead.chars().count() < LEAD_HEAD_CHARS, "{lead}");
        }
    }

    #[test]
    fn lead_words_that_start_sentences_stay_without_their_colon() {
        let got =
            kept(&["Mira, the mayor said, was never the plan.", "Related to the closure, two bus routes change."]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn closing_lines_go_only_after_the_last_paragraph_of_prose() {
        let got = kept(&[
            "Source: a council report, quoted here in full.",
            PROSE,
            "Tags: roads, council",
            "© 2021 The Ledger",
        ]);
        assert_eq!(got, ["Source: a council report, quoted here in full.", PROSE]);
    }

    #[test]
    fn a_press_office_contact_line_goes_after_the_story_and_a_sentence_about_contact_stays() {
        let got = kept(&[
            PROSE,
            "Contact between the two councils broke off in May, the mayor said.",
            PROSE,
            "Kontakt:",
            "Pressekontakt: Anna Weber, Stadtwerke",
            "Contacto de prensa: oficina@example.org",
        ]);
        assert_eq!(got, [PROSE, "Contact between the two councils broke off in May, the mayor said.", PROSE]);
    }

    #[test]
    fn licence_and_opinion_disclaimers_go_after_the_story_and_ad_disclosures_wherever_they_stand() {
        let got = kept(&[
            "*Werbung. Dieser Beitrag enthält Werbung für eine Marke.",
            PROSE,
            "The views expressed by the council differ, the mayor said.",
            PROSE,
            "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",
            "Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY.",
            "The views expressed in this column are the author's own.",
            "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.",
        ]);
        assert_eq!(got, [PROSE, "The views expressed by the council differ, the mayor said.", PROSE]);
    }

    #[test]
    fn post_navigation_push_prompts_and_the_writers_foot_line_go() {
        let got = kept(&[
            PROSE,
            "Nachfolgebeitrag: Was passiert hier eigentlich noch? Vorgängerbeitrag: Die Wahrheit über Brücken",
            "THE LEDGER Would Like To Send You Push Notifications.",
            "The new app sends push notifications when the river rises, the mayor said.",
            "Posted by the council's press office on the steps of the town hall, the notice was torn down twice.",
            PROSE,
            "Von: Götz Warnke",
            "Weitere Infos unter www.example.org.",
        ]);
        assert_eq!(
            got,
            [
                PROSE,
                "The new app sends push notifications when the river rises, the mayor said.",
                "Posted by the council's press office on the steps of the town hall, the notice was torn down twice.",
                PROSE
            ]
        );
    }

    #[test]
    fn comment_form_notices_and_load_more_controls_go_and_prose_about_comments_stays() {
        let said = "Diese Website verwendet seit Jahren keine Kommentare mehr, sagte der Betreiber.";
        let got = kept(&[
            PROSE,
            "Lade weitere Inhalte ...",
            "Kommentare schreiben",
            said,
            PROSE,
            "For the latest stories and breaking news updates download our apps for iOS and Android.",
            "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten verarbeitet werden.",
            "Du musst eingeloggt sein, um Kommentare zu schreiben!",
            "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)",
        ]);
        assert_eq!(got, [PROSE, said, PROSE]);
    }

    #[test]
    fn prompts_to_the_reader_go_in_any_listed_language_and_prose_about_following_stays() {
        let got = kept(&[
            PROSE,
            "Subscribe now to our e-edition for the full story.",
            "Folgen Sie uns auf Instagram und Facebook.",
            "Síguenos en Telegram, Instagram y Twitter",
            "Подписывайтесь на наш канал",
            "关注我们的公众号",
            "Those who follow us on the trail will find the bridge closed until spring, the ranger said.",
            PROSE,
        ]);
        assert_eq!(
            got,
            [
                PROSE,
                "Those who follow us on the trail will find the bridge closed until spring, the ranger said.",
                PROSE
            ]
        );
    }

    #[test]
    fn a_short_credit_line_goes_wherever_it_stands() {
        let got = kept(&[PROSE, "Foto: dpa / Lena Vogt", "(crédito: Agencia EFE)", PROSE, "Photo: a long caption that describes at length what the reader sees in the picture above, with far more than a credit's words in it."]);
        assert_eq!(got.len(), 3);
        assert!(got[2].starts_with("Photo: a long caption"));
    }

    #[test]
    fn a_caption_closed_by_its_picture_credit_goes_and_prose_or_a_copyright_line_stays() {
        let got = kept(&[
            PROSE,
            "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
            "Golf im TV: Die Übertragungszeiten der großen Turniere im Überblick. (Foto: Getty)",
            "Roman Prymula, photo: Archives du Gouvernement tchèque",
            "Son tres los periodos de vacaciones durante el año escolar. Foto: Andina",
            // Not credits: a sentence after the mark, figures in it, or nothing before it.
            "The agency's photo: a blurred shot of the harbour. Nobody could make out the ship in it.",
            "linux usability ...or, why do I bother. © 2002, 2003 Jamie Zawinski",
            "He bought the autofoto: cheap.",
            PROSE,
        ]);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[1].starts_with("The agency's photo"));
        assert!(got[2].starts_with("linux usability"));
        assert!(got[3].starts_with("He bought"));
    }

    #[test]
    fn a_lone_linked_headline_after_the_last_paragraph_of_prose_goes_and_one_before_it_stays() {
        let link = |text: &str, href: &str| {
            Block::new(
                BlockKind::Paragraph,
                vec![Inline::Link { href: href.into(), children: vec![Inline::Text { text: text.into() }] }],
            )
        };
        let emphasised = Block::new(
            BlockKind::Paragraph,
            vec![Inline::Emphasis {
                children: vec![Inline::Link {
                    href: "/x".into(),
                    children: vec![Inline::Text { text: "Der Winter kommt früh".into() }],
                }],
            }],
        );
        let blocks = vec![
            link("Council weighs a new bridge", "/bridge"),
            paragraph(PROSE),
            link("Herbstlicher Ausflug in die Steiermark", "/ausflug"),
            emphasised,
            link("www.council.example/minutes", "https://www.council.example/minutes"),
            link("Download the report", "/reports/bridge.pdf?v=2"),
        ];
        let (kept, removed) = remove_labels(blocks);
        let kept: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept, ["Council weighs a new bridge", PROSE, "www.council.example/minutes", "Download the report"]);
        assert_eq!(removed.len(), 2);
    }

    #[test]
    fn ad_labels_with_their_pitch_and_interface_text_go_and_sentences_about_reports_stay() {
        let got = kept(&[
            PROSE,
            "ANZEIGE - Heute mal ausgehen? Wie wäre es mit dem Café am Markt:",
            "Anzeige gegen den Fahrer wurde noch am Abend erstattet, sagte die Polizei.",
            "Externer Inhalt",
            "Sie sind aktuell nicht eingeloggt.",
            "Zum Weiterlesen: Die Geschichte der Brücke",
            PROSE,
        ]);
        assert_eq!(got, [PROSE, "Anzeige gegen den Fahrer wurde noch am Abend erstattet, sagte die Polizei.", PROSE]);
    }
}
