//! `lectern` — the command-line shell over the library: reads pages, prints the clean article.
//!
//! `lectern extract [FILE|-]... [--url URL] [--format text|markdown|html|json]`. With no FILE it
//! runs on the bundled sample page. Exit codes: 0 article found, 2 no article, 1 error.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lectern::ExtractError;

/// The bundled sample: the TOLOnews story whose page repeats the article (see tests/fixtures/news).
const SAMPLE_PAGE: &str = include_str!("../../tests/fixtures/news/tolonews_seed.html");
const SAMPLE_URL: &str = "https://tolonews.com/afghanistan-173116";

#[derive(Parser)]
#[command(
    name = "lectern",
    version,
    about = "Reader mode for the command line: the article of a page, once, clean, quotes found"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article from HTML pages (the bundled sample page when no FILE is given).
    Extract {
        /// HTML files to read; `-` reads standard input.
        files: Vec<String>,
        /// The page's address, for resolving relative links and images.
        #[arg(long)]
        url: Option<String>,
        /// Output format. With several files, `json` prints one object per line.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

fn read_input(name: &str) -> Result<Vec<u8>, String> {
    if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(name)
            .map_err(|e| format!("cannot read {name}: {e}; check the path and that the file is readable"))
    }
}

/// A page to extract: its name in messages, its bytes (or why they could not be read), its URL.
type Input = (String, Result<Vec<u8>, String>, Option<String>);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Extract { files, url, format } = cli.command;
    let inputs: Vec<Input> = if files.is_empty() {
        vec![("sample".into(), Ok(SAMPLE_PAGE.as_bytes().to_vec()), url.or(Some(SAMPLE_URL.into())))]
    } else {
        files.iter().map(|f| (f.clone(), read_input(f), url.clone())).collect()
    };
    let several = inputs.len() > 1;
    let mut code = 0u8;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (name, bytes, page_url) in inputs {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("lectern: {e}");
                code = 1;
                continue;
            }
        };
        match lectern::extract_bytes(&bytes, page_url.as_deref()) {
            Ok(article) => {
                if several && !matches!(format, Format::Json) {
                    let _ = writeln!(out, "==> {name} <==");
                }
                let text = match format {
                    Format::Text => lectern::to_text(&article),
                    Format::Markdown => lectern::to_markdown(&article),
                    Format::Html => lectern::to_html(&article) + "\n",
                    Format::Json => lectern::to_json(&article) + "\n",
                };
                if out.write_all(text.as_bytes()).is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e @ ExtractError::NoArticle { .. }) => {
                eprintln!("lectern: {name}: {e}");
                code = code.max(2);
            }
            Err(e) => {
                eprintln!("lectern: {name}: {e}");
                code = 1;
            }
        }
    }
    ExitCode::from(code)
}
