//! Reading comfort on screen: the settings panel over the text (which shows each change
//! at once behind it) and the boss key's screen, which covers every cell.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::cells::fit;
use crate::app::{Action, App};
use crate::config::Role;
use crate::i18n::{self, Comfort, Msg, Setting};

/// Draws the settings panel over `area`; returns where.
pub fn draw_settings(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    if area.width < 12 || area.height < 5 {
        return None;
    }
    let text = |c: Comfort<'_>| i18n::text(Msg::Comfort(c));
    let keys = &app.config.keymap;
    let key = |a: Action| keys.first_key(a).unwrap_or_default();
    let change = format!("{}/{}", key(Action::SettingLess), key(Action::SettingMore));
    let title = text(Comfort::SettingsTitle {
        change: &change,
        save: &key(Action::SaveSettings),
        close: &key(Action::Close),
    });
    let names: Vec<String> = Setting::ALL.iter().map(|&s| text(Comfort::Name(s))).collect();
    let name_w = names.iter().map(|n| n.width()).max().unwrap_or(0);
    let note = match &app.comfort.settings_path {
        Some(path) => text(Comfort::SavesTo(&path.display().to_string())),
        None => text(Comfort::NowhereToSave),
    };
    let rows: Vec<(String, String)> = Setting::ALL
        .iter()
        .zip(&names)
        .map(|(&s, n)| (n.clone(), format!("◂ {} ▸", text(Comfort::Value(app.setting_value(s))))))
        .collect();
    let widest_row = rows.iter().map(|(_, v)| name_w + 3 + v.width()).max().unwrap_or(0);
    let inner_w = widest_row.max(title.width() + 2).max(note.width()) as u16;
    let width = (inner_w + 2).min(area.width);
    let height = (rows.len() as u16 + 4).min(area.height);
    let rect = super::cells::centred(area, width, height);
    let inner = super::cells::framed(frame, rect, fit(&title, usize::from(width.saturating_sub(2))));
    let w = usize::from(inner.width);
    let cursor = app.config.theme.style(Role::OutlineCursor);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let pad = " ".repeat(name_w.saturating_sub(name.width()) + 3);
            let row = fit(&format!("{name}{pad}{value}"), w);
            let style = if i == app.comfort.settings_row { cursor } else { Style::default() };
            Line::from(Span::styled(row, style))
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(fit(&note, w), app.config.theme.style(Role::Byline))));
    frame.render_widget(Paragraph::new(lines), inner);
    Some(rect)
}

/// The boss key's screen: every cell cleared, then a shell prompt with a build log and
/// the terminal cursor after the last prompt.
pub fn draw_boss(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let screen = i18n::text(Msg::Comfort(Comfort::BossScreen));
    let width = usize::from(area.width);
    let lines: Vec<&str> = screen.lines().collect();
    // The newest lines, as a terminal shows them, when the screen is short.
    let skip = lines.len().saturating_sub(usize::from(area.height));
    let shown: Vec<Line> = lines[skip..].iter().map(|l| Line::from(fit(l, width))).collect();
    let last = shown.len().saturating_sub(1);
    let x = lines.last().map_or(0, |l| l.width().min(width.saturating_sub(1)));
    frame.render_widget(Paragraph::new(shown), area);
    frame.set_cursor_position((area.x + x as u16, area.y + last as u16));
}
