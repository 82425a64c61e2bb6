//! Property tests of the untrusted-text invariants the `draw` and `outputs` fuzz targets
//! check (`tests/fuzz/src/lib.rs`): short runs on every change, the fuzzers run them longer.

#[path = "fuzz/src/lib.rs"]
mod invariants;

use proptest::prelude::*;

/// Pieces of text: Chinese, ASCII, every kind of control and a few escape sequences.
const PIECES: &[&str] = &[
    "上海",
    "“引号”",
    "。",
    "12%",
    "3.5亿元",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{e}",
    "\u{f}",
    "\u{1b}",
    "\u{1b}[31m",
    "\u{1b}]2;t\u{7}",
    "\u{1b}]52;c;eA==\u{7}",
    "\u{7f}",
    "\u{80}",
    "\u{85}",
    "\u{9b}",
    "\u{9f}",
    "\u{202a}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "é\u{301}",
    "一、标题",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn drawing_never_puts_a_control_in_a_cell(
        t in text(),
        w in 1u16..120, h in 1u16..40, rw in 1u16..200, rh in 1u16..60,
        actions in prop::collection::vec(any::<u8>(), 0..6),
    ) {
        invariants::check_draw(&t, (w, h), (rw, rh), &actions);
    }

    #[test]
    fn script_outputs_never_print_a_control(t in text(), width in 1u16..80) {
        invariants::check_outputs(&t, width);
    }
}

/// A frame smaller than the last resize (the storm case that panicked in `put_char`).
#[test]
fn a_frame_smaller_than_the_last_resize_draws_inside_it() {
    let t = format!("标题\n\n{}", "段落文字，\t有制表符\u{1b}[2J和控制字符。".repeat(20));
    for (w, h) in [(1, 1), (3, 2), (40, 5), (100, 30)] {
        invariants::check_draw(&t, (w, h), (200, 60), &[]);
        invariants::check_draw(&t, (200, 60), (w, h), &[]);
    }
}
