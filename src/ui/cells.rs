//! Strings made safe and short for one row of cells: every string drawn outside the text
//! pane passes through [`fit`].

use unicode_width::UnicodeWidthStr;

/// `s` cut to at most `width` columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    // Every string drawn outside the text pane passes here: controls become placeholders.
    let s = &*crate::sanitize::clean(s);
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
