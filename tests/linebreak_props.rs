//! Property tests of the line breaker over random mixes of hanzi, punctuation, digits, Latin
//! words, spaces and emoji at widths 1-120 (rules 1, 2, 4, 5 and 6), and of re-wrapping on a
//! resize through the reader state (rule 7).

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use yuedu::app::{App, settings_for};
use yuedu::config::Config;
use yuedu::document::{Decoded, Document};
use yuedu::layout::linebreak::{
    VisualLine, WrapOptions, break_opportunities, no_line_end, no_line_start, str_width, wrap,
};
use yuedu::layout::wrap_block;

/// A piece of generated text, and whether it is a unit that must not be split when it fits.
#[derive(Debug, Clone)]
struct Token {
    text: &'static str,
    atomic: bool,
}

fn token() -> impl Strategy<Value = Token> {
    let hanzi = prop::sample::select(vec![
        "上", "海", "新", "质", "生", "产", "力", "的", "是", "在", "了", "人", "我", "他", "说", "年", "月",
        "元", "万", "多", "家",
    ])
    .prop_map(|t| Token { text: t, atomic: false });
    let punct = prop::sample::select(vec![
        "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》", "·", "%", ",",
        ".", ";", ":", "?", "!", "(", ")", "[", "]", "—", "…",
    ])
    .prop_map(|t| Token { text: t, atomic: false });
    let units = prop::sample::select(vec![
        "2023",
        "1.6",
        "1,000",
        "24.8%",
        "1.6万亿元",
        "80多人",
        "2014年",
        "5月24日",
        "3厘米",
        "4000余家",
        "……",
        "——",
        "GDP",
        "hello",
        "AI",
        "iPhone",
        "😀",
        "👨\u{200d}👩\u{200d}👧",
        "❤\u{fe0f}",
        "e\u{301}",
        "🇨🇳",
        "7",
    ])
    .prop_map(|t| Token { text: t, atomic: true });
    let space = Just(Token { text: " ", atomic: false });
    prop_oneof![6 => hanzi, 3 => punct, 2 => units, 1 => space]
}

/// A paragraph and the byte ranges of its atomic tokens.
fn paragraph() -> impl Strategy<Value = (String, Vec<(usize, usize)>)> {
    prop::collection::vec(token(), 0..80).prop_map(|tokens| {
        // A block never starts with a space (the document trims them).
        let mut s = String::from("上");
        let mut atoms = Vec::new();
        for t in tokens {
            if t.atomic {
                atoms.push((s.len(), s.len() + t.text.len()));
            }
            s.push_str(t.text);
        }
        (s, atoms)
    })
}

/// The character shown for each source offset (as the whole paragraph on one line shows it).
fn shown_map(p: &str, opts: &WrapOptions) -> Vec<(usize, char)> {
    let one = wrap(p, 0, usize::MAX / 4, 0, opts);
    let text: String = one.iter().map(|l| l.text.as_str()).collect();
    p.char_indices().map(|(i, _)| i).zip(text.chars()).collect()
}

fn shown_at(map: &[(usize, char)], off: usize) -> Option<char> {
    map.binary_search_by_key(&off, |&(i, _)| i).ok().map(|k| map[k].1)
}

/// The last shown character before `off` that is not an ASCII space.
fn shown_before(map: &[(usize, char)], off: usize) -> Option<char> {
    map.iter().rev().filter(|&&(i, c)| i < off && c != ' ').map(|&(_, c)| c).next()
}

/// Columns of the unbreakable run around `b`: from the opportunity before it to the one after.
fn run_width(p: &str, opps: &[usize], b: usize, map: &[(usize, char)], wide: bool) -> usize {
    let from = opps.iter().copied().filter(|&o| o < b).max().unwrap_or(0);
    let to = opps.iter().copied().find(|&o| o > b).unwrap_or(p.len());
    let run: String = map.iter().filter(|&&(i, _)| i >= from && i < to).map(|&(_, c)| c).collect::<String>();
    str_width(run.trim_end_matches(' '), wide)
}

fn check(p: &str, atoms: &[(usize, usize)], width: usize, indent: usize, opts: &WrapOptions) {
    let lines: Vec<VisualLine> = wrap(p, 0, width, indent, opts);
    let wide = opts.ambiguous_wide;
    let map = shown_map(p, opts);
    let opps = break_opportunities(p, opts);
    let graphemes: Vec<usize> = p.grapheme_indices(true).map(|(i, _)| i).chain([p.len()]).collect();

    // Rule 1: never wider than the column (a lone grapheme wider than it excepted), widths
    // right, one shown character per source character, nothing lost but break spaces.
    assert_eq!(lines.iter().map(|l| l.indent).sum::<usize>(), indent, "indent kept: {lines:?}");
    let mut at = 0;
    for l in &lines {
        assert!(l.start >= at && l.start <= l.end, "order: {lines:?}");
        assert!(p[at..l.start].chars().all(|c| c == ' '), "only spaces between lines: {lines:?}");
        let src = &p[l.start..l.end];
        assert_eq!(src.chars().count(), l.text.chars().count(), "one to one: {l:?}");
        for (a, b) in src.chars().zip(l.text.chars()) {
            assert!(a == b || b as u32 == a as u32 + 0xfee0, "shown {b} for {a}");
        }
        assert_eq!(l.width, yuedu::layout::linebreak::shown_width(&l.text, l.col, wide), "{l:?}");
        let lone = l.text.graphemes(true).count() <= 1;
        assert!(l.indent + l.width <= width || lone && l.indent == 0, "too wide at {width}: {l:?}");
        // Rule 5: every cut is at a grapheme boundary.
        assert!(graphemes.binary_search(&l.start).is_ok(), "cut inside a grapheme: {l:?}");
        assert!(graphemes.binary_search(&l.end).is_ok(), "cut inside a grapheme: {l:?}");
        at = l.end;
    }
    assert!(p[at..].chars().all(|c| c == ' '), "tail lost: {lines:?}");

    // Opportunities obey rules 2 and 4.
    for &o in &opps {
        let c = shown_at(&map, o).expect("opportunity at a character");
        assert!(!no_line_start(c, opts.strict), "may not start a line: {c} in {p:?}");
        if let Some(e) = shown_before(&map, o) {
            assert!(!no_line_end(e), "may not end a line: {e} in {p:?}");
        }
        for &(s, e) in atoms {
            assert!(!(s < o && o < e), "opportunity inside {:?} in {p:?}", &p[s..e]);
        }
    }

    // Every break is an opportunity, or lies in a run that cannot fit (emergency).
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if b.text.is_empty() || a.text.is_empty() {
            continue;
        }
        let brk = b.start;
        if opps.binary_search(&brk).is_ok() {
            // Rule 6: greedy; the line could not have taken the next run too.
            let next = opps.iter().copied().find(|&o| o > brk).unwrap_or(p.len());
            let longer: String =
                map.iter().filter(|&&(i, _)| i >= a.start && i < next).map(|&(_, c)| c).collect();
            let w = str_width(longer.trim_end_matches(' '), wide);
            assert!(a.indent + w > width, "not greedy at {width}: {a:?} could take up to {next}");
        } else {
            // A run at the paragraph's start has the first line's indent before it: it
            // cannot move to a line of its own, so it is forced when it overflows that line.
            let run = run_width(p, &opps, brk, &map, wide);
            let starts_paragraph = opps.iter().all(|&o| o >= brk);
            let room = if starts_paragraph { width.saturating_sub(lines[0].indent) } else { width };
            assert!(run > room, "forced break in a run of {run} columns at width {width}: {:?}", [a, b]);
        }
    }
}

/// A run that starts the paragraph, on its indented first line: 15 columns do not fit in
/// 16 − 4, and there is no opportunity before the run to move it to a line of its own.
#[test]
fn a_run_at_an_indented_start_is_forced_where_it_overflows_the_first_line() {
    let p = "上\u{201c}2014年2023上2023上";
    let atoms = [(6, 13), (13, 17), (20, 24)];
    check(p, &atoms, 16, 4, &WrapOptions::default());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn wraps_obey_the_rules(
        (p, atoms) in paragraph(),
        width in 1usize..=120,
        indent in prop::sample::select(vec![0usize, 4]),
        wide in any::<bool>(),
        normalize in any::<bool>(),
        strict in any::<bool>(),
    ) {
        let opts = WrapOptions { normalize_punctuation: normalize, ambiguous_wide: wide, strict };
        check(&p, &atoms, width, indent, &opts);
    }

    #[test]
    fn narrow_widths_never_overflow_or_lose_text(
        (p, atoms) in paragraph(),
        width in 1usize..=6,
        wide in any::<bool>(),
    ) {
        let opts = WrapOptions { ambiguous_wide: wide, ..WrapOptions::default() };
        check(&p, &atoms, width, 4, &opts);
    }
}

fn doc_of(text: &str) -> Document {
    Document::new("t.txt", Decoded { text: text.to_string(), encoding: "UTF-8", warnings: Vec::new() })
}

/// The byte ranges of the rows on screen.
fn visible(app: &mut App) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let top = app.top;
    for r in 0..app.text_height() {
        let pos = app.layout.forward(&app.doc, top, r);
        if let Some(l) = app.layout.lines(&app.doc, pos.block).get(pos.row) {
            out.push((l.start, l.end));
        }
    }
    out
}

/// Resizes through `widths`; at each step the layout equals a fresh wrap and the character
/// that was first on screen before is still on screen.
fn resize_chain(app: &mut App, widths: &[u16], height: u16) {
    // The first character on screen (a blank row between paragraphs shows none) before the
    // resizes; a run of resizes keeps that one in view, so the place does not drift.
    let Some(&(anchor, _)) = visible(app).first() else { return };
    for &w in widths {
        app.resize(w, height);
        let settings = settings_for(&app.config, usize::from(app.panes.text.width));
        for b in 0..app.doc.blocks.len() {
            let cached = app.layout.lines(&app.doc, b);
            assert_eq!(&cached[..], &wrap_block(&app.doc, b, &settings)[..], "block {b} at {w}");
        }
        let rows = visible(app);
        assert!(
            rows.iter().any(|&(s, e)| s <= anchor && (anchor < e || anchor == s)),
            "byte {anchor} left the screen at width {w}: {rows:?}"
        );
    }
}

#[test]
fn resize_80_21_20_80_rewraps_and_keeps_the_first_character_in_view() {
    let config = Config::default();
    let mut app = App::new(Document::bundled(), config, 80, 24);
    for _ in 0..17 {
        app.scroll(3);
        resize_chain(&mut app, &[80, 21, 20, 80], 24);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn resize_keeps_layout_fresh_and_place_in_view(
        paras in prop::collection::vec(paragraph(), 1..12),
        scroll in 0isize..60,
        height in 3u16..30,
    ) {
        let text: Vec<String> = paras.into_iter().map(|(p, _)| p).collect();
        let mut app = App::new(doc_of(&text.join("\n")), Config::default(), 80, height);
        app.scroll(scroll);
        resize_chain(&mut app, &[80, 21, 20, 80], height);
    }
}
