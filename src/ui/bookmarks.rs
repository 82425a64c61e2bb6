//! Quotes and bookmarks on screen: quote highlights, the bookmark mark beside bookmarked
//! passages, and the bookmark list overlay.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::cells::fit;
use super::highlight::Highlight;
use crate::app::quotes::excerpt;
use crate::app::{Action, App};
use crate::config::Role;
use crate::i18n::{self, Msg};

/// The mark drawn in the margin left of every row of a bookmarked passage.
pub const MARK: &str = "▍";

/// Adds the quote highlights overlapping bytes `start..end` to `out`: every quote, the
/// saved highlights, then the selected quote.
pub fn highlights(app: &App, start: usize, end: usize, out: &mut Vec<Highlight>) {
    let theme = &app.config.theme;
    for r in app.quotes.highlights_in(start, end) {
        out.push(Highlight { start: r.start, end: r.end, style: theme.style(Role::Highlight) });
    }
    let mut selected = None;
    for (q, sel) in app.quotes.quotes_in(start, end, app.selection.quote()) {
        out.push(Highlight { start: q.start, end: q.end, style: theme.style(Role::Quote) });
        if sel {
            selected =
                Some(Highlight { start: q.start, end: q.end, style: theme.style(Role::QuoteSelected) });
        }
    }
    out.extend(selected);
}

/// The status-line text of the selected quote while it is on screen.
pub fn quote_status(app: &App) -> Option<String> {
    let q = app.selected_quote()?;
    if app.offset_in_view(q.start) { app.quote_status() } else { None }
}

/// Draws the bookmark mark in the margin column left of `area` on row `y` when the row's
/// bytes `start..end` hold part of a bookmarked passage (only where that column is free).
pub fn margin_mark(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    outline: Option<Rect>,
    y: u16,
    start: usize,
    end: usize,
) {
    let Some(x) = area.x.checked_sub(1) else { return };
    let free_from = match outline {
        Some(o) if o.x < area.x => o.x + o.width,
        _ => 0,
    };
    if x < free_from || app.quotes.marks_in(start, end.max(start + 1)).next().is_none() {
        return;
    }
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(MARK).set_style(app.config.theme.style(Role::BookmarkMark));
    }
}

/// Draws the list of this article's bookmarks over `area`.
pub fn draw_list(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    if area.width < 12 || area.height < 5 {
        return None;
    }
    let here = &app.quotes.here;
    let width = area.width.saturating_sub(4).clamp(12, 96);
    let inner_w = usize::from(width - 2);
    let empty = here.is_empty().then(|| {
        let key = app.config.keymap.first_key(Action::Bookmark);
        match &app.quotes.broken {
            // The file is named with its reason (wrapped), not taken for an empty one.
            Some(why) => i18n::text(Msg::BookmarksFileBroken(&crate::sanitize::clean(why))),
            None => i18n::text(Msg::NoBookmarksYet(key.as_deref())),
        }
    });
    // Two rows per bookmark: the passage, then speaker, section and note; an empty list's
    // note whole.
    let rows = match &empty {
        Some(text) => super::cells::wrapped_rows(text, inner_w),
        None => here.len() * 2,
    };
    let height = (rows as u16 + 2).min(area.height);
    let rect = super::cells::centred(area, width, height);
    let keys = &app.config.keymap;
    let key = |a: Action| keys.first_key(a).unwrap_or_default();
    let title = i18n::text(Msg::BookmarksListTitle {
        n: here.len(),
        select: &key(Action::Select),
        delete: &key(Action::Delete),
        undo: &key(Action::Undo),
        close: &key(Action::Close),
    });
    let inner = super::cells::framed(frame, rect, fit(&title, inner_w));
    if let Some(text) = empty {
        let para = Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: false });
        frame.render_widget(para, inner);
        return Some(rect);
    }
    let per_page = (usize::from(inner.height) / 2).max(1);
    let cursor = app.quotes.cursor.min(here.len() - 1);
    let first = cursor.saturating_sub(per_page / 2).min(here.len().saturating_sub(per_page));
    let theme = &app.config.theme;
    let mut lines = Vec::new();
    for (n, (i, range)) in here.iter().enumerate().skip(first).take(per_page) {
        let b = &app.quotes.all[*i];
        let on = n == cursor;
        let pointer = if on { "▸ " } else { "  " };
        // As the text pane shows it (normalised punctuation).
        let quote = format!("{pointer}{}", excerpt(&app.shown(&b.quote), 60));
        let style = if on { theme.style(Role::OutlineCursor) } else { theme.style(Role::Body) };
        lines.push(Line::from(Span::styled(fit(&quote, inner_w), style)));
        let mut about = Vec::new();
        if b.is_highlight() {
            about.push(i18n::text(Msg::HighlightLabel));
        }
        about.push(b.speaker.clone().unwrap_or_else(|| "—".into()));
        if !b.section.is_empty() {
            about.push(app.shown(&b.section));
        }
        if range.is_none() {
            about.push(i18n::text(Msg::Detached));
        }
        if !b.note.is_empty() {
            about.push(i18n::text(Msg::Note(&b.note)));
        }
        lines.push(Line::from(Span::styled(
            fit(&format!("    {}", about.join(" · ")), inner_w),
            theme.style(Role::Byline),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    Some(rect)
}
