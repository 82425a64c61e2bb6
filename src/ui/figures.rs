//! Figures on screen: their highlights in the text pane and the figures list overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::cells::fit;
use super::highlight::Highlight;
use crate::app::view::ViewBlock;
use crate::app::{Action, App};
use crate::config::Role;
use crate::document::figures::{self, Figure};
use crate::i18n::{self, Msg};

/// Adds the figure highlights of the rows the view shows of one block to `out`: every
/// figure of an enabled kind the view found there while highlighting is on, then the
/// selected figure.
pub fn highlights(app: &App, vb: &ViewBlock, out: &mut Vec<Highlight>) {
    let theme = &app.config.theme;
    let (start, end) = (vb.span.start, vb.span.end);
    if app.figures.shown {
        let kinds = &app.config.highlight.figure_kinds;
        let base = theme.style(Role::Figure);
        for f in vb.figures.iter().filter(|f| kinds.contains(&f.kind)) {
            let style = base.patch(theme.style(Role::figure(f.kind)));
            out.push(Highlight { start: f.start, end: f.end, style });
        }
    }
    if let Some((_, f)) = app.selected_figure()
        && f.end > start
        && f.start < end
    {
        out.push(Highlight { start: f.start, end: f.end, style: theme.style(Role::FigureSelected) });
    }
}

/// One row of the list: kind, figure, section and context.
fn list_row(app: &App, f: &Figure, text_w: usize, cursor: bool) -> Vec<Span<'static>> {
    let doc = &app.doc;
    let block = doc.block_at(f.start);
    let section = doc.heading_at(block).map(|h| app.heading_label(h)).unwrap_or_default();
    let (bs, be) = doc.blocks.get(block).map_or((0, 0), |b| (b.start, b.end));
    let ctx = app.shown(&figures::context(&doc.text[bs..be], f.start - bs, f.end - bs, 8));
    let text = f.text(&doc.text);
    let pad = text_w.saturating_sub(text.width());
    // Padded by columns, not characters: a Chinese label is two columns a character.
    let kind = i18n::text(Msg::FigureKind(f.kind));
    let kind_pad = " ".repeat(8usize.saturating_sub(kind.width()));
    vec![
        Span::raw(format!("{}{kind}{kind_pad}", if cursor { '▸' } else { ' ' })),
        Span::styled(format!("{text}{} ", " ".repeat(pad)), app.config.theme.style(Role::FigureSelected)),
        Span::raw(format!(" {}  {ctx}", fit(&section, 16))),
    ]
}

/// Draws the figures list over `area`.
pub fn draw_list(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    let all = app.figures.all();
    if all.is_empty() || area.width < 8 || area.height < 4 {
        return None;
    }
    let width = area.width.saturating_sub(4).clamp(8, 96);
    let rows = app.figures_list_rows().min(all.len());
    let height = (rows as u16 + 2).min(area.height);
    let rect = super::cells::centred(area, width, height);
    let inner_h = usize::from(height.saturating_sub(2));
    let cursor = app.figures.list_cursor.min(all.len() - 1);
    // Keep the cursor in view, centred when it can be.
    let first = cursor.saturating_sub(inner_h / 2).min(all.len().saturating_sub(inner_h));
    let shown = &all[first..(first + inner_h).min(all.len())];
    let text_w = shown.iter().map(|f| f.text(&app.doc.text).width()).max().unwrap_or(0);
    let inner_w = usize::from(width.saturating_sub(2));
    let lines: Vec<Line> = shown
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let spans = list_row(app, f, text_w, first + k == cursor);
            let plain: String = spans.iter().map(|s| s.content.as_ref()).collect();
            if first + k == cursor {
                let shown = fit(&plain, inner_w);
                let pad = " ".repeat(inner_w.saturating_sub(shown.width()));
                Line::from(Span::styled(format!("{shown}{pad}"), Style::new().reversed()))
            } else if plain.width() > inner_w {
                Line::from(fit(&plain, inner_w))
            } else {
                Line::from(spans)
            }
        })
        .collect();
    let keys = &app.config.keymap;
    let key = |a: Action| keys.first_key(a).unwrap_or_default();
    let title = i18n::text(Msg::FiguresListTitle {
        n: cursor + 1,
        total: all.len(),
        select: &key(Action::Select),
        close: &key(Action::Close),
    });
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(fit(&title, inner_w));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    Some(rect)
}
