//! Golden tests of `yuedu dump --width 20/40/80` on the bundled article, plus the rules
//! checked on every printed line against lists written from the typesetting guide (the
//! snapshots were read line by line when accepted).

use yuedu::cli::dump;
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::layout::linebreak::str_width;

/// Rule 2 of the typesetting guide: characters that may not start a line (written from the
/// guide, not taken from the breaker, so a wrong list in the breaker shows up here).
const NO_START: &str = "，。、；：？！”’）》」』】〕〉·…—%‰℃,.;:?!)]}";
/// Rule 3: characters that may not end a line.
const NO_END: &str = "“‘（《「『【〔〈([{";

fn dumped(width: u16) -> String {
    let mut out = Vec::new();
    dump(&Document::bundled(), &Config::default(), width, &mut out).expect("dump to memory");
    String::from_utf8(out).expect("UTF-8")
}

/// The printed lines of each paragraph, with the indent cut off.
fn paragraphs(out: &str) -> Vec<Vec<&str>> {
    out.split("\n\n").map(|p| p.lines().map(|l| l.trim_start_matches('　')).collect()).collect()
}

fn check_rules(width: u16) -> String {
    let out = dumped(width);
    let w = usize::from(width);
    for line in out.lines() {
        assert!(str_width(line, false) <= w, "wider than {w}: {line}");
    }
    for para in paragraphs(&out) {
        for (i, line) in para.iter().enumerate() {
            let first = line.chars().next().expect("no empty line inside a paragraph");
            assert!(i == 0 || !NO_START.contains(first), "line starts with {first} at {w}: {line}");
            let last = line.chars().last().expect("non-empty");
            assert!(!NO_END.contains(last), "line ends with {last} at {w}: {line}");
            // Rule 5: a number keeps the character after it (all fit at these widths).
            if let Some(next) = para.get(i + 1) {
                assert!(
                    !last.is_ascii_digit() || next.starts_with(' '),
                    "number torn at {w}: {line} | {next}"
                );
            }
        }
        let joined = para.concat();
        // The article's figures stay whole (they all fit at these widths).
        for figure in ["1.6万亿元", "24.8%", "6.9%", "80多人", "2014年", "4000余家", "370家", "27岁"]
        {
            if joined.contains(figure) {
                assert!(para.iter().any(|l| l.contains(figure)), "{figure} split at {w}: {para:?}");
            }
        }
    }
    // Normalised punctuation: the article's ASCII commas between hanzi are shown full-width.
    assert!(!out.contains("数据显示,2023年"));
    assert!(out.contains("数据显示，"));
    out
}

#[test]
fn dump_width_20() {
    insta::assert_snapshot!("dump_width_20", check_rules(20));
}

#[test]
fn dump_width_40() {
    insta::assert_snapshot!("dump_width_40", check_rules(40));
}

#[test]
fn dump_width_80() {
    insta::assert_snapshot!("dump_width_80", check_rules(80));
}

#[test]
fn dump_keeps_every_paragraph_whole() {
    let doc = Document::bundled();
    for width in [20, 40, 80] {
        let out = dumped(width);
        let paras = paragraphs(&out);
        assert_eq!(paras.len(), doc.blocks.len());
        for (i, para) in paras.iter().enumerate() {
            let src: String = doc.block_text(i).chars().filter(|c| *c != ' ').collect();
            let shown: String = para.concat().chars().filter(|c| *c != ' ').collect();
            assert_eq!(src.chars().count(), shown.chars().count(), "block {i} at {width}");
        }
    }
}
