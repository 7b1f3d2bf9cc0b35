//! The folders follow the pipeline and imports point down it: a module uses the stages before
//! its own and the shared modules (model, text, urls, error), never a later stage. Read from the
//! source, outside test code (tests may run the whole pipeline).

use std::path::Path;

/// Each top-level module's place in the pipeline (lib.rs lists the stages); the shared modules
/// are 0, and the shells over the library come last.
const RANKS: &[(&str, u32)] = &[
    ("error", 0),
    ("model", 0),
    ("text", 0),
    ("urls", 0),
    ("parse", 1),
    ("metadata", 2),
    ("locate", 3),
    ("assemble", 4),
    ("clean", 5),
    ("quotes", 6),
    ("render", 7),
    ("extension", 8),
];

/// What the crate root re-exports or defines, by the module it comes from.
fn rank_of_root_item(name: &str) -> u32 {
    match name {
        "extract" | "extract_bytes" | "extract_snapshot" => 8,
        "to_text" | "to_markdown" | "to_html" | "to_json" | "to_view_html" | "Rendered" | "ViewHtml" => 7,
        "collapse_whitespace" => 0,
        // Types re-exported from the model and the error module.
        _ if name.starts_with(char::is_uppercase) || name == "inline_text" => 0,
        other => panic!("crate::{other} is not known to this test: add it to rank_of_root_item"),
    }
}

fn rank(module: &str) -> Option<u32> {
    RANKS.iter().find(|(m, _)| *m == module).map(|&(_, r)| r)
}

/// The paths after `crate::` in `code`, as their first segment: `crate::text::runs` gives `text`,
/// `use crate::{model::Block, text::runs}` gives `model` and `text`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(inner.split(',').map(|p| first_segment(p.trim())).filter(|s| !s.is_empty()));
        } else {
            out.push(first_segment(rest));
        }
    }
    out
}

fn first_segment(path: &str) -> String {
    path.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// The file's code before its unit tests.
fn code_outside_tests(source: &str) -> &str {
    source.find("#[cfg(test)]\nmod tests").map_or(source, |at| &source[..at])
}

#[test]
fn no_module_imports_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    let mut violations = Vec::new();
    for (module, own_rank) in RANKS {
        let single = src.join(format!("{module}.rs"));
        let files: Vec<std::path::PathBuf> = if single.exists() {
            vec![single]
        } else {
            std::fs::read_dir(src.join(module)).unwrap().map(|e| e.unwrap().path()).collect()
        };
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for target in crate_paths(code_outside_tests(&source)) {
                let target_rank = rank(&target).unwrap_or_else(|| rank_of_root_item(&target));
                if target_rank > *own_rank {
                    violations.push(format!("{} uses crate::{target}, a later stage", file.display()));
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} files read");
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_scanner_reads_grouped_and_plain_paths() {
    assert_eq!(
        crate_paths("use crate::{model::Block, text::runs};\nlet x = crate::locate::f();"),
        ["model", "text", "locate"]
    );
}
