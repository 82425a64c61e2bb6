//! Figures in a real terminal (tmux): `}` moves the selection (the status line follows) and
//! `f` turns the highlight off and on (seen in the colours `capture-pane -e` reports).

mod common;

use common::Tmux;

fn status(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn next_figure_moves_the_selection_and_f_toggles_the_highlight() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("青年驱动");
    // Highlighted at start: an escape sequence sits between 达 and the figure.
    t.wait_for_escaped("1.6万亿元 drawn in its own colour", |s| {
        s.contains("m1.6万亿元\u{1b}[") && !s.contains("达1.6万亿元")
    });

    t.keys(&["}"]);
    t.wait_for("the first figure in the status line", |s| status(s).contains("figure 1/37 · 2023年 · date"));
    t.keys(&["}"]);
    t.wait_for("the second figure in the status line", |s| status(s).contains("figure 2/37 · 三大 · count"));
    t.keys(&["{"]);
    t.wait_for("back to the first figure", |s| status(s).contains("figure 1/37 · 2023年 · date"));

    t.keys(&["f"]);
    t.wait_for("the highlight-off message", |s| status(s).contains("figure highlighting off"));
    t.wait_for_escaped("1.6万亿元 in the body style", |s| s.contains("达1.6万亿元"));

    t.keys(&["f"]);
    t.wait_for("the highlight-on message", |s| status(s).contains("figures highlighted"));
    t.wait_for_escaped("1.6万亿元 in its colour again", |s| !s.contains("达1.6万亿元"));

    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_figures_list_jumps_to_the_chosen_figure() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("青年驱动");
    t.keys(&["F"]);
    t.wait_text("figures 1/37");
    t.keys(&["G"]);
    t.wait_text("figures 37/37");
    t.keys(&["Enter"]);
    let s = t.wait_for("the last figure selected", |s| status(s).contains("figure 37/37 · 七大 · count"));
    assert!(s.contains("七大研究所"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
