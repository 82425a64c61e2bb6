//! Writes the generated novel the bench reads (bundled paragraphs under numbered chapters).
//!
//! `cargo run --release --example bigtext -- OUT.txt [MB] [CHAPTERS] [--gb18030]`

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gb = args.iter().any(|a| a == "--gb18030");
    let rest: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(out) = rest.first() else {
        eprintln!("usage: bigtext OUT.txt [MB (50)] [CHAPTERS (2500)] [--gb18030]");
        return std::process::ExitCode::from(2);
    };
    let mb: usize = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(50);
    let chapters: usize = rest.get(2).and_then(|s| s.parse().ok()).unwrap_or(2_500);
    let text = bigtext::novel(mb << 20, chapters);
    let bytes = if gb { encoding_rs::GB18030.encode(&text).0.into_owned() } else { text.into_bytes() };
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("bigtext: {out}: {e}");
        return std::process::ExitCode::from(2);
    }
    eprintln!("{out}: {} bytes, {chapters} chapters", bytes.len());
    std::process::ExitCode::SUCCESS
}
