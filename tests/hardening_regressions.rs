//! Inputs found by fuzzing and property testing (see the README's "Testing and hardening"),
//! kept as plain tests so the bugs they found stay fixed.

#[path = "fuzz/src/lib.rs"]
mod invariants;

use invariants::{check_wrap, options_from};

/// A space followed by a combining mark is one grapheme: it was taken for a space that a
/// break consumes, and the mark was lost between two lines.
#[test]
fn a_space_carrying_a_combining_mark_is_not_dropped_at_a_break() {
    let lines = check_wrap("A \u{1193b}🎞:ଏa", 0, 0, 4, &options_from(0));
    let shown: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert!(shown.contains('\u{1193b}'), "the mark is shown: {lines:?}");
    check_wrap("中 \u{301}文", 0, 2, 0, &options_from(1));
}

/// Spaces that open a paragraph are content (only spaces at a break are consumed); at width 1
/// each one takes a row and nothing after them is lost.
#[test]
fn leading_spaces_at_width_1_are_kept() {
    let p = format!("{}\0\0\u{fffd}\u{fffd}t\u{0}2\u{0}", " ".repeat(59));
    let lines = check_wrap(&p, 17, 0, 0, &options_from(0x20));
    assert!(lines.len() >= 59, "{} lines", lines.len());
}
