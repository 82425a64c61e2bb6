//! The help overlay's keys: a help longer than the screen scrolls with the line and page
//! keys; any other key closes it, and the help key toggles it.

use super::{Action, App, geometry};

impl App {
    /// What `action` does while the help is shown.
    pub(super) fn update_help(&mut self, action: Action) {
        let grid = geometry::help_grid(&self.config, self.screen);
        let page = grid.rows as isize;
        let step = match action {
            Action::LineDown => 1,
            Action::LineUp => -1,
            Action::PageDown | Action::HalfPageDown => page,
            Action::PageUp | Action::HalfPageUp => -page,
            Action::Bottom => grid.max_scroll as isize,
            Action::Top => -(grid.max_scroll as isize),
            _ => 0,
        };
        if grid.max_scroll > 0 && step != 0 {
            self.help_scroll = self.help_scroll.saturating_add_signed(step).min(grid.max_scroll);
            return;
        }
        self.overlay = None;
        self.help_scroll = 0;
        if action == Action::Quit {
            self.should_quit = true;
        }
    }
}
