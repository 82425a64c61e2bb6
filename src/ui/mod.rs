//! Drawing: `draw(&App, &mut Frame)` reads the state and its indexes and never changes
//! them; what the text pane and the outline show was worked out before (`app::view`).

mod bookmarks;
mod cells;
mod comfort;
mod edges;
mod figures;
mod highlight;
mod shelf;
mod text;
mod vertical;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use self::cells::fit;
use crate::app::{Action, App, Focus, Overlay, geometry};
use crate::config::Role;
use crate::i18n::{self, Msg};

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if app.comfort.boss {
        // Nothing of the book stays on screen: no outline, no status line, no cell of text.
        comfort::draw_boss(frame, area);
        return;
    }
    // The panes are placed in the frame given: the last resize event may be older than the
    // size ratatui found (a resize storm), and nothing may be drawn outside the buffer.
    let panes = if app.screen == area { app.panes } else { app.panes_in(area) };
    if panes.too_small || area.width < 4 || area.height < 2 {
        let note = Paragraph::new(fit(&i18n::text(Msg::TerminalTooSmall), usize::from(area.width)));
        frame.render_widget(note, area);
        return;
    }
    // On a narrow screen the outline may cover the whole text pane (`o`).
    let over = app.outline_over && app.screen == area;
    if !over && app.vertical {
        vertical::draw_vertical(app, frame, panes.text);
    } else if !over {
        text::draw_text(app, frame, panes.text, panes.outline);
    }
    if let Some(outline) = panes.outline {
        draw_outline(app, frame, outline);
    }
    // In quiet mode the status line shows only a prompt or a message, over the last row.
    if !app.comfort.quiet || app.prompt.is_some() || app.message.is_some() {
        draw_status(app, frame, panes.status);
    }
    let window = match app.overlay {
        Some(Overlay::Help) => draw_help(app, frame, area),
        Some(Overlay::Figures) => figures::draw_list(app, frame, area),
        Some(Overlay::Bookmarks) => bookmarks::draw_list(app, frame, area),
        Some(Overlay::Shelf) => shelf::draw_list(app, frame, area),
        Some(Overlay::Settings) => comfort::draw_settings(app, frame, area),
        None => None,
    };
    // What is drawn over other things keeps its edges whatever lies under them.
    let buf = frame.buffer_mut();
    for rect in [window, Some(panes.status), panes.outline.filter(|_| over)].into_iter().flatten() {
        edges::seal(buf, rect);
    }
    scrub(buf);
}

/// The last guard of every frame: a cell that still holds a control character (from a
/// string some widget drew without [`cells::fit`]) shows a replacement character instead.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        if crate::sanitize::has_control(cell.symbol()) {
            cell.set_symbol("\u{fffd}");
        }
    }
}

/// The outline's border faces the text: on its right, or on its left when it is on the right.
fn outline_border(app: &App) -> Borders {
    match app.config.layout.outline_side {
        crate::config::Side::Left => Borders::RIGHT,
        crate::config::Side::Right => Borders::LEFT,
    }
}

fn draw_outline(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.config.theme;
    let focused = app.focus == Focus::Outline;
    let border = if focused { theme.style(Role::BorderFocused) } else { theme.style(Role::Border) };
    let block = Block::default()
        .borders(outline_border(app))
        .border_style(border)
        .title(Span::styled(format!(" {} ", i18n::text(Msg::OutlineTitle)), border));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let headings = &app.doc.headings;
    // A section hidden in a collapsed entry marks that entry as current.
    let current = app.current_heading().map(|h| app.fold.shown(headings, h));
    let height = usize::from(inner.height);
    if height == 0 {
        return;
    }
    // The entries the view lists (the cursor, which follows the current section while
    // reading, kept in view).
    let top_level = headings.iter().map(|h| h.level).min().unwrap_or(1);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = app
        .view
        .outline
        .iter()
        .take(height)
        .map(|&i| {
            let h = &headings[i];
            let indent = "  ".repeat(usize::from(h.level.saturating_sub(top_level)));
            let marker = if Some(i) == current { "▸" } else { " " };
            let folded = if app.fold.is_collapsed(i) {
                format!(" (+{})", crate::app::outline::descendants(headings, i))
            } else {
                String::new()
            };
            let label = format!("{marker}{indent}{}", app.heading_label(i));
            // The fold count stays visible: the title is cut, not the count.
            let room = width.saturating_sub(folded.width());
            let label = if room > 2 { format!("{}{folded}", fit(&label, room)) } else { label };
            let mut style = theme.style(Role::Outline);
            if Some(i) == current {
                style = style.patch(theme.style(Role::OutlineCurrent));
            }
            if focused && i == app.outline_cursor {
                style = style.patch(theme.style(Role::OutlineCursor));
            }
            Line::from(Span::styled(fit(&label, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.config.theme;
    if let Some(prompt) = &app.prompt {
        let mut area = area;
        // While a search is typed, its count stays at the right end.
        if prompt.kind == crate::app::PromptKind::Search
            && let Some(count) = app.search.count()
        {
            let count = format!(" {count} ");
            let w = (count.width() as u16).min(area.width / 2);
            let right = Rect { x: area.right() - w, width: w, ..area };
            frame.render_widget(Paragraph::new(count).style(theme.style(Role::Status)), right);
            area.width -= w;
        }
        draw_prompt(prompt, frame, area, theme.style(Role::Status));
        return;
    }
    let width = usize::from(area.width);
    let help =
        app.config.keymap.first_key(Action::Help).map(|k| i18n::text(Msg::HelpHint(&k))).unwrap_or_default();
    let selecting = app.selection_status();
    let (left, style) = match (&app.message, selecting) {
        (Some(m), _) => (reason_first(m, width), theme.style(Role::message(m.kind))),
        (None, Some(selecting)) => (selecting, theme.style(Role::Status)),
        _ if bookmarks::quote_status(app).is_some() => {
            // The section of the quote, wherever the top of the view is.
            let section = app
                .selected_quote()
                .and_then(|q| app.doc.heading_at(app.doc.block_at(q.start)))
                .map(|h| app.heading_label(h));
            let quote = bookmarks::quote_status(app).unwrap_or_default();
            (section.map_or_else(|| quote.clone(), |s| format!("{quote} · {s}")), theme.style(Role::Status))
        }
        _ if app.figure_status().is_some() => {
            (app.figure_status().unwrap_or_default(), theme.style(Role::Status))
        }
        _ => {
            let section =
                app.current_heading().map(|h| app.heading_label(h)).unwrap_or_else(|| app.doc.name.clone());
            // A piped text says where it came from, as a file's title does not need to.
            let section = match app.doc.from_stdin && section != app.doc.name {
                true => format!("{} · {section}", app.doc.name),
                false => section,
            };
            (section, theme.style(Role::Status))
        }
    };
    let mut right = format!("{}%", percent_of(app));
    if let Some(left) = app.progress.label() {
        right = format!("{right} · {left}");
    }
    // While the rest of the text is read, how far it is, in place of a share of the beginning.
    if let Some(loading) = &app.loading {
        right = loading.status();
    }
    if let Some(search) = app.search.status() {
        right = format!("{search} · {right}");
    }
    if app.doc.encoding != "UTF-8" {
        right = format!("{} · {right}", app.doc.encoding);
    }
    if !help.is_empty() {
        right = format!("{right} · {help}");
    }
    let right = format!(" {right} ");
    let room = width.saturating_sub(right.width() + 1);
    let left = fit(&format!(" {left}"), room);
    let pad = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(if right.width() <= width { right } else { String::new() }),
    ]);
    frame.render_widget(Paragraph::new(line).style(style), area);
}

/// A message as it fits `width` columns: whole when it fits; else every path in it
/// (`DIR/FILE:LINE:COL: reason`, `not saved: DIR/FILE: cannot …`) shortened to the file's
/// name, so that cutting the line keeps the reason visible rather than a long directory.
fn reason_first(m: &str, width: usize) -> String {
    if m.width() < width.saturating_sub(12) {
        return m.to_string();
    }
    m.split(' ')
        .map(|word| match word.rsplit_once('/') {
            Some((_, name)) if !name.is_empty() => name,
            _ => word,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The open prompt on the status line, with the terminal cursor at the insertion point (so
/// an input method shows its candidates there).
fn draw_prompt(prompt: &crate::app::Prompt, frame: &mut Frame, area: Rect, style: Style) {
    let width = usize::from(area.width);
    let before = format!("{}{}", prompt.label, &prompt.text[..prompt.cursor]);
    // Scroll the line so the cursor stays visible.
    let skip = before.width().saturating_sub(width.saturating_sub(1));
    let full = format!("{}{}", prompt.label, prompt.text);
    let mut shown = String::new();
    let mut col = 0;
    for c in full.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col >= skip {
            shown.push(c);
        }
        col += w;
    }
    frame.render_widget(Paragraph::new(fit(&shown, width)).style(style), area);
    let x = (before.width() - skip).min(width.saturating_sub(1)) as u16;
    frame.set_cursor_position((area.x + x, area.y));
}

/// The percentage read, computed from the cached layout (drawing may not mutate).
fn percent_of(app: &App) -> u8 {
    app.percent_cached()
}

/// Draws the help over `area`; returns where.
fn draw_help(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    let keymap = &app.config.keymap;
    let mut rows = geometry::help_rows(&app.config);
    if rows.is_empty() || area.width < 6 || area.height < 3 {
        return None;
    }
    // Columns as the grid says (shared with `update`, which scrolls it); long descriptions
    // are cut to the column, the keys are kept whole where they fit.
    const GAP: usize = geometry::HELP_GAP;
    let grid = geometry::help_grid(&app.config, area);
    let skip = app.help_scroll.min(grid.max_scroll);
    let cols = grid.columns.max(1);
    let per_col = grid.rows.max(1);
    let end = (skip + cols * per_col).min(rows.len());
    let title = if grid.max_scroll > 0 {
        let scroll_keys: Vec<String> =
            [Action::LineDown, Action::LineUp].iter().filter_map(|&a| keymap.first_key(a)).collect();
        i18n::text(Msg::HelpTitleScrolling {
            first: skip + 1,
            last: end,
            total: rows.len(),
            keys: &scroll_keys.join("/"),
        })
    } else {
        i18n::text(Msg::HelpTitle)
    };
    let room = usize::from(area.width - 2).saturating_sub(GAP * (cols - 1)) / cols;
    let longest = rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    if rows.iter().any(|(k, _)| k.width() + 2 + longest > room) {
        // Narrow columns: the first key of each action leaves room for what it does, so
        // that no description is cut from 80 columns up.
        rows = geometry::help_rows_keyed(&app.config, true);
    }
    let chunks: Vec<&[(String, String)]> = rows[skip..end].chunks(per_col).collect();
    let widths: Vec<(usize, usize)> = chunks
        .iter()
        .map(|chunk| {
            let key_w = chunk.iter().map(|(k, _)| k.width()).max().unwrap_or(0).min(room);
            let natural = chunk.iter().map(|(_, d)| key_w + 2 + d.width()).max().unwrap_or(0);
            (key_w, natural.min(room).max(1))
        })
        .collect();
    let inner_w = widths.iter().map(|(_, w)| w).sum::<usize>() + GAP * (chunks.len() - 1);
    // Wide enough for the title, which says how to scroll.
    let inner_w = inner_w.max(title.width() + 2);
    let width = (inner_w as u16 + 2).min(area.width);
    let height = (per_col as u16 + 2).min(area.height);
    let rect = cells::centred(area, width, height);
    let inner = cells::framed(frame, rect, title);
    let mut x = inner.x;
    for (chunk, &(key_w, col_w)) in chunks.iter().zip(&widths) {
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(k, d)| {
                let key = fit(k, key_w);
                let pad = " ".repeat(key_w.saturating_sub(key.width()) + 2);
                let desc = fit(d, col_w.saturating_sub(key_w + 2));
                Line::from(vec![Span::styled(key, Style::new().bold()), Span::raw(pad), Span::raw(desc)])
            })
            .collect();
        let w = (col_w as u16).min(inner.right().saturating_sub(x));
        frame.render_widget(Paragraph::new(lines), Rect { x, width: w, ..inner });
        x = x.saturating_add(col_w as u16 + GAP as u16);
        if x >= inner.right() {
            break;
        }
    }
    Some(rect)
}
