//! Writes the generated novel the bench reads (bundled paragraphs under numbered chapters).
//!
//! `cargo run --release --example bigtext -- OUT.txt [MB] [CHAPTERS] [--gb18030]`
//! `cargo run --release --example bigtext -- OUT.epub [MB] [CHAPTERS] --epub`: the same
//! novel as an EPUB 3 book, a chapter a file (tests/fixtures/epub.rs).

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;
#[path = "../tests/fixtures/epub.rs"]
mod epub;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gb = args.iter().any(|a| a == "--gb18030");
    let rest: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(out) = rest.first() else {
        eprintln!(
            "usage: bigtext OUT.txt [MB (50; a fraction too: 0.45)] [CHAPTERS (2500)] [--gb18030 | --epub]"
        );
        return std::process::ExitCode::from(2);
    };
    let mb: f64 = rest
        .get(1)
        .and_then(|s| s.parse().ok())
        .filter(|mb: &f64| mb.is_finite() && *mb >= 0.0)
        .unwrap_or(50.0);
    let chapters: usize = rest.get(2).and_then(|s| s.parse().ok()).unwrap_or(2_500);
    let text = bigtext::novel((mb * f64::from(1 << 20)) as usize, chapters);
    let text_bytes = text.len();
    let bytes = if args.iter().any(|a| a == "--epub") {
        let headings: std::collections::HashSet<String> =
            (1..=chapters).map(bigtext::chapter_heading).collect();
        epub::from_novel(bigtext::TITLE, "佚名", &text, |l| headings.contains(l)).bytes()
    } else if gb {
        encoding_rs::GB18030.encode(&text).0.into_owned()
    } else {
        text.into_bytes()
    };
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("bigtext: {out}: {e}");
        return std::process::ExitCode::from(2);
    }
    eprintln!("{out}: {} bytes, {chapters} chapters, text {text_bytes} bytes", bytes.len());
    std::process::ExitCode::SUCCESS
}
