//! Where the panes go on a screen of a given size (shared by `update` and drawing).

use ratatui::layout::Rect;

use crate::config::{Config, Side};
use crate::i18n::{self, Comfort, Msg, Pair};
use crate::input::Action;

/// The rectangles of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The outline pane (with its border), when shown.
    pub outline: Option<Rect>,
    /// The text column inside the text pane.
    pub text: Rect,
    /// The status line.
    pub status: Rect,
    /// Too small to draw anything useful.
    pub too_small: bool,
}

/// Smallest text column that is worth drawing.
const MIN_TEXT: u16 = 4;

/// Computes the panes for a screen `area` with the outline wanted or not; `natural` is the
/// outline's width that shows its longest entry whole (see [`OutlineWidth::columns`]).
///
/// [`OutlineWidth::columns`]: crate::config::OutlineWidth::columns
pub fn panes(config: &Config, area: Rect, outline_wanted: bool, natural: u16) -> Panes {
    panes_for(config, area, outline_wanted, natural, Chrome::default())
}

/// What reading comfort changes in the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Chrome {
    /// The text column chosen with `+` / `-` (at most what would be there without it).
    pub width: Option<u16>,
    /// Quiet mode: no outline, and the text takes the status line's row too (a prompt or
    /// a message is drawn over its last row).
    pub quiet: bool,
}

/// [`panes`] with reading comfort's changes.
pub fn panes_for(config: &Config, area: Rect, outline_wanted: bool, natural: u16, chrome: Chrome) -> Panes {
    if area.width < MIN_TEXT || area.height < 2 {
        return Panes { too_small: true, text: Rect { height: 0, ..area }, ..Panes::default() };
    }
    let status = Rect { y: area.y + area.height - 1, height: 1, ..area };
    let body = if chrome.quiet { area } else { Rect { height: area.height - 1, ..area } };
    let outline_wanted = outline_wanted && !chrome.quiet;
    let l = &config.layout;
    // The outline never squeezes the text column below 40 columns.
    let outline_cols = l.outline_width.columns(area.width, natural).min(area.width.saturating_sub(40));
    let show_outline = outline_wanted && area.width >= l.outline_min_screen_width && outline_cols >= 8;
    let (outline, text_area) = if show_outline {
        let rest = body.width - outline_cols;
        match l.outline_side {
            Side::Left => (
                Some(Rect { width: outline_cols, ..body }),
                Rect { x: body.x + outline_cols, width: rest, ..body },
            ),
            Side::Right => {
                (Some(Rect { x: body.x + rest, width: outline_cols, ..body }), Rect { width: rest, ..body })
            }
        }
    } else {
        (None, body)
    };
    // One column of margin on each side when there is room, and at most max_text_width.
    let margin = if text_area.width >= 24 { 2 } else { 0 };
    let width = (text_area.width - margin).min(l.max_text_width.max(1));
    let width = chrome.width.map_or(width, |w| w.clamp(1, width));
    let x = text_area.x + (text_area.width - width) / 2;
    let text = Rect { x, y: text_area.y, width, height: text_area.height };
    Panes { outline, text, status, too_small: false }
}

/// How the help overlay is laid out: columns of rows, and how far it can scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpGrid {
    /// Entries listed (actions with at least one key).
    pub entries: usize,
    /// Columns side by side.
    pub columns: usize,
    /// Rows in each column.
    pub rows: usize,
    /// The largest first entry (0 when every entry shows at once).
    pub max_scroll: usize,
}

/// Narrowest help column: a key and a readable description.
pub const HELP_MIN_COLUMN: usize = 34;
/// Blank columns between two help columns.
pub const HELP_GAP: usize = 3;

/// The help grid for the keymap of `config` on a screen `area` (the overlay has a border):
/// as many columns as it takes to show every entry while each stays readable; what does
/// not fit scrolls.
pub fn help_grid(config: &Config, area: Rect) -> HelpGrid {
    let entries = help_rows(config).len();
    let inner_h = usize::from(area.height.saturating_sub(2)).max(1);
    let inner_w = usize::from(area.width.saturating_sub(2));
    let needed = entries.div_ceil(inner_h).max(1);
    let columns = (1..=needed)
        .rev()
        .find(|&c| inner_w.saturating_sub(HELP_GAP * (c - 1)) / c >= HELP_MIN_COLUMN)
        .unwrap_or(1);
    let rows = entries.div_ceil(columns).min(inner_h);
    HelpGrid { entries, columns, rows, max_scroll: entries.saturating_sub(columns * rows) }
}

/// The help's rows: each action with a key, its keys and what it does. The section jumps
/// on `1` … `9` (one key each, in order) make one row, `1–9  Jump to section N`.
pub fn help_rows(config: &Config) -> Vec<(String, String)> {
    help_rows_keyed(config, false)
}

/// [`help_rows`], with only the first key of each action when `first_only` (for columns
/// too narrow for every key).
pub fn help_rows_keyed(config: &Config, first_only: bool) -> Vec<(String, String)> {
    let keymap = &config.keymap;
    let keys_of = |a: Action| {
        let mut keys = keymap.keys(a);
        keys.truncate(if first_only { 1 } else { keys.len() });
        keys
    };
    let section_keys: Vec<Vec<String>> =
        (1..=9).filter_map(Action::section).map(|a| keymap.keys(a)).collect();
    let grouped = section_keys.iter().enumerate().all(|(i, k)| k.len() == 1 && k[0] == (i + 1).to_string());
    // Actions that go together make one row when each has a key: the next and the previous
    // of a kind (`] [`), `+ - =`, `A < >`.
    let groups: [(&[Action], Msg<'_>); 6] = [
        (&[Action::NextSection, Action::PrevSection], Msg::PairHelp(Pair::Sections)),
        (&[Action::NextFigure, Action::PrevFigure], Msg::PairHelp(Pair::Figures)),
        (&[Action::NextQuote, Action::PrevQuote], Msg::PairHelp(Pair::Quotes)),
        (&[Action::NextMatch, Action::PrevMatch], Msg::PairHelp(Pair::Matches)),
        (&[Action::Wider, Action::Narrower, Action::ResetWidth], Msg::Comfort(Comfort::HelpWidth)),
        (
            &[Action::AutoScroll, Action::ScrollSlower, Action::ScrollFaster],
            Msg::Comfort(Comfort::HelpScroll),
        ),
    ];
    let mut rows = Vec::new();
    for &a in Action::ALL {
        let keys = keys_of(a);
        if keys.is_empty() {
            continue;
        }
        if let Some((group, what)) = groups.iter().find(|(g, _)| g.contains(&a))
            && group.iter().all(|&g| !keymap.keys(g).is_empty())
        {
            if group[0] == a {
                let keys: Vec<String> = group.iter().map(|&g| keys_of(g).join(" ")).collect();
                rows.push((keys.join(" "), i18n::text(what.clone())));
            }
            continue;
        }
        match a.section_number() {
            Some(1) if grouped => rows.push(("1–9".to_string(), i18n::text(Msg::SectionsHelp))),
            Some(_) if grouped => {}
            _ => rows.push((keys.join(" "), i18n::action_help(a).to_string())),
        }
    }
    rows
}
