//! Chinese line breaking: one paragraph → visual lines carrying byte ranges.
//!
//! The rules are those of a printed Chinese page (W3C clreq, basic level, plus the number
//! practice of GB/T 15835), on top of the UAX #14 break classes of `unicode-linebreak`:
//!
//! - break opportunities come from UAX #14, tailored: a break before `“` / after `”` when both
//!   neighbours are East Asian (LB19a of Unicode 15.1, which `unicode-linebreak` 0.1.5 lacks);
//!   no line starts with closing punctuation (`，。、”）%` …, `……`, `——`) and none ends with
//!   an opening mark (`“（《` …); a number stays with its magnitude and unit (`1.6万亿元`,
//!   `80多人`, `5月24日`);
//! - lines are filled greedily over those opportunities, so a character that may not start a
//!   line pulls the one before it down (push-out, ragged right);
//! - a run that cannot fit on an empty line is cut at grapheme boundaries (emergency break);
//!   one grapheme wider than the whole column (a hanzi at width 1) gets a line of its own;
//! - ASCII spaces at a break are consumed: they belong to no line.
//!
//! The first-line indent is a run of blank columns in front of the first character. When the
//! first unit of the paragraph does not fit beside it, the indent keeps the first row to
//! itself; when the column is narrower than the indent, the indent goes on over the next rows
//! (each row holding as many of its columns as fit). So the indent is never trimmed and no row
//! is wider than the column.
//!
//! Everything is one pass over the paragraph plus one over its graphemes: linear time.

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::punct::*;
pub use super::punct::{no_line_end, no_line_start};

/// How to set a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrapOptions {
    /// Show ASCII `,` `;` `:` `(` `)` `!` `?` between hanzi as full-width marks.
    pub normalize_punctuation: bool,
    /// Count East Asian Ambiguous characters (“ ” … — ·) as two columns.
    pub ambiguous_wide: bool,
    /// Keep `——` and `……` off the start of a line too.
    pub strict: bool,
}

impl Default for WrapOptions {
    fn default() -> Self {
        WrapOptions { normalize_punctuation: true, ambiguous_wide: false, strict: false }
    }
}

/// One visual line of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Byte offset (in the document) of the first character shown.
    pub start: usize,
    /// Byte offset just past the last character shown.
    pub end: usize,
    /// What is shown: the source characters `start..end`, one display character for each
    /// source character (normalised punctuation), so the two can be zipped.
    pub text: String,
    /// Display width of `text` in columns.
    pub width: usize,
    /// Columns of first-line indent drawn before `text`.
    pub indent: usize,
    /// Columns from the paragraph start to `start` (where tab stops are counted from).
    pub col: usize,
    /// When the text is shown in another script ([`crate::text::script`]): for each
    /// character of `text`, the byte offset (from `start`) of the source character it
    /// stands for. Empty when `text` zips with the source character for character.
    pub origin: Vec<u32>,
}

impl VisualLine {
    /// For each character of `text`, the byte offset from `start` of the source character
    /// it shows (`src` is the source `start..end`).
    pub fn char_offsets<'a>(&'a self, src: &'a str) -> Box<dyn Iterator<Item = usize> + 'a> {
        if self.origin.is_empty() {
            Box::new(src.char_indices().map(|(i, _)| i))
        } else {
            Box::new(self.origin.iter().map(|&o| o as usize))
        }
    }
}

pub use crate::text::width::{char_width, grapheme_width};

/// Display width of a string, grapheme by grapheme (as the text pane draws it), starting
/// at the paragraph start.
pub fn str_width(s: &str, ambiguous_wide: bool) -> usize {
    shown_width(s, 0, ambiguous_wide)
}

/// Display width of a string that starts `col` columns from the paragraph start: controls
/// as their placeholders, tabs up to the next tab stop (see [`crate::sanitize`]).
pub fn shown_width(s: &str, col: usize, ambiguous_wide: bool) -> usize {
    let mut x = col;
    for g in s.graphemes(true) {
        x += crate::sanitize::control_width(g, x).unwrap_or_else(|| grapheme_width(g, ambiguous_wide));
    }
    x - col
}

/// The first `cols` columns of an indent string, padded with spaces to exactly `cols`
/// columns (a row holding part of an indent that is wider than the column).
pub fn indent_cells(indent: &str, cols: usize, ambiguous_wide: bool) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in indent.chars() {
        let cw = char_width(c, ambiguous_wide);
        if w + cw > cols {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

const BREAK: u8 = 1;
const SPACE: u8 = 2;
/// A break taken only when the line has no other: between the parts of a date or time
/// chain too long for the line.
const WEAK: u8 = 4;

/// One grapheme of the paragraph.
#[derive(Debug, Clone, Copy)]
struct Grapheme {
    /// Byte offset in the paragraph.
    off: u32,
    /// Columns to the left of it from the paragraph start (prefix sum of widths).
    x: u32,
    /// `BREAK`: a line may start here; `WEAK`: it may when the line has no `BREAK`;
    /// `SPACE`: an ASCII space a break consumes.
    flags: u8,
}

/// The paragraph cut into graphemes with their break opportunities.
struct Analysis {
    /// The graphemes, then a sentinel at the paragraph's end (off = len, x = total width).
    gs: Vec<Grapheme>,
    /// Graphemes shown as another character (normalised punctuation): index and character.
    shown: Vec<(usize, char)>,
}

fn analyse(p: &str, opts: &WrapOptions) -> Analysis {
    let mut gs = Vec::with_capacity(p.len() / 3 + 2);
    let mut shown = Vec::new();
    let mut ulb = linebreaks(p).peekable();
    let wide = opts.ambiguous_wide;
    let mut pos = 0;
    let mut x = 0;
    // The last two characters as shown, and the last one that is not a space.
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut prev_ns: Option<char> = None;
    // Breaks are forbidden at offsets below this (a number glued to its unit).
    let mut glue_until = 0;
    // Where a weak break falls (the next part of a date or time chain).
    let mut weak_at = usize::MAX;
    let mut leading = true;
    let mut after_normalized_close = false;
    while pos < p.len() {
        let rest = &p[pos..];
        let mut it = rest.chars();
        let Some(c) = it.next() else { break };
        let next = it.next();
        let clen = c.len_utf8();
        // Most of a Chinese text: a hanzi needs none of the checks for marks below.
        let hanzi = ('\u{4e00}'..='\u{9fff}').contains(&c);
        let (glen, mut w) = if is_simple(c) && next.is_none_or(is_simple) {
            (clen, if hanzi { 2 } else { char_width(c, wide) })
        } else {
            let g = rest.graphemes(true).next().unwrap_or(rest);
            // A control is shown as a placeholder, a tab up to the next tab stop.
            let w = crate::sanitize::control_width(g, x).unwrap_or_else(|| grapheme_width(g, wide));
            (g.len(), w)
        };
        let single = glen == clen;
        let after = if single { next } else { rest[glen..].chars().next() };
        let mut ch = c;
        if opts.normalize_punctuation
            && c.is_ascii()
            && single
            && let Some(f) = normalized(c, prev, after)
        {
            shown.push((gs.len(), f));
            ch = f;
            w = char_width(f, wide);
        }
        while ulb.next_if(|&(i, _)| i < pos).is_some() {}
        let mut brk = pos > 0 && ulb.peek().is_some_and(|&(i, _)| i == pos);
        if pos > 0 && !brk && !hanzi && !is_quote(ch) {
            // UAX #14 saw the ASCII mark (`,` glues to a digit after it, `(` to a letter
            // before it); the full-width mark shown breaks like CL after it, OP before it.
            brk = after_normalized_close || (ch == '（' && ch != c);
        }
        after_normalized_close = ch != c && matches!(ch, '，' | '；' | '：' | '！' | '？' | '）');
        if pos > 0 && !brk {
            // UAX #14 LB19a (Unicode 15.1): quotes between East Asian characters may break
            // outside the marks.
            let both = |a: Option<char>, b: Option<char>| {
                a.is_some_and(is_east_asian) && b.is_some_and(is_east_asian)
            };
            if matches!(ch, '“' | '‘') && both(prev, after) {
                brk = true;
            }
            if matches!(prev, Some('”' | '’')) && both(prev2, Some(ch)) {
                brk = true;
            }
        }
        if brk
            && (pos < glue_until
                || (!hanzi && no_line_start(ch, opts.strict))
                || prev_ns.is_some_and(no_line_end)
                || ch == ' ')
        {
            brk = false;
        }
        // A space carrying a combining mark is content: consuming it would drop the mark.
        let is_space = ch == ' ' && single && !leading;
        leading &= ch == ' ';
        let weak = !brk && pos == weak_at;
        let flags = (u8::from(brk) * BREAK) | (u8::from(is_space) * SPACE) | (u8::from(weak) * WEAK);
        gs.push(Grapheme { off: pos as u32, x: x as u32, flags });
        if is_digit(c) && single {
            let number_goes_on = match after {
                Some(n) if is_digit(n) => true,
                Some(sep @ ('.' | ',' | '．' | ':')) => {
                    rest[clen + sep.len_utf8()..].chars().next().is_some_and(is_digit)
                }
                _ => false,
            };
            if !number_goes_on {
                let (len, chain) = unit_glue(&rest[glen..]);
                if len > 0 {
                    glue_until = glue_until.max(pos + glen + len + usize::from(chain));
                    if chain {
                        weak_at = pos + glen + len;
                    }
                }
            }
        }
        x += w;
        pos += glen;
        prev2 = prev;
        prev = Some(ch);
        if ch != ' ' {
            prev_ns = Some(ch);
        }
    }
    gs.push(Grapheme { off: p.len() as u32, x: x as u32, flags: 0 });
    Analysis { gs, shown }
}

/// Byte offsets (in `paragraph`) where a line may start, after tailoring: the places `wrap`
/// breaks at unless a run cannot fit.
pub fn break_opportunities(paragraph: &str, opts: &WrapOptions) -> Vec<usize> {
    let mut out = Vec::new();
    for (from, piece) in pieces(paragraph) {
        let a = analyse(piece, opts);
        out.extend(a.gs.iter().filter(|g| g.flags & BREAK != 0).map(|g| from + g.off as usize));
    }
    out
}

/// Builds the visual lines from an analysis.
struct Builder<'a> {
    p: &'a str,
    base: usize,
    a: &'a Analysis,
    /// Next entry of `a.shown` not yet passed.
    shown_at: usize,
    lines: Vec<VisualLine>,
}

impl Builder<'_> {
    /// Emits graphemes `from..to` as one line after `indent` columns.
    fn emit(&mut self, from: usize, to: usize, indent: usize) {
        let gs = &self.a.gs;
        let (s, e) = (gs[from].off as usize, gs[to].off as usize);
        let mut text = String::with_capacity(e - s + 8);
        while self.shown_at < self.a.shown.len() && self.a.shown[self.shown_at].0 < from {
            self.shown_at += 1;
        }
        let mut copied = s;
        while let Some(&(i, c)) = self.a.shown.get(self.shown_at).filter(|(i, _)| *i < to) {
            text.push_str(&self.p[copied..gs[i].off as usize]);
            text.push(c);
            copied = gs[i + 1].off as usize;
            self.shown_at += 1;
        }
        text.push_str(&self.p[copied..e]);
        let width = self.width_of(from, to);
        let col = gs[from].x as usize;
        self.lines.push(VisualLine {
            start: self.base + s,
            end: self.base + e,
            text,
            width,
            indent,
            col,
            origin: Vec::new(),
        });
    }

    /// Display width of graphemes `from..to` as shown.
    fn width_of(&self, from: usize, to: usize) -> usize {
        (self.a.gs[to].x - self.a.gs[from].x) as usize
    }
}

/// Wraps `paragraph` (which starts at byte `base` of the document) into lines of at most
/// `width` columns; the first line starts after `indent` columns of indent.
pub fn wrap(
    paragraph: &str,
    base: usize,
    width: usize,
    indent: usize,
    opts: &WrapOptions,
) -> Vec<VisualLine> {
    let mut lines = Vec::new();
    for (from, piece) in pieces(paragraph) {
        let indent = if from == 0 { indent } else { 0 };
        lines.extend(wrap_piece(piece, base + from, width, indent, opts));
    }
    lines
}

/// `s` as the text pane shows it, on one line: normalised punctuation under `opts`, spaces
/// kept. For short strings drawn outside the text pane (outline entries, the status line,
/// lists), so they read the same as the text.
pub fn display_text(s: &str, opts: &WrapOptions) -> String {
    if !opts.normalize_punctuation || !s.bytes().any(|b| full_width_of(char::from(b)).is_some()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = None;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        let shown = normalized(c, prev, it.peek().copied()).unwrap_or(c);
        out.push(shown);
        prev = Some(shown);
    }
    out
}

/// Longest piece analysed at once: offsets and widths inside it fit in `u32`, which halves
/// the memory the analysis writes. A longer paragraph (a gigabyte on one line) is cut there.
const PIECE: usize = 1 << 30;

/// `paragraph` cut at character boundaries into pieces of at most `PIECE` bytes, with their
/// offsets (one piece, the whole paragraph, in practice).
fn pieces(paragraph: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= paragraph.len() && !(from == 0 && paragraph.is_empty()) {
            return None;
        }
        let mut to = (from + PIECE).min(paragraph.len());
        while !paragraph.is_char_boundary(to) {
            to -= 1;
        }
        let piece = (from, &paragraph[from..to]);
        from = if paragraph.is_empty() { 1 } else { to };
        Some(piece)
    })
}

fn wrap_piece(
    paragraph: &str,
    base: usize,
    width: usize,
    indent: usize,
    opts: &WrapOptions,
) -> Vec<VisualLine> {
    let width = width.max(1);
    let a = analyse(paragraph, opts);
    let mut b = Builder { p: paragraph, base, a: &a, shown_at: 0, lines: Vec::new() };
    let gs = &a.gs;
    let n = gs.len() - 1;
    let is_space = |i: usize| gs[i].flags & SPACE != 0;
    let trim = |mut i: usize, from: usize| {
        while i > from && is_space(i - 1) {
            i -= 1;
        }
        i
    };
    // An indent wider than the column fills whole rows first.
    let mut cur_indent = indent;
    while cur_indent > width {
        b.lines.push(VisualLine {
            start: base,
            end: base,
            text: String::new(),
            width: 0,
            indent: width,
            col: 0,
            origin: Vec::new(),
        });
        cur_indent -= width;
    }
    let mut cap = width - cur_indent;
    let mut ls = 0;
    // The latest break after the line start: (grapheme index, end of the line's content).
    let mut last_brk: Option<(usize, usize)> = None;
    // The latest weak break (inside a date or time chain), used when there is no other.
    let mut last_weak: Option<(usize, usize)> = None;
    let mut content_end = 0;
    let mut i = 0;
    while i < n {
        let g = gs[i];
        if g.flags & SPACE != 0 {
            i += 1;
            continue;
        }
        if i > ls && g.flags & BREAK != 0 {
            last_brk = Some((i, content_end));
        }
        if i > ls && g.flags & WEAK != 0 {
            last_weak = Some((i, content_end));
        }
        let over = (gs[i + 1].x - gs[ls].x) as usize > cap;
        if over {
            if let Some((brk, end)) = last_brk.take().or_else(|| last_weak.take()) {
                last_weak = None;
                // Greedy: end the line at the last opportunity; the rest goes down.
                b.emit(ls, end, cur_indent);
                ls = brk;
            } else if cur_indent > 0 {
                // The first unit does not fit beside the indent: the indent keeps the row.
                b.emit(ls, ls, cur_indent);
                ls = i.min(ls);
            } else if i > ls {
                // Emergency: a run wider than the column, cut at a grapheme boundary, one
                // grapheme earlier when that keeps a mark off the wrong end of a line.
                let mut k = i;
                let bad = |k: usize| {
                    let c = |j: usize| b.shown_char(j);
                    no_line_start(c(k), opts.strict) || no_line_end(c(k - 1))
                };
                // Never inside a number or a word, nor after a digit (2|7日), when an
                // earlier cut on the line avoids it.
                let glued = |k: usize| {
                    let (x, y) = (b.shown_char(k - 1), b.shown_char(k));
                    (is_digit(x) && y != ' ')
                        || (x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric())
                        || (matches!(x, '.' | ',' | ':' | '．') && is_digit(y))
                };
                let mut j = k;
                while j - 1 > ls && !is_space(j - 1) && (glued(j) || bad(j)) {
                    j -= 1;
                }
                if j > ls && !glued(j) && !bad(j) {
                    k = j;
                } else if k - 1 > ls && !is_space(k - 1) && bad(k) {
                    k -= 1;
                }
                b.emit(ls, trim(k, ls), cur_indent);
                ls = k;
            } else {
                // One grapheme wider than the whole column: it keeps a line to itself.
                i += 1;
                content_end = i;
                continue;
            }
            cur_indent = 0;
            cap = width;
            content_end = trim(i, ls).max(ls);
            continue;
        }
        i += 1;
        content_end = i;
    }
    if ls < n || b.lines.is_empty() || cur_indent > 0 {
        let end = trim(n, ls).max(ls);
        b.emit(ls, end, cur_indent);
    }
    b.lines
}

impl Builder<'_> {
    /// The character shown for grapheme `i` (its first character).
    fn shown_char(&self, i: usize) -> char {
        match self.a.shown.binary_search_by_key(&i, |&(j, _)| j) {
            Ok(k) => self.a.shown[k].1,
            Err(_) => self.p[self.a.gs[i].off as usize..].chars().next().unwrap_or(' '),
        }
    }
}
