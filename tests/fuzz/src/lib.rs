//! Invariants checked by the fuzz targets (`tests/fuzz/fuzz_targets/`) and by the property
//! tests (`tests/prop_invariants.rs`, which includes this file as a module). Each check
//! panics with a description of the broken rule, which is what both harnesses catch.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use yuedu::document::figures::Figure;
use yuedu::document::quotes::Quote;
use yuedu::document::{Document, load};
use yuedu::layout::linebreak::{self, VisualLine, WrapOptions};

/// Marks no line may start with (typesetting rule 2).
pub const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '”', '’', '）', '》', '」', '』', '】', '〕', '〉', '·', '…',
    '—', '%', '‰', ',', '.', ';', ':', '?', '!', ')', ']', '}',
];

/// Marks no line may end with (typesetting rule 2).
pub const NO_END: &[char] = &['“', '‘', '（', '《', '「', '『', '【', '〔', '〈', '(', '[', '{'];

/// The full-width form normalisation may show for an ASCII mark.
fn normalised(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        _ => return None,
    })
}

/// Wrap options from the low bits of a byte.
pub fn options_from(bits: u8) -> WrapOptions {
    WrapOptions { normalize_punctuation: bits & 1 != 0, ambiguous_wide: bits & 2 != 0, strict: bits & 4 != 0 }
}

/// Wraps `p` and checks the line-breaking rules; returns the lines.
///
/// - rule 1: no line wider than the column (except a single grapheme wider than the whole
///   column, which gets a line of its own); `width` is the width of the shown text;
/// - nothing lost: lines in order, on character boundaries, covering the paragraph, with only
///   ASCII spaces between them; each shown character stands for one source character;
/// - rule 2: no break opportunity before a `NO_START` mark or after a `NO_END` mark, and a
///   line starts elsewhere than at an opportunity only inside a run that cannot fit on an
///   empty line (an emergency cut at a grapheme boundary, where rule 2 need not hold: the
///   guide asks for it "whenever the width can hold the unit").
pub fn check_wrap(p: &str, base: usize, width: usize, indent: usize, opts: &WrapOptions) -> Vec<VisualLine> {
    let lines = linebreak::wrap(p, base, width, indent, opts);
    let col = width.max(1);
    let aw = opts.ambiguous_wide;
    assert!(!lines.is_empty(), "no line at all for {p:?}");

    // Nothing lost, and the shown text matches the source character for character.
    let mut shown: Vec<(usize, char)> = Vec::new(); // (source offset, shown char)
    let mut cursor = 0usize;
    for (k, l) in lines.iter().enumerate() {
        assert!(
            l.start >= base && l.end <= base + p.len() && l.start <= l.end,
            "line {k} {l:?} out of bounds"
        );
        let (s, e) = (l.start - base, l.end - base);
        assert!(p.is_char_boundary(s) && p.is_char_boundary(e), "line {k} not on char boundaries: {l:?}");
        assert!(s >= cursor, "line {k} starts at {s} before the previous end {cursor}");
        let gap = &p[cursor..s];
        assert!(gap.bytes().all(|b| b == b' '), "line {k}: text {gap:?} lost between lines");
        shown.extend(gap.char_indices().map(|(i, c)| (cursor + i, c)));
        let src = &p[s..e];
        assert_eq!(src.chars().count(), l.text.chars().count(), "line {k}: shown {:?} for {src:?}", l.text);
        for ((i, a), b) in src.char_indices().zip(l.text.chars()) {
            let ok = a == b || (opts.normalize_punctuation && normalised(a) == Some(b));
            assert!(ok, "line {k}: {a:?} shown as {b:?}");
            shown.push((s + i, b));
        }
        cursor = e;
        // Rule 1.
        let w = linebreak::shown_width(&l.text, l.col, aw);
        assert_eq!(w, l.width, "line {k}: width field {} but the text is {w} columns", l.width);
        if l.indent + l.width > col {
            let n = l.text.graphemes(true).count();
            assert!(
                n == 1 && l.width > col && l.indent == 0,
                "line {k} is {} + {} columns wide in a {col}-column text: {:?}",
                l.indent,
                l.width,
                l.text
            );
        }
    }
    let rest = &p[cursor..];
    assert!(rest.bytes().all(|b| b == b' '), "text {rest:?} lost at the end");
    shown.extend(rest.char_indices().map(|(i, c)| (cursor + i, c)));
    let shown_at = |off: usize| -> char {
        let k = shown.partition_point(|&(o, _)| o < off);
        shown[k].1
    };
    let shown_before = |off: usize| -> Option<char> {
        let k = shown.partition_point(|&(o, _)| o < off);
        k.checked_sub(1).map(|k| shown[k].1)
    };

    // Rule 2 at every break opportunity.
    let opps: BTreeSet<usize> = linebreak::break_opportunities(p, opts).into_iter().collect();
    for &o in &opps {
        assert!(o > 0 && o < p.len() && p.is_char_boundary(o), "opportunity {o} out of place in {p:?}");
        let c = shown_at(o);
        assert!(!NO_START.contains(&c), "a line may start with {c:?} at {o} in {p:?}");
        let before = p[..o].trim_end_matches(' ');
        if let Some(last) = shown_before(before.len()) {
            assert!(!NO_END.contains(&last), "a line may end with {last:?} before {o} in {p:?}");
        }
    }

    // Every other line start is an emergency cut inside a run too wide for the column.
    let width_of = |r: Range<usize>| -> usize {
        let (a, b) =
            (shown.partition_point(|&(o, _)| o < r.start), shown.partition_point(|&(o, _)| o < r.end));
        // Tabs count from the paragraph start: the run's width is measured where it stands.
        let before: String = shown[..a].iter().map(|&(_, c)| c).collect();
        let t: String = shown[a..b].iter().map(|&(_, c)| c).collect();
        linebreak::shown_width(&t, linebreak::str_width(&before, aw), aw)
    };
    let first_content = lines.iter().position(|l| l.start < l.end).unwrap_or(0);
    for (k, l) in lines.iter().enumerate().skip(first_content + 1) {
        let s = l.start - base;
        if opps.contains(&s) || l.start == l.end {
            continue;
        }
        let a = opps.range(..s).next_back().copied().unwrap_or(0);
        let b = opps.range(s..).next().copied().unwrap_or(p.len());
        // Spaces a break consumes are not part of the run; spaces that open the paragraph
        // are content.
        let trimmed = p[a..b].trim_end_matches(' ');
        let run = a..a + if trimmed.is_empty() { b - a } else { trimmed.len() };
        let run_width = width_of(run.clone());
        assert!(
            run_width > col,
            "line {k} starts at {s} inside {:?} ({run_width} columns), which fits in {col} columns: {p:?}",
            &p[run]
        );
    }
    lines
}

/// Spans that lie in `0..len` of `text` on character boundaries, in order, not overlapping.
fn check_spans(text: &str, spans: &[(usize, usize)], what: &str) {
    let mut end = 0;
    for (i, &(s, e)) in spans.iter().enumerate() {
        assert!(s < e && e <= text.len(), "{what} {i} ({s}..{e}) out of bounds (len {})", text.len());
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what} {i} ({s}..{e}) splits a character"
        );
        assert!(s >= end, "{what} {i} ({s}..{e}) overlaps or precedes the one before (ending at {end})");
        end = e;
    }
}

/// Finds the figures of one paragraph and checks their spans.
pub fn check_figures(p: &str, base: usize) -> Vec<Figure> {
    let figs = yuedu::document::figures::find_figures(p, base);
    let spans: Vec<(usize, usize)> = figs
        .iter()
        .map(|f| {
            assert!(f.start >= base, "figure {f:?} before the paragraph start {base}");
            (f.start - base, f.end.saturating_sub(base))
        })
        .collect();
    check_spans(p, &spans, "figure");
    figs
}

/// Finds the quotes of `text` (paragraphs = its non-empty lines, plus `extra` ranges, which
/// may be anything) and checks their spans: each inside one paragraph, in order.
pub fn check_quotes(text: &str, extra: &[Range<usize>]) -> Vec<Quote> {
    let paras: Vec<Range<usize>> = yuedu::document::split_blocks(text).iter().map(|b| b.range()).collect();
    let quotes = yuedu::document::quotes::find_quotes(text, &paras);
    let spans: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    check_spans(text, &spans, "quote");
    for q in &quotes {
        assert!(
            paras.iter().any(|p| p.start <= q.start && q.end <= p.end),
            "quote {q:?} spans two paragraphs"
        );
        let _ = q.inner(text);
    }
    // Ranges that are out of bounds, reversed or inside a character are skipped, never a panic.
    let _ = yuedu::document::quotes::find_quotes(text, extra);
    quotes
}

/// Builds a document from text and checks its blocks and outline.
pub fn check_document(name: &str, text: &str) -> Document {
    let decoded = load::Decoded { text: text.to_string(), encoding: "UTF-8", warnings: Vec::new() };
    let doc = Document::new(name, decoded);
    check_document_shape(&doc);
    doc
}

/// Blocks in bounds, in order, non-empty; headings point at blocks, in order.
pub fn check_document_shape(doc: &Document) {
    let spans: Vec<(usize, usize)> = doc.blocks.iter().map(|b| (b.start, b.end)).collect();
    check_spans(&doc.text, &spans, "block");
    for w in doc.blocks.windows(2) {
        assert!(w[0].line < w[1].line, "block lines out of order: {} then {}", w[0].line, w[1].line);
    }
    let mut last = None;
    for h in &doc.headings {
        assert!(h.block < doc.blocks.len(), "heading {h:?} points past the blocks");
        assert!(h.level >= 1, "heading {h:?} has level 0");
        assert!(last.is_none_or(|l| l < h.block), "headings out of order at {h:?}");
        last = Some(h.block);
        let _ = doc.heading_text(h);
    }
    let _ = (doc.id(), doc.title(), doc.sections().count());
    for off in [0, doc.text.len() / 2, doc.text.len(), doc.text.len() + 1] {
        let _ = (doc.block_at(off), doc.line_of(off));
    }
}

/// Whether every key of `old` is in `new` with the same value (tables recursively, arrays
/// element by element); `new` may have more keys (fields written with their defaults).
fn kept(old: &toml::Value, new: &toml::Value) -> bool {
    match (old, new) {
        (toml::Value::Table(a), toml::Value::Table(b)) => {
            a.iter().all(|(k, v)| b.get(k).is_some_and(|w| kept(v, w)))
        }
        (toml::Value::Array(a), toml::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(v, w)| kept(v, w))
        }
        (toml::Value::Float(a), toml::Value::Float(b)) if a.is_nan() => b.is_nan(),
        _ => old == new,
    }
}

/// Writes `bytes` as the bookmarks file in `dir`, loads it, and rewrites it through the
/// store (removing a bookmark that is not there). A file that loads is rewritten with every
/// field it had, known or not; a file that does not load is left byte for byte as it was.
pub fn check_bookmarks_file(bytes: &[u8], dir: &std::path::Path) {
    use yuedu::store::bookmarks::Store;
    let path = dir.join("bookmarks.toml");
    std::fs::write(&path, bytes).expect("write the bookmarks file");
    let store = Store::new(&path);
    let loaded = store.load();
    let rewritten = store.remove("\u{0}not-a-bookmark-id");
    match loaded {
        Ok(list) => {
            let after = rewritten.unwrap_or_else(|e| panic!("a file that loads cannot be rewritten: {e}"));
            assert_eq!(list, after, "bookmarks changed by a rewrite that removes nothing");
            let old: toml::Value = toml::from_str(std::str::from_utf8(bytes).expect("loaded, so UTF-8"))
                .expect("loaded, so TOML");
            let new_text = std::fs::read_to_string(&path).expect("read the rewritten file");
            let new: toml::Value = toml::from_str(&new_text).expect("the rewritten file is TOML");
            assert!(
                kept(&old, &new),
                "a field was lost or changed by the rewrite:\n{old:#?}\n---\n{new_text}"
            );
            let again = store.load().expect("the rewritten file loads");
            assert_eq!(list, again, "the rewritten file reads back differently");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "a multi-line error: {msg}");
            assert!(rewritten.is_err(), "a file that does not load was rewritten");
            assert_eq!(std::fs::read(&path).expect("read"), bytes, "a file that does not load was changed");
        }
    }
}

/// Parses `text` as a user config: never a panic; an error is one line naming the file.
pub fn check_config(text: &str) {
    let path = std::path::Path::new("fuzz-config.toml");
    if let Err(e) = yuedu::config::Config::from_toml(text, Some(path)) {
        assert!(e.0.starts_with("fuzz-config.toml"), "the error does not name the file: {}", e.0);
        assert!(!e.0.contains('\n'), "a multi-line error: {}", e.0);
    }
    let _ = yuedu::config::Config::from_bytes(text.as_bytes(), path);
}

/// What a byte string becomes for the drawing and output checks: text with every control
/// character likely (the bytes below 0x20 and 0x7f are kept as they are; `\u{80}`-`\u{9f}`
/// and the bidi controls are made from the byte 0xc2 / 0xe2 sequences of the input).
pub fn control_rich_text(data: &[u8]) -> String {
    const EXTRA: &[&str] =
        &["\u{9b}", "\u{85}", "\u{202e}", "\u{2066}", "\u{1b}]52;c;eA==\u{7}", "\t", "\u{b}"];
    let mut out = String::new();
    for chunk in String::from_utf8_lossy(data).split('\u{fffd}') {
        out.push_str(chunk);
        out.push_str(EXTRA[chunk.len() % EXTRA.len()]);
    }
    out
}

/// Draws a reader on `text` into a frame of `w` × `h` while the app last heard of a resize
/// to `rw` × `rh` (a resize storm: the frame is the real size), after the given actions.
/// Checks that nothing panics (nothing is drawn outside the frame) and that no cell holds a
/// control character.
pub fn check_draw(text: &str, (w, h): (u16, u16), (rw, rh): (u16, u16), actions: &[u8]) {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use yuedu::app::{Action, App};
    let decoded = load::Decoded { text: text.to_string(), encoding: "UTF-8", warnings: Vec::new() };
    let doc = Document::new("fuzz.txt", decoded);
    let mut app = App::new(doc, yuedu::config::Config::default(), rw, rh);
    for &a in actions {
        let action = Action::ALL[usize::from(a) % Action::ALL.len()];
        if matches!(action, Action::Quit | Action::Reload) {
            continue;
        }
        app.update(action);
    }
    app.message = Some(yuedu::app::Message::warning(format!("note: {text}")));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(&app, f)).expect("draw");
    for (i, cell) in terminal.backend().buffer().content.iter().enumerate() {
        assert!(
            !yuedu::sanitize::has_control(cell.symbol()),
            "cell {i} of a {w}x{h} frame holds a control: {:?}",
            cell.symbol()
        );
    }
}

/// Runs every plain-text script output on `text` (and a bookmark holding it) and checks that
/// none holds a byte that could drive a terminal: nothing below 0x20 but `\n` and the
/// field-separating `\t`, no DEL, no C1 control, no bidi control. JSON output is checked
/// the same way (its strings are escaped) and must parse back to the same text.
pub fn check_outputs(text: &str, width: u16) {
    use yuedu::sanitize::is_safe_output;
    let decoded = load::Decoded { text: text.to_string(), encoding: "UTF-8", warnings: Vec::new() };
    let doc = Document::new("fuzz.txt", decoded);
    let config = yuedu::config::Config::default();
    let run = |f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| -> String {
        let mut out = Vec::new();
        f(&mut out).expect("write to a Vec");
        String::from_utf8(out).expect("UTF-8 output")
    };
    let plain = [
        ("outline", run(&|o| yuedu::cli::outline(&doc, false, o)), false),
        ("dump", run(&|o| yuedu::cli::dump(&doc, &config, width.max(1), o)), false),
        ("figures", run(&|o| yuedu::app::figures::print_figures(&doc, false, o)), true),
        ("quotes", run(&|o| yuedu::app::quotes::print_quotes(&doc, false, o)), true),
    ];
    let b = yuedu::store::bookmarks::Bookmark {
        id: "1".into(),
        article: doc.id(),
        title: text.chars().take(40).collect(),
        section: text.chars().take(10).collect(),
        quote: text.to_string(),
        speaker: Some(text.chars().take(5).collect()),
        speaker_title: None,
        note: text.chars().rev().take(20).collect(),
        line: 1,
        start: 0,
        end: 1,
        created: String::new(),
        path: None,
        kind: None,
        extra: toml::Table::new(),
    };
    let list = vec![b];
    let marks = [
        (
            "bookmarks",
            run(&|o| yuedu::app::quotes::print_bookmarks(&list, Some(&doc), false, &Default::default(), o)),
            true,
        ),
        (
            "bookmarks --all",
            run(&|o| yuedu::app::quotes::print_bookmarks(&list, None, false, &Default::default(), o)),
            true,
        ),
        ("export", run(&|o| yuedu::app::quotes::export(&list, false, &Default::default(), o)), false),
    ];
    for (name, out, tabs) in plain.iter().chain(&marks) {
        assert!(is_safe_output(out, *tabs), "{name} printed a control: {out:?}");
        if *tabs {
            // Every row has as many fields as the first: a tab from the text is no separator.
            let fields: BTreeSet<usize> = out.lines().map(|l| l.split('\t').count()).collect();
            assert!(fields.len() <= 1, "{name}: rows with different field counts: {out:?}");
        }
    }
    let json = [
        run(&|o| yuedu::cli::outline(&doc, true, o)),
        run(&|o| yuedu::app::figures::print_figures(&doc, true, o)),
        run(&|o| yuedu::app::quotes::print_quotes(&doc, true, o)),
        run(&|o| yuedu::app::quotes::export(&list, true, &Default::default(), o)),
    ];
    for out in &json {
        assert!(is_safe_output(out, false), "JSON holds a raw control: {out:?}");
    }
    let back: Vec<yuedu::store::bookmarks::Bookmark> =
        serde_json::from_str(&json[3]).expect("the export is JSON");
    assert_eq!(back[0].quote, text, "JSON keeps the text exactly");
}
