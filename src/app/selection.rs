//! The one selection of the reader: at most one thing is selected at a time, so the status
//! line, `m` (bookmark) and the highlights always speak of the same thing.
//!
//! Search keeps its own current match (the place `n` / `N` step from), which is a cursor of
//! the search rather than a selection: it is not part of this enum, so selecting a figure
//! or a quote leaves the search where it was, as before.

use super::{App, Focus};
use crate::document::figures::Figure;
use crate::document::quotes::Quote;

pub use super::state::selection::*;

impl App {
    /// The selected figure and its index.
    pub fn selected_figure(&self) -> Option<(usize, &Figure)> {
        let i = self.selection.figure()?;
        self.figures.all().get(i).map(|f| (i, f))
    }

    /// The selected quote.
    pub fn selected_quote(&self) -> Option<&Quote> {
        self.quotes.quotes().get(self.selection.quote()?)
    }

    /// The status-line text for the selected quote (see [`super::quotes::QuoteState::status`]).
    pub fn quote_status(&self) -> Option<String> {
        self.quotes.status(self.selection.quote()?)
    }

    /// Esc: in the text, clears the search highlights, or else the selection (one a press);
    /// in the outline, gives the keyboard back to the text. It never quits.
    pub(super) fn clear(&mut self) {
        if self.focus == Focus::Outline {
            if self.outline_over {
                self.outline_over = false;
                self.relayout();
            }
            self.focus = Focus::Text;
        } else if !self.search.clear_highlights() {
            self.selection = Selection::None;
        }
    }
}
