//! The typesetting guide's rules (`../shared/guide/typesetting.md`, rules 1-5) checked on
//! the `yuedu dump` output of every corpus text at ten widths.
//!
//! The lists below are written from the guide, not taken from the line breaker, so a wrong
//! list in the breaker shows up here. The corpus folder is `YUEDU_CORPUS` when set, else
//! `tests/corpus` of this checkout (as `tests/corpus/eval.rs` finds it).

use std::path::{Path, PathBuf};

use yuedu::cli::dump;
use yuedu::config::Config;
use yuedu::document::{Document, load};
use yuedu::layout::gap_after;
use yuedu::layout::linebreak::str_width;

const WIDTHS: [u16; 10] = [6, 11, 16, 20, 27, 33, 40, 59, 80, 100];

/// Rule 2: characters that may not start a line.
const NO_START: &str = "，。、；：？！”’）》」』】〕〉·…—%‰℃,.;:?!)]}";
/// Rule 3: characters that may not end a line.
const NO_END: &str = "“‘（《「『【〔〈([{";
/// Rule 5: magnitudes and units the guide names; after a space they stay with the number.
const UNIT_STARTS: &str = "十百千万亿多余元年月日号时分秒人家岁个名位%厘米吨亩";

fn corpus_dir() -> PathBuf {
    std::env::var_os("YUEDU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"))
}

fn texts() -> Vec<PathBuf> {
    let dir = corpus_dir().join("texts");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    out.sort();
    out
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The number a line ends with (digits with `.` `,` `:` between them), if it ends with one.
fn trailing_number(line: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let &(_, last) = chars.last()?;
    if !is_digit(last) {
        return None;
    }
    let mut k = chars.len() - 1;
    while k > 0 {
        let c = chars[k - 1].1;
        let sep = matches!(c, '.' | ',' | ':' | '．') && k >= 2 && is_digit(chars[k - 2].1);
        if is_digit(c) || sep {
            k -= 1;
        } else {
            break;
        }
    }
    Some(&line[chars[k].0..])
}

/// The number a line starts with, if it does.
fn leading_number(line: &str) -> Option<&str> {
    let end = line
        .char_indices()
        .find(|&(i, c)| {
            !(is_digit(c)
                || (matches!(c, '.' | ',' | ':' | '．')
                    && i > 0
                    && line[i + c.len_utf8()..].starts_with(is_digit)))
        })
        .map_or(line.len(), |(i, _)| i);
    (end > 0 && line.starts_with(is_digit)).then(|| &line[..end])
}

/// Whether the guide allows a line break between `x` and `y` (rules 2-5, independently of
/// the breaker): not before a closing mark, not after an opening one, not after a digit
/// (a number keeps the character after it), not inside a Latin word or a number, not
/// inside `……` or `——`.
fn may_break(x: char, y: char) -> bool {
    !(NO_START.contains(y)
        || NO_END.contains(x)
        || is_digit(x) && y != ' '
        || x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric()
        || matches!(x, '.' | ',' | ':') && is_digit(y)
        || x == ' ' && UNIT_STARTS.contains(y))
}

/// Width of the unit around the break between `a` and `b` that the guide keeps whole: the
/// characters on either side joined by boundaries where no break is allowed. When it is
/// wider than the line, rule 8 lets the break fall inside it.
fn unit_width(a: &str, b: &str) -> usize {
    let left: Vec<char> = a.chars().collect();
    let right: Vec<char> = b.chars().collect();
    let mut l = left.len();
    while l > 1 && !may_break(left[l - 2], left[l - 1]) {
        l -= 1;
    }
    let mut r = 1;
    while r < right.len() && !may_break(right[r - 1], right[r]) {
        r += 1;
    }
    let unit: String = left[l.saturating_sub(1)..].iter().chain(&right[..r.min(right.len())]).collect();
    str_width(&unit, false)
}

/// Checks one dumped paragraph against the source block; returns the violations.
fn check_paragraph(source: &str, lines: &[&str], w: usize, name: &str) -> Vec<String> {
    let mut bad = Vec::new();
    // Rows that hold only indent are not content.
    let content: Vec<&str> =
        lines.iter().copied().filter(|l| !l.trim_matches(['　', ' ']).is_empty()).collect();
    for l in lines {
        if str_width(l, false) > w {
            bad.push(format!("{name} @{w}: wider than the line: {l}"));
        }
    }
    // Which breaks consumed a space: walk the source one character per shown character.
    let src: Vec<char> = source.trim_start_matches(['　', ' ', '\t']).chars().collect();
    let mut at = 0;
    let mut spaced = vec![false; content.len()];
    for (j, line) in content.iter().enumerate() {
        let line = if j == 0 { line.trim_start_matches(['　', ' ', '\t']) } else { line };
        if j > 0 {
            while at < src.len() && src[at] == ' ' && !line.starts_with(' ') {
                spaced[j] = true;
                at += 1;
            }
        }
        at += line.chars().count();
    }
    let shown: usize = content.iter().map(|l| l.chars().filter(|c| !c.is_whitespace()).count()).sum();
    let want = source.chars().filter(|c| !c.is_whitespace()).count();
    if shown != want {
        bad.push(format!("{name} @{w}: {want} characters in, {shown} shown"));
    }
    for j in 1..content.len() {
        let (a, b) = (content[j - 1], content[j]);
        let (Some(last), Some(first)) = (a.chars().last(), b.chars().next()) else { continue };
        // Rule 8: a unit wider than the line is cut where it must be.
        if unit_width(a, b) + usize::from(spaced[j]) > w {
            continue;
        }
        if NO_START.contains(first) {
            bad.push(format!("{name} @{w}: line starts with {first}: {a} | {b}"));
        }
        if NO_END.contains(last) {
            bad.push(format!("{name} @{w}: line ends with {last}: {a} | {b}"));
        }
        if let Some(num) = trailing_number(a) {
            let fits = |s: &str| str_width(s, false) <= w;
            if let Some(rest) = leading_number(b) {
                let whole = format!("{num}{rest}");
                if fits(&whole) && !spaced[j] {
                    bad.push(format!("{name} @{w}: number cut: {a} | {b}"));
                }
            } else if !spaced[j] {
                if fits(&format!("{num}{first}")) {
                    bad.push(format!("{name} @{w}: number torn from {first}: {a} | {b}"));
                }
            } else if UNIT_STARTS.contains(first) && fits(&format!("{num} {first}")) {
                bad.push(format!("{name} @{w}: break in the space before a unit: {a} | {b}"));
            }
        }
        // Rule 4: a Latin word is not cut when it fits.
        if last.is_ascii_alphabetic() && first.is_ascii_alphabetic() && !spaced[j] {
            let left = a.chars().rev().take_while(char::is_ascii_alphabetic).count();
            let right = b.chars().take_while(char::is_ascii_alphabetic).count();
            if left + right <= w {
                bad.push(format!("{name} @{w}: word cut: {a} | {b}"));
            }
        }
    }
    bad
}

#[test]
fn independent_checker_catches_what_it_should() {
    let bad = check_paragraph("达1.6万亿元了", &["达1.6", "万亿元了"], 20, "t");
    assert!(bad.iter().any(|b| b.contains("torn")), "{bad:?}");
    let bad = check_paragraph("2024年5月27日", &["2024年5月2", "7日"], 20, "t");
    assert!(bad.iter().any(|b| b.contains("cut")), "{bad:?}");
    let bad = check_paragraph("规模 3.65 万亿元", &["规模 3.65", "万亿元"], 20, "t");
    assert!(bad.iter().any(|b| b.contains("space")), "{bad:?}");
    let bad = check_paragraph("他说，你好", &["他说", "，你好"], 20, "t");
    assert!(bad.iter().any(|b| b.contains("starts with")), "{bad:?}");
    assert!(check_paragraph("2024年5月24日", &["2024年", "5月24日"], 10, "t").is_empty());
    assert!(!check_paragraph("到 3 年后", &["到 3", "年后"], 4, "t").is_empty());
}

#[test]
fn every_corpus_text_follows_the_guide_at_every_width() {
    let texts = texts();
    assert!(texts.len() >= 16, "the corpus texts are in {}", corpus_dir().display());
    let config = Config::default();
    let mut bad = Vec::new();
    for path in &texts {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let decoded = load::read_file(path, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = Document::new(format!("{name}.txt"), decoded);
        for width in WIDTHS {
            let mut out = Vec::new();
            dump(&doc, &config, width, &mut out).expect("dump to memory");
            let out = String::from_utf8(out).expect("UTF-8");
            let paras: Vec<&str> = out.split("\n\n").collect();
            // Blocks set with no blank row between them (a list's items, the lines of a
            // title set over several) are one paragraph of the dump.
            let mut groups: Vec<String> = Vec::new();
            for i in 0..doc.blocks.len() {
                match groups.last_mut() {
                    Some(g) if gap_after(&doc, i - 1, 1) == 0 => g.push_str(doc.block_text(i)),
                    _ => groups.push(doc.block_text(i).to_string()),
                }
            }
            assert_eq!(paras.len(), groups.len(), "{name} @{width}: paragraphs");
            for (group, para) in groups.iter().zip(&paras) {
                let lines: Vec<&str> = para.lines().collect();
                bad.extend(check_paragraph(group, &lines, usize::from(width), &name));
            }
        }
    }
    let shown: Vec<&String> = bad.iter().take(40).collect();
    assert!(bad.is_empty(), "{} violations of the guide, first ones:\n{shown:#?}", bad.len());
}
