//! Display width in terminal cells, by character and by grapheme cluster, with East Asian
//! Ambiguous characters narrow or wide.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of one character.
// Called per character while wrapping and drawing, from other modules: `#[inline]` lets
// it inline across codegen units, as it could when it sat beside the line breaker.
#[inline]
pub fn char_width(c: char, ambiguous_wide: bool) -> usize {
    if ambiguous_wide { c.width_cjk().unwrap_or(0) } else { c.width().unwrap_or(0) }
}

/// Display width of one grapheme cluster (an emoji ZWJ sequence or a letter with combining
/// marks is drawn in the cells of one character).
#[inline]
pub fn grapheme_width(g: &str, ambiguous_wide: bool) -> usize {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => char_width(c, ambiguous_wide),
        (None, _) => 0,
        _ => {
            if ambiguous_wide {
                g.width_cjk()
            } else {
                g.width()
            }
        }
    }
}
