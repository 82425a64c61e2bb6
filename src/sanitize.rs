//! The one place that decides how a character that could drive the terminal is shown.
//!
//! A text is untrusted input: an escape sequence in it (or in a file name, a bookmarks file
//! or a config file) must never reach the terminal. Every cell the reader draws and every
//! line a script command prints goes through here:
//! - a tab is expanded to spaces, to the next multiple of [`TAB`] columns from the start of
//!   the paragraph (or of the printed field);
//! - every other C0 control and DEL is shown in caret notation (`^[` for ESC, `^?` for
//!   DEL), a C1 control and a bidirectional override or isolate (U+202A–202E,
//!   U+2066–2069) as `U+XXXX`; the reader draws these placeholders in the dim style;
//! - nothing that follows a control is lost.
//!
//! JSON output is escaped by [`write_json`], which also writes DEL, C1 and the bidi
//! controls as `\uXXXX`, so a JSON document printed to a terminal is as harmless.

use std::borrow::Cow;
use std::io::Write;

use unicode_segmentation::UnicodeSegmentation;

/// Columns between tab stops.
pub const TAB: usize = 4;

/// Whether `c` is shown as a placeholder (or, for a tab, as spaces) instead of itself.
pub fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether any character of `s` is one [`is_control`] replaces.
pub fn has_control(s: &str) -> bool {
    s.chars().any(is_control)
}

/// Columns a tab takes when it starts `col` columns from the paragraph start.
pub fn tab_width(col: usize) -> usize {
    TAB - col % TAB
}

/// The placeholder for a control other than a tab: `^@`…`^_` and `^?` (caret notation),
/// `U+0085` for C1 controls and the bidi controls. `None` for a character shown as itself.
pub fn placeholder(c: char) -> Option<Cow<'static, str>> {
    match c {
        '\0'..='\u{1f}' => {
            let caret = char::from(b'@' + c as u8);
            Some(Cow::Owned(format!("^{caret}")))
        }
        '\u{7f}' => Some(Cow::Borrowed("^?")),
        _ if is_control(c) => Some(Cow::Owned(format!("U+{:04X}", u32::from(c)))),
        _ => None,
    }
}

/// How one grapheme cluster is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<'a> {
    /// As itself.
    Text(&'a str),
    /// As this many blank columns (a tab).
    Blank(usize),
    /// As a placeholder, in the dim style (controls; all ASCII, one column per byte).
    Placeholder(String),
}

impl Shown<'_> {
    /// Columns it takes, given the width of the grapheme itself (for [`Shown::Text`]).
    pub fn width(&self, text_width: usize) -> usize {
        match self {
            Shown::Text(_) => text_width,
            Shown::Blank(n) => *n,
            Shown::Placeholder(p) => p.len(),
        }
    }
}

/// How grapheme `g` is shown when it starts `col` columns from the paragraph start. A
/// control is a grapheme of its own (UAX #29), but CR LF is one grapheme of two: every
/// character of a grapheme holding a control is shown.
pub fn show(g: &str, col: usize) -> Shown<'_> {
    if !has_control(g) {
        return Shown::Text(g);
    }
    if g == "\t" {
        return Shown::Blank(tab_width(col));
    }
    let mut out = String::new();
    for c in g.chars() {
        match placeholder(c) {
            Some(p) => out.push_str(&p),
            None if c == '\t' => out.extend(std::iter::repeat_n(' ', tab_width(col + out.len()))),
            None => out.push(c),
        }
    }
    Shown::Placeholder(out)
}

/// Columns grapheme `g` takes at `col`, when it holds a control; `None` otherwise (the
/// caller measures it as usual).
pub fn control_width(g: &str, col: usize) -> Option<usize> {
    if !has_control(g) {
        return None;
    }
    Some(show(g, col).width(0))
}

/// `s` as plain text that is safe to print: tabs expanded from `col` (the column `s` starts
/// at, counted from the start of its paragraph or field), every other control replaced by
/// its placeholder. Borrowed when there is nothing to replace.
pub fn clean_from(s: &str, col: usize, ambiguous_wide: bool) -> Cow<'_, str> {
    if !has_control(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut x = col;
    for g in s.graphemes(true) {
        match show(g, x) {
            Shown::Text(t) => {
                out.push_str(t);
                x += crate::text::width::grapheme_width(t, ambiguous_wide);
            }
            Shown::Blank(n) => {
                out.extend(std::iter::repeat_n(' ', n));
                x += n;
            }
            Shown::Placeholder(p) => {
                x += p.len();
                out.push_str(&p);
            }
        }
    }
    Cow::Owned(out)
}

/// `s` safe to print or draw on its own: [`clean_from`] column 0 (a field, a file name, a
/// message). Line breaks are shown as `^J`, so one value stays on one line.
pub fn clean(s: &str) -> Cow<'_, str> {
    clean_from(s, 0, false)
}

/// Multi-line text (a help or usage message) with each line cleaned and its line breaks kept.
pub fn clean_lines(s: &str) -> String {
    s.split_inclusive('\n')
        .map(|l| {
            let (body, nl) = l.strip_suffix('\n').map_or((l, ""), |b| (b, "\n"));
            format!("{}{nl}", clean(body))
        })
        .collect()
}

/// Writes `value` as pretty-printed JSON with DEL, C1 controls and the bidi controls
/// escaped as `\uXXXX` too (serde_json escapes only the C0 controls).
pub fn write_json<T: serde::Serialize + ?Sized>(out: &mut impl Write, value: &T) -> std::io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(out, SafeFormatter(serde_json::ser::PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// Writes `value` as compact JSON, escaped like [`write_json`].
pub fn write_json_compact<T: serde::Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
) -> std::io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(out, SafeFormatter(serde_json::ser::CompactFormatter));
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// A JSON formatter that escapes every character [`is_control`] replaces.
struct SafeFormatter<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(is_control) {
            w.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or('\u{fffd}');
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Whether printed output is free of every byte that could drive a terminal: no byte below
/// 0x20 but `\n` (and `\t` when `tabs` allows field separators), no DEL, no C1 control, no
/// bidi control. For tests and fuzzing of the script outputs.
pub fn is_safe_output(out: &str, tabs: bool) -> bool {
    !out.chars().any(|c| is_control(c) && c != '\n' && !(tabs && c == '\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_placeholders_and_nothing_after_them_is_lost() {
        assert_eq!(clean("a\u{1b}]2;x\u{7}b"), "a^[]2;x^Gb");
        assert_eq!(clean("姓名\t年龄"), "姓名    年龄");
        assert_eq!(clean("ab\tc"), "ab  c");
        assert_eq!(clean("\u{9b}31m\u{202e}x\u{7f}"), "U+009B31mU+202Ex^?");
        assert_eq!(clean("\r\nz"), "^M^Jz");
        assert!(matches!(clean("纯文本"), Cow::Borrowed(_)));
    }

    #[test]
    fn tabs_stop_every_four_columns_from_the_given_column() {
        assert_eq!(clean_from("\tx", 1, false), "   x");
        assert_eq!(clean_from("\tx", 4, false), "    x");
        assert_eq!(tab_width(7), 1);
    }

    #[test]
    fn json_escapes_del_c1_and_bidi_too() {
        let mut out = Vec::new();
        write_json(&mut out, &["\u{1b}[31m\u{7f}\u{9b}\u{202e}é"]).expect("write");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(s.contains(r"\u001b[31m\u007f\u009b\u202eé"), "{s}");
        let back: Vec<String> = serde_json::from_str(&s).expect("still JSON");
        assert_eq!(back[0], "\u{1b}[31m\u{7f}\u{9b}\u{202e}é");
    }
}
