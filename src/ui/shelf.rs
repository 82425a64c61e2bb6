//! The bookshelf overlay, drawn like the bookmarks list: two rows per text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::cells::fit;
use crate::app::shelf::shelf_path;
use crate::app::{Action, App};
use crate::config::Role;
use crate::i18n::{self, Msg};

/// Draws the shelf over `area`: each text's title, then its percent read and path (or
/// "missing"). Every string goes through [`fit`] (controls shown as placeholders).
pub fn draw_list(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    if area.width < 12 || area.height < 5 {
        return None;
    }
    let entries = &app.shelf.entries;
    let width = area.width.saturating_sub(4).clamp(12, 96);
    let inner_w = usize::from(width - 2);
    let rows = (entries.len() * 2).max(1);
    let height = (rows as u16 + 2).min(area.height);
    let rect = super::cells::centred(area, width, height);
    let keys = &app.config.keymap;
    let key = |a: Action| keys.first_key(a).unwrap_or_default();
    let title = i18n::text(Msg::ShelfTitle {
        n: entries.len(),
        select: &key(Action::Select),
        delete: &key(Action::Delete),
        undo: &key(Action::Undo),
        close: &key(Action::Close),
    });
    let inner = super::cells::framed(frame, rect, fit(&title, inner_w));
    if entries.is_empty() {
        frame.render_widget(Paragraph::new(fit(&i18n::text(Msg::ShelfEmpty), inner_w)), inner);
        return Some(rect);
    }
    let per_page = (usize::from(inner.height) / 2).max(1);
    let cursor = app.shelf.cursor.min(entries.len() - 1);
    let first = cursor.saturating_sub(per_page / 2).min(entries.len().saturating_sub(per_page));
    let theme = &app.config.theme;
    let mut lines = Vec::new();
    for (n, (_, p)) in entries.iter().enumerate().skip(first).take(per_page) {
        let on = n == cursor;
        let pointer = if on { "▸ " } else { "  " };
        let name = if p.title.is_empty() { &p.name } else { &p.title };
        let style = if on { theme.style(Role::OutlineCursor) } else { theme.style(Role::Body) };
        lines.push(Line::from(Span::styled(fit(&format!("{pointer}{}", app.shown(name)), inner_w), style)));
        let missing = app.shelf.missing.get(n).copied().unwrap_or(false);
        let state =
            if missing { i18n::text(Msg::ShelfMissing) } else { format!("{}%", p.percent.unwrap_or(0)) };
        lines.push(Line::from(Span::styled(
            fit(&format!("    {state} · {}", shelf_path(p)), inner_w),
            theme.style(Role::Byline),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    Some(rect)
}
