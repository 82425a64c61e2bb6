//! Chinese line breaking: one paragraph → visual lines carrying byte ranges.

use unicode_width::UnicodeWidthChar;

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
}

/// Display width of one character.
pub fn char_width(c: char, ambiguous_wide: bool) -> usize {
    if ambiguous_wide { c.width_cjk().unwrap_or(0) } else { c.width().unwrap_or(0) }
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
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur =
        VisualLine { start: base, end: base, text: String::new(), width: 0, indent: indent.min(width) };
    for (i, c) in paragraph.char_indices() {
        let w = char_width(c, opts.ambiguous_wide);
        if cur.indent + cur.width + w > width && !cur.text.is_empty() {
            let next =
                VisualLine { start: base + i, end: base + i, text: String::new(), width: 0, indent: 0 };
            lines.push(std::mem::replace(&mut cur, next));
        }
        cur.text.push(c);
        cur.width += w;
        cur.end = base + i + c.len_utf8();
    }
    lines.push(cur);
    lines
}
